"""What a command needs, loaded only when it asks: the config, then the store."""

from __future__ import annotations

import re
from pathlib import Path

from ikm_tui.domain.config import Config, load_config
from ikm_tui.i18n import Messages


class Context:
    def __init__(self, config_path: str, db_path: str | None) -> None:
        self.config_path = Path(config_path)
        self.db_path = Path(db_path) if db_path else None
        self._config: Config | None = None
        self._store = None
        self.messages = Messages(_peek_language(self.config_path))

    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.config_path)
            self.messages = Messages(self._config.event.language)
        return self._config

    def store(self):
        if self._store is None:
            from ikm_tui.store.session import Store

            self._store = Store(self.config(), self.db_path)
        return self._store

    def database_path(self) -> Path:
        return self.db_path or self.config().event.database

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def _peek_language(path: Path) -> str:
    """The event's language before the config is known to be valid, for its own errors."""
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError:
        return "en"
    match = re.search(r'^\s*language\s*=\s*"(id|en)"', text, re.MULTILINE)
    return match.group(1) if match else "en"
