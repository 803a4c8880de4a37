"""The store as the rest of the app sees it: one object per process, one area per attribute."""

from __future__ import annotations

from pathlib import Path

from ikm_tui.domain.config import Config
from ikm_tui.domain.ranking import Ranking, rank
from ikm_tui.domain.units import ScoreUnits
from ikm_tui.store.access import AccessCodes
from ikm_tui.store.audit import AuditLog
from ikm_tui.store.database import Database
from ikm_tui.store.progress import Progress
from ikm_tui.store.queue import Queue
from ikm_tui.store.recheck import Rechecks
from ikm_tui.store.results import Results
from ikm_tui.store.schema import check_current, prepare
from ikm_tui.store.scores import ScoreSheets
from ikm_tui.store.stage import Stage


class Store:
    """Opens (creating or migrating) the session database for ``config``.

    ``read_only=True`` is for followers that must never write (the projector board): the file
    must already exist and be current; it is opened with SQLite's read-only mode.
    """

    def __init__(self, config: Config, path: Path | str | None = None, *, read_only: bool = False) -> None:
        self.config = config
        self.path = Path(path) if path else config.event.database
        self.db = Database(self.path, read_only=read_only)
        try:
            (check_current if read_only else prepare)(self.db, config)
        except BaseException:
            self.db.close()
            raise
        self.units = ScoreUnits.of(config)
        self.audit = AuditLog(self.db)
        self.scores = ScoreSheets(self.db, config)
        self.queue = Queue(self.db, config)
        self.stage = Stage(self.db, config)
        self.results = Results(self.db, config, self.scores, self.queue)
        self.access = AccessCodes(self.db, config)
        self.recheck = Rechecks(self.db, config)
        self.progress = Progress(self.db, config)

    def ranking(self) -> Ranking:
        """The live ranking from what is stored right now."""
        return rank(
            self.config, self.scores.points(self.units), self.queue.statuses(), self.results.decisions()
        )

    def data_version(self) -> int:
        return self.db.data_version()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
