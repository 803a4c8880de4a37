"""The prize-boundary monitor: how firmly each prize line holds, computed exactly.

At every line where the prize changes (Juara I | Juara II, ..., last prize | no prize) the panel
wants to know: what separates the two sides, did a tie-break criterion decide it, is it a tie,
and — the question no spreadsheet answers — how small a change of ONE score by ONE judge would
swap the two sides. Everything here is exact (fractions); nothing is estimated.

"Smallest" is measured as a share of the criterion's scale (a 1-point change on a 1–10 scale
outweighs 1 point on a 0–100 scale); equal shares prefer raising the lower side, then config
order of judges and criteria, so the answer is stable.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from ikm_tui.domain.config import Config, Prize
from ikm_tui.domain.ranking import Ranking, Standing
from ikm_tui.domain.scoring import Sheet, counted, kept
from ikm_tui.domain.units import ScoreUnits

TOTAL = "total"
DECISION = "decision"


@dataclass(frozen=True)
class Swing:
    """One judge changing one score on one side, enough to swap the two sides."""

    judge: str
    entrant: str
    criterion: str
    before: Fraction
    after: Fraction

    @property
    def delta(self) -> Fraction:
        return self.after - self.before


@dataclass(frozen=True)
class Boundary:
    place: int  # the last place above the line (2, 4, 6 in the sample event)
    above: Standing
    below: Standing
    upper_prize: Prize
    lower_prize: Prize | None  # None: the line between the last prize and no prize
    gap: Fraction  # above.total - below.total, exact
    tie: bool  # the two sides share a rank (unresolved, or ordered by a panel decision)
    decided_by: str | None  # "total", a tie-break criterion id, "decision", or None (open tie)
    swing: Swing | None  # the smallest single-score change that swaps them; None if none can


SwingFinder = Callable[[Config, Sequence[Sheet], Sequence[Sheet]], Swing | None]
"""Finds the smallest swing between two sides (``smallest_swing``, or a memoised one)."""


def boundaries(
    config: Config,
    ranking: Ranking,
    sheets: Mapping[str, Sequence[Sheet]],
    swing: SwingFinder | None = None,
) -> list[Boundary]:
    """Every prize line that has entrants on both sides; ``sheets`` maps entrant id to its sheets.

    ``swing(config, above_sheets, below_sheets)`` defaults to :func:`smallest_swing`; a live
    screen passes a memoised one, since most refreshes leave the lines' two sides unchanged.
    """
    swing = swing or smallest_swing
    ranked = ranking.ranked()
    slots = config.prize_slots()
    lines = []
    for place in range(1, len(slots) + 1):
        upper = slots[place - 1]
        lower = slots[place] if place < len(slots) else None
        if lower is upper or place >= len(ranked):
            continue
        above, below = ranked[place - 1], ranked[place]
        assert above.total is not None and below.total is not None  # ranked: both were scored
        lines.append(
            Boundary(
                place=place,
                above=above,
                below=below,
                upper_prize=upper,
                lower_prize=lower,
                gap=above.total - below.total,
                tie=above.rank == below.rank or above.keys == below.keys,
                decided_by=_decided_by(above, below, ranking.tie_break),
                swing=swing(config, sheets.get(above.entrant.id, ()), sheets.get(below.entrant.id, ())),
            )
        )
    return lines


def _decided_by(above: Standing, below: Standing, tie_break: Sequence[str]) -> str | None:
    for index, (a, b) in enumerate(zip(above.keys, below.keys)):
        if a != b:
            return TOTAL if index == 0 else tie_break[index - 1]
    return DECISION if above.decision else None


def smallest_swing(config: Config, above: Sequence[Sheet], below: Sequence[Sheet]) -> Swing | None:
    """The smallest change of one score by one judge after which ``below`` ranks strictly ahead.

    Raising a score on ``below`` or lowering one on ``above``; each candidate's effect is
    monotone in the new value (every aggregate rule is), so a binary search over the steps
    finds its least sufficient change exactly. The search runs on integer ticks and weighted
    points (see :mod:`ikm_tui.domain.units`): both sides share the scaling, so comparing their
    aggregates there orders them exactly as their totals.
    """
    units = ScoreUnits.of(config)
    upper, lower = _Side(config, units, above), _Side(config, units, below)
    if not upper.sheets or not lower.sheets:
        return None
    upper_keys, lower_keys = upper.keys, lower.keys
    best: tuple[tuple[Fraction, int, int, int], Swing] | None = None
    for order, (side, raising) in enumerate(((lower, True), (upper, False))):
        for j_index, sheet in enumerate(side.sheets):
            for c_index, criterion in enumerate(config.criteria):

                def swaps(
                    value: int,
                    side: _Side = side,
                    j: int = j_index,
                    c: int = c_index,
                    raising: bool = raising,
                ) -> bool:
                    keys = side.keys_with(j, c, value)
                    return keys > upper_keys if raising else lower_keys > keys

                now = side.ticks[j_index][c_index]
                found = _least_step(now, side.scale[c_index], raising, swaps)
                if found is None:
                    continue
                low, high, _step = side.scale[c_index]
                rank_key = (Fraction(abs(found - now), high - low), order, j_index, c_index)
                if best is None or rank_key < best[0]:
                    best = (
                        rank_key,
                        Swing(
                            sheet.judge,
                            sheet.entrant,
                            criterion.id,
                            Fraction(now, units.ticks),
                            Fraction(found, units.ticks),
                        ),
                    )
    return best[1] if best else None


def _least_step(
    now: int, scale: tuple[int, int, int], raising: bool, swaps: Callable[[int], bool]
) -> int | None:
    low, high, step = scale
    steps = ((high - now) if raising else (now - low)) // step
    sign = step if raising else -step
    if steps < 1 or not swaps(now + sign * steps):
        return None
    least, most = 1, steps  # swaps at ``most``; find the least
    while least < most:
        middle = (least + most) // 2
        if swaps(now + sign * middle):
            most = middle
        else:
            least = middle + 1
    return now + sign * least


class _Side:
    """One entrant's counted sheets in ticks, and its keys with one judge's one score changed.

    Keys are (aggregate of judges' weighted points — or, trimming per criterion, the weighted
    sum of each criterion's aggregate — then each tie-break criterion's aggregate of ticks).
    """

    def __init__(self, config: Config, units: ScoreUnits, sheets: Sequence[Sheet]) -> None:
        scoring = config.scoring
        self.rule, self.trim = scoring.aggregate, scoring.trim
        self.sheets = counted(sheets)
        self.trims = self.rule == "trimmed_mean" and self.trim > 0 and len(self.sheets) >= 2 * self.trim + 1
        self.per_criterion = self.trims and scoring.trim_scope == "criterion"
        self.weights = [units.weights[c.id] for c in config.criteria]
        self.scale = [
            (units.to_ticks(c.min), units.to_ticks(c.max), units.to_ticks(c.step)) for c in config.criteria
        ]
        index = {c.id: i for i, c in enumerate(config.criteria)}
        self.tie_break = [index[c] for c in scoring.tie_break]
        self.ticks = [[units.to_ticks(s.scores[c.id]) for c in config.criteria] for s in self.sheets]
        self.points = [sum(w * t for w, t in zip(self.weights, row)) for row in self.ticks]
        self.columns = [[row[i] for row in self.ticks] for i in range(len(self.weights))]
        self._replaced: dict[tuple[int, int | None], _OneReplaced] = {}
        if not self.sheets:
            return
        self.column_aggregate = [self._with(i, None, None) for i in range(len(self.weights))]
        if self.per_criterion:
            total = sum(w * a for w, a in zip(self.weights, self.column_aggregate))
        else:
            total = self._with(-1, None, None)
        self.keys = (total,) + tuple(self.column_aggregate[i] for i in self.tie_break)

    def _with(self, column: int, j: int | None, new: int | None) -> Fraction:
        """Aggregate of a column (-1: the judges' points) with judge ``j``'s value replaced."""
        replaced = self._replaced.get((column, j))
        if replaced is None:
            values = self.points if column < 0 else self.columns[column]
            replaced = _OneReplaced(values, j, self.rule, self.trim if self.trims else 0)
            self._replaced[(column, j)] = replaced
        return replaced.value(new)

    def keys_with(self, j: int, c: int, value: int) -> tuple[Fraction, ...]:
        column = self._with(c, j, value)
        if self.per_criterion:
            total = self.keys[0] + self.weights[c] * (column - self.column_aggregate[c])
        else:
            total = self._with(-1, j, self.points[j] + self.weights[c] * (value - self.ticks[j][c]))
        return (total,) + tuple(column if i == c else self.column_aggregate[i] for i in self.tie_break)


class _OneReplaced:
    """An aggregate (mean, median, trimmed mean) of integers with the ``j``-th one replaced.

    The others are sorted once with prefix sums, so each replacement costs O(log n): the binary
    search over steps calls this many times per judge and criterion.
    """

    def __init__(self, values: list[int], j: int | None, rule: str, trim: int) -> None:
        self.others = sorted(v for i, v in enumerate(values) if i != j)
        self.n = len(self.others) + (0 if j is None else 1)
        self.rule = rule
        self.trim = trim
        self.prefix = [0]
        for v in self.others:
            self.prefix.append(self.prefix[-1] + v)

    def value(self, new: int | None) -> Fraction:
        low, high = kept(self.n, self.rule, self.trim)  # the window rule lives in scoring
        return Fraction(self._window_sum(low, high, new), high - low)

    def _window_sum(self, low: int, high: int, new: int | None) -> int:
        prefix = self.prefix
        if new is None:
            return prefix[high] - prefix[low]
        p = bisect_left(self.others, new)
        if p < low:
            return prefix[high - 1] - prefix[low - 1]
        if p >= high:
            return prefix[high] - prefix[low]
        return prefix[high - 1] - prefix[low] + new
