"""What the results screen shows, kept up to date incrementally (no Textual here).

A refresh after one new score must stay cheap even at 10,000 entrants x 25 judges, so the
per-entrant work (ranking keys, divergence flags, the display row, the boundary swings) is
cached and only the entrants whose sheets the audit log says changed are re-read. The first
read (F3 opening) fetches each entrant's panel as one row — every sheet's points, summed by
SQLite — and ranks and flags from it without making an object per sheet; full sheets are read
only for the entrants on either side of a prize line. The ordering itself is redone each time
(the engine's ``order``), which is what one new score can really change.

The leaderboard rows come from the live ranking while results are open, and from the frozen
snapshot once they are locked — the moderator then sees exactly what was finalised, the same
rows the board reveals and the exports print.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from ikm_tui.domain.boundaries import Boundary, Swing, boundaries, smallest_swing
from ikm_tui.domain.config import Config
from ikm_tui.domain.divergence import (
    Divergence,
    Flag,
    Tolerance,
    as_divergence,
    flags_in_order,
    judge_order,
    panel_flags,
)
from ikm_tui.domain.leaderboard import standing_row
from ikm_tui.domain.ranking import EntrantScore, Ranking, as_points, order, score_entrant, score_panel
from ikm_tui.domain.scoring import Panel, Sheet, counted
from ikm_tui.domain.units import ScoreUnits
from ikm_tui.store.results import Frozen, TamperedResult

SWING_MEMO = 64
FLAGS_SHOWN = 100  # nobody reads 10,000 flags; the worst come first and a count says the rest


@dataclass(frozen=True)
class ResultsView:
    rows: list[dict]  # domain.leaderboard.standing_row, in rank order
    ranking: Ranking  # live
    lines: list[Boundary]
    flags: list[Divergence]  # the furthest out first, at most FLAGS_SHOWN
    flag_count: int  # every flag, shown or not
    asked: frozenset[tuple[str, str]]  # (judge, entrant) with a pending re-check request
    frozen: Frozen | None
    reveal_step: int
    missing: int  # score sheets still missing for ranked entrants
    tampered: TamperedResult | None = None  # the frozen result fails its check: shown, not used


class _SheetsOnDemand(Mapping):
    """Entrant -> sheets, read from the store the first time a prize line needs them."""

    def __init__(self, live: LiveResults) -> None:
        self.live = live

    def __getitem__(self, entrant: str) -> list[Sheet]:
        cached = self.live.sheets.get(entrant)
        if cached is None:
            cached = [r.as_sheet() for r in self.live.store.scores.for_entrant(entrant).values()]
            self.live.sheets[entrant] = cached
        return cached

    def __iter__(self) -> Iterator[str]:
        return iter(self.live.sheets)

    def __len__(self) -> int:
        return len(self.live.sheets)


class LiveResults:
    def __init__(self, store) -> None:
        self.store = store
        self.config = store.config
        self.units = ScoreUnits.of(self.config)
        self.seq: int | None = None
        self.sheets: dict[str, list[Sheet]] = {}
        self.version: dict[str, int] = defaultdict(int)  # bumped whenever an entrant's sheets change
        self.scores: dict[str, EntrantScore] = {}
        self.flags: dict[str, list[Flag]] = {}  # entrants without a flag are left out
        self._rows: dict[str, tuple[object, dict]] = {}  # entrant -> (standing, its row)
        self._swings: dict[tuple[tuple[str, int] | None, ...], Swing | None] = {}
        self._flag_sort: dict[str, list[tuple]] = {}  # entrant -> its flags with sort keys
        self._top: list[tuple] | None = None  # the worst FLAGS_SHOWN flags, kept between reads
        self._flag_total = 0
        self._order = {e.id: i for i, e in enumerate(self.config.entrants)}
        self._judge_order = judge_order(self.config)
        self._tolerance = Tolerance.of(self.config, self.units)
        self._shown: dict[Flag, Divergence] = {}  # the flags shown last, as totals

    def read(self) -> ResultsView:
        store, config = self.store, self.config
        seq, changed = store.results.score_changes(self.seq)
        if changed is None:
            self._reload_all()
        else:
            for entrant in changed:
                self._reload(entrant)
        self.seq = seq  # only once re-read: a failed read is retried whole next time
        ranking = order(config, self.scores, store.queue.statuses(), store.results.decisions())
        try:
            frozen, tampered = store.results.frozen(), None
        except TamperedResult as exc:  # shown as a warning; the live ranking stays visible
            frozen, tampered = None, exc
        recheck = getattr(store, "recheck", None)
        asked = frozenset((r.judge, r.entrant) for r in recheck.pending()) if recheck else frozenset()
        return ResultsView(
            rows=frozen.snapshot.rows if frozen else [self._row(s) for s in ranking.standings],
            ranking=ranking,
            lines=boundaries(config, ranking, _SheetsOnDemand(self), self._swing),
            flags=self._shown_flags(),
            flag_count=self._flag_total,
            asked=asked,
            frozen=frozen,
            reveal_step=store.results.reveal_state().step,
            missing=ranking.missing_count(),
            tampered=tampered,
        )

    def _reload_all(self) -> None:
        """Everything from one SQL read of every entrant's panel; no sheet is read into Python
        one by one here (full sheets are read only for the prize lines)."""
        store, config, units = self.store, self.config, self.units
        self.sheets.clear()
        for entrant in config.entrants:
            self.version[entrant.id] += 1
        # the per-sheet points serve the ranking and the flags alike
        panels = store.scores.panels(units)
        empty = Panel("")
        self.scores = {e.id: score_panel(config, units, panels.get(e.id, empty)) for e in config.entrants}
        self.flags = {}
        for panel in panels.values():
            flags = panel_flags(self._tolerance, panel.entrant, panel.judges, panel.points)
            if flags:
                self.flags[panel.entrant] = flags_in_order(flags, self._judge_order)
        self._flag_sort.clear()
        self._top = None

    def _reload(self, entrant: str) -> None:
        sheets = [r.as_sheet() for r in self.store.scores.for_entrant(entrant).values()]
        self.sheets[entrant] = sheets
        self.version[entrant] += 1
        points = [as_points(s, self.config, self.units) for s in sheets]
        self.scores[entrant] = score_entrant(self.config, self.units, points)
        old = self.flags.pop(entrant, [])
        scored = counted(sheets)
        flags = panel_flags(
            self._tolerance, entrant, [s.judge for s in scored], [self.units.points(s.scores) for s in scored]
        )
        if flags:
            self.flags[entrant] = flags_in_order(flags, self._judge_order)
        self._flag_sort.pop(entrant, None)
        self._flag_total += len(flags) - len(old)
        if self._top is not None:
            if any(item[-1] in old for item in self._top):
                self._top = None  # it left the worst few: only a full pass knows who moves up
            else:  # the rest of the worst few stand; its new flags may join them
                self._top = self._worst(self._top + self._flag_keys(entrant))

    def _shown_flags(self) -> list[Divergence]:
        """The worst flags as totals (Fractions), made only for the few shown."""
        shown = {
            flag: self._shown.get(flag) or as_divergence(self.units, flag)
            for *_key, flag in self._top_flags()
        }
        self._shown = shown
        return list(shown.values())

    def _top_flags(self) -> list[tuple]:
        """The worst flags by distance, then roster order (then the panel's order).

        Kept between reads: one new score redoes the full pass over every flag only when it
        changes one of the flags shown.
        """
        if self._top is None:
            self._flag_total = sum(len(f) for f in self.flags.values())
            self._top = self._worst(item for entrant in self.flags for item in self._flag_keys(entrant))
        return self._top

    @staticmethod
    def _worst(items) -> list[tuple]:
        return heapq.nsmallest(FLAGS_SHOWN, items)

    def _flag_keys(self, entrant: str) -> list[tuple]:
        keys = self._flag_sort.get(entrant)
        if keys is None:
            place = self._order.get(entrant, 0)
            # (furthest first, roster order, the entrant's own order): unique, so a Flag itself
            # is never compared
            keys = [(-f.gap, place, i, f) for i, f in enumerate(self.flags.get(entrant, ()))]
            self._flag_sort[entrant] = keys
        return keys

    def _swing(self, config: Config, above: Sequence[Sheet], below: Sequence[Sheet]) -> Swing | None:
        """:func:`smallest_swing`, remembered while neither side's sheets change."""
        key = tuple((s[0].entrant, self.version[s[0].entrant]) if s else None for s in (above, below))
        if key not in self._swings:
            if len(self._swings) >= SWING_MEMO:
                self._swings.clear()
            self._swings[key] = smallest_swing(config, above, below)
        return self._swings[key]

    def _row(self, standing) -> dict:
        cached = self._rows.get(standing.entrant.id)
        if cached is not None and _same_standing(cached[0], standing):
            return cached[1]
        row = standing_row(standing)
        self._rows[standing.entrant.id] = (standing, row)
        return row


def _same_standing(a, b) -> bool:
    """Standing equality, cheaply: an entrant not re-scored keeps the very same keys and total
    objects (its cached EntrantScore), so identity stands in for comparing Fractions."""
    return (
        a.total is b.total
        and a.keys is b.keys
        and a.rank == b.rank
        and a.prize is b.prize
        and a.status == b.status
        and a.judges == b.judges
        and a.expected == b.expected
        and a.decision == b.decision
        and a.entrant is b.entrant
    )


def read_results(store) -> ResultsView:
    """One full read (tests, one-off callers); the screen keeps a :class:`LiveResults`."""
    return LiveResults(store).read()
