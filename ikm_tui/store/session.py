"""The store as the rest of the app sees it: one object per process, one area per attribute."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ikm_tui.domain import definition
from ikm_tui.domain.config import Config
from ikm_tui.domain.errors import InputError
from ikm_tui.domain.units import ScoreUnits
from ikm_tui.store.audit import AuditLog
from ikm_tui.store.database import Database
from ikm_tui.store.progress import Progress
from ikm_tui.store.notes import Notes
from ikm_tui.store.queue import Queue
from ikm_tui.store.recheck import Rechecks
from ikm_tui.store.record import EventRecord, Revision
from ikm_tui.store.schema import check_current, prepare
from ikm_tui.store.scores import ScoreSheets
from ikm_tui.store.stage import Stage

if TYPE_CHECKING:
    from ikm_tui.domain.amendment import Change, Review
    from ikm_tui.domain.ranking import Ranking
    from ikm_tui.store.access import AccessCodes
    from ikm_tui.store.results import Results

BUILT_ON_FIRST_USE = ("results", "access")
"""Areas made when first used: their modules (the ranking behind the results, the hashing
behind access codes) are not needed for the moderator's first frame."""


class Store:
    """Opens (creating or migrating) the session database and runs on its *recorded* event.

    ``config`` is what ``config.toml`` says now: on a new file it becomes the record; on an
    existing one it is only compared (:meth:`pending`) — ``store.config`` is always the
    recorded definition, which every screen, command and export works from.

    ``read_only=True`` is for followers that must never write (the projector board): the file
    must already exist and be current; it is opened with SQLite's read-only mode.
    ``actor`` names the person (or judge id) that creating or migrating the file is audited as.
    """

    def __init__(
        self,
        config: Config,
        path: Path | str | None = None,
        *,
        read_only: bool = False,
        actor: str = "system",
    ) -> None:
        self.file_config = config
        self.path = Path(path) if path else config.event.database
        self.db = Database(self.path, read_only=read_only)
        try:
            if read_only:
                check_current(self.db, config)
            else:
                prepare(self.db, config, actor)
            self._use(self._latest())
        except BaseException:
            self.db.close()
            raise

    def _latest(self) -> Revision:
        return EventRecord(self.db, None, None).latest()

    def _use(self, revision: Revision) -> None:
        """Run on this revision of the definition: every area gets the recorded config."""
        try:
            config = definition.decode(
                revision.body,
                path=self.file_config.path,
                database=self.path,
                backup=self.file_config.backup,
            )
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            raise InputError(
                str(self.path), "db.bad_definition", detail=f"{type(exc).__name__}: {exc}"
            ) from None
        self.revision = revision
        self.config = config
        self.units = ScoreUnits.of(config)
        self.audit = AuditLog(self.db)
        self.scores = ScoreSheets(self.db, config)
        self.notes = Notes(self.db, config)
        self.queue = Queue(self.db, config)
        self.stage = Stage(self.db, config)
        self.recheck = Rechecks(self.db, config)
        self.progress = Progress(self.db, config)
        self.record = EventRecord(self.db, self.scores, self.stage)
        for area in BUILT_ON_FIRST_USE:
            self.__dict__.pop(area, None)  # made again, on this config, when next used

    @cached_property
    def results(self) -> Results:
        from ikm_tui.store.results import Results

        return Results(self.db, self.config, self.scores, self.queue)

    @cached_property
    def access(self) -> AccessCodes:
        from ikm_tui.store.access import AccessCodes

        return AccessCodes(self.db, self.config)

    @property
    def event_id(self) -> str:
        """The event's identity, created with the session (not its title)."""
        return self.record.event_id()

    def pending(self) -> list[Change]:
        """What ``config.toml`` says that the record does not (empty: nothing to amend)."""
        described = definition.encode(self.file_config)
        if described == self.revision.body:  # the usual case: one comparison, no field walk
            return []
        from ikm_tui.domain.amendment import differences

        return differences(definition.encode(self.config), described)  # in the file's order

    def review(self) -> Review:
        """The pending amendment with its effect on the standings, for ``event diff`` and the
        console's review."""
        from ikm_tui.domain.amendment import Review
        from ikm_tui.domain.ranking import rank

        changes = self.pending()
        problems = self.record.problems(self.file_config) if changes else []
        sheets, statuses, decisions = self.scores.sheets(), self.queue.statuses(), self.results.decisions()
        before = rank(self.config, sheets, statuses, decisions)
        after = rank(self.file_config, sheets, statuses, decisions) if changes and not problems else None
        return Review(changes, problems, before, after)

    def amend(self, reason: str, *, actor: str) -> Revision:
        """Apply ``config.toml`` as one audited amendment, then run on it."""
        revision = self.record.amend(self.file_config, reason, actor=actor)
        self._use(revision)
        return revision

    def refresh(self) -> bool:
        """Pick up an amendment another process applied; True if the definition changed."""
        latest = self._latest()
        if latest.revision == self.revision.revision:
            return False
        self._use(latest)
        return True

    def ranking(self) -> Ranking:
        """The live ranking from what is stored right now."""
        from ikm_tui.domain.ranking import rank

        return rank(
            self.config, self.scores.points(self.units), self.queue.statuses(), self.results.decisions()
        )

    def data_version(self) -> int:
        return self.db.data_version()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
