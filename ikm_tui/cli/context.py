"""What a command needs, loaded only when it asks: the config file, then the store and the
event as it records it."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ikm_tui.who import os_user
from ikm_tui.domain.config import Config, load_config
from ikm_tui.i18n import Messages

if TYPE_CHECKING:  # the store is imported only by commands that open it
    from ikm_tui.store.session import Store


class Context:
    def __init__(self, config_path: str, db_path: str | None, actor: str | None = None) -> None:
        self.config_path = Path(config_path)
        self.db_path = Path(db_path) if db_path else None
        self.actor = actor or os_user()
        self.announce_pending = True  # ``event diff|apply`` show the difference themselves
        self._file_config: Config | None = None
        self._recorded: Config | None = None
        self._store: Store | None = None
        self.messages = Messages(peek_language(self.config_path))

    def file_config(self) -> Config:
        """What ``config.toml`` says now: a new session records it; otherwise only compared."""
        if self._file_config is None:
            self._file_config = load_config(self.config_path)
            self.messages = Messages(self._file_config.event.language)
        return self._file_config

    def config(self) -> Config:
        """The event as the session database records it — what every command works from."""
        if self._recorded is None:
            self.store()
        assert self._recorded is not None
        return self._recorded

    def config_before_opening(self) -> Config:
        """For checks that must refuse before any file is created: the record if the session
        database exists (opening it), else the file that will become the record."""
        path = self.db_path or self.file_config().event.database
        return self.config() if path.exists() else self.file_config()

    def store(self) -> Store:
        if self._store is None:
            from ikm_tui.store.session import Store

            store = self._store = Store(self.file_config(), self.db_path, actor=self.actor)
            self._recorded = store.config
            self.messages = Messages(self._recorded.event.language)
            if self.announce_pending:
                pending = store.pending()
                if pending:  # one line on stderr: --json on stdout stays clean
                    print(self.messages("event.pending_line", count=len(pending)), file=sys.stderr)
        return self._store

    def database_path(self) -> Path:
        return self.db_path or self.file_config().event.database

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def peek_language(path: Path) -> str:
    """The event's language before the config is known to be valid, for its own errors."""
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError:
        return "en"
    match = re.search(r'^\s*language\s*=\s*"(id|en)"', text, re.MULTILINE)
    return match.group(1) if match else "en"
