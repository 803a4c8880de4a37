"""A store that the board can hold even while the database is out of reach.

The board must start, and stay up, when the session file is missing, locked by a stalled
share, or refused: it says so and retries. This wrapper opens the real
:class:`~ikm_tui.store.session.Store` read-only on first use (a missing or not yet current
file is "unreachable" until the moderator's console creates it), and after any failure forgets
it so the next poll (every 100 ms) tries again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ikm_tui.domain.config import Config
    from ikm_tui.store.session import Store


class ReconnectingStore:
    def __init__(
        self,
        config: Config,
        path: Path | str | None = None,
        opener: Callable[[Config, Path | str | None], Store] | None = None,
    ) -> None:
        from ikm_tui.store.session import Store

        self.file_config = config
        self.path = path
        self._opener = opener or partial(Store, read_only=True)  # the board never writes
        self._store: Store | None = None

    def _open(self) -> Store:
        if self._store is None:
            self._store = self._opener(self.file_config, self.path)
        return self._store

    @property
    def config(self):
        """The recorded event once the session is reachable; until then, what the file says
        (only the title and language show while "unreachable")."""
        return self._store.config if self._store is not None else self.file_config

    def data_version(self) -> int:
        try:
            return self._open().data_version()
        except Exception:
            self.forget()
            raise

    def forget(self) -> None:
        if self._store is not None:
            try:
                self._store.close()
            except Exception:  # noqa: BLE001 - already broken; we only let go of it
                pass
            self._store = None

    def close(self) -> None:
        self.forget()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._open(), name)
