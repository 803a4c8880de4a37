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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from ikm_tui.domain.config import Config, Criterion, Prize
from ikm_tui.domain.ranking import Ranking, Standing
from ikm_tui.domain.scoring import Sheet, counted, judge_total

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


def boundaries(config: Config, ranking: Ranking,
               sheets: Mapping[str, Sequence[Sheet]]) -> list[Boundary]:
    """Every prize line that has entrants on both sides; ``sheets`` maps entrant id to its sheets."""
    ranked = ranking.ranked()
    slots = config.prize_slots()
    lines = []
    for place in range(1, len(slots) + 1):
        upper = slots[place - 1]
        lower = slots[place] if place < len(slots) else None
        if lower is upper or place >= len(ranked):
            continue
        above, below = ranked[place - 1], ranked[place]
        lines.append(Boundary(
            place=place,
            above=above,
            below=below,
            upper_prize=upper,
            lower_prize=lower,
            gap=above.total - below.total,
            tie=above.rank == below.rank or above.keys == below.keys,
            decided_by=_decided_by(above, below, ranking.tie_break),
            swing=smallest_swing(config, sheets.get(above.entrant.id, ()),
                                 sheets.get(below.entrant.id, ())),
        ))
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
    finds its least sufficient change exactly.
    """
    upper, lower = _Side(config, above), _Side(config, below)
    if not upper.sheets or not lower.sheets:
        return None
    upper_keys, lower_keys = upper.keys, lower.keys
    best: tuple | None = None
    for order, (side, raising) in enumerate(((lower, True), (upper, False))):
        for j_index, sheet in enumerate(side.sheets):
            for c_index, criterion in enumerate(config.criteria):
                def swaps(value, side=side, j=j_index, c=criterion, raising=raising):
                    keys = side.keys_with(j, c, value)
                    return keys > upper_keys if raising else lower_keys > keys

                found = _least_step(sheet.scores[criterion.id], criterion, raising, swaps)
                if found is None:
                    continue
                share = (abs(found - sheet.scores[criterion.id])
                         / (Fraction(criterion.max) - Fraction(criterion.min)))
                rank_key = (share, order, j_index, c_index)
                if best is None or rank_key < best[0]:
                    best = (rank_key, Swing(sheet.judge, sheet.entrant, criterion.id,
                                            Fraction(sheet.scores[criterion.id]), found))
    return best[1] if best else None


def _least_step(score, criterion: Criterion, raising: bool, swaps) -> Fraction | None:
    score, step = Fraction(score), Fraction(criterion.step)
    room = (Fraction(criterion.max) - score) if raising else (score - Fraction(criterion.min))
    steps = int(room / step)
    sign = 1 if raising else -1
    if steps < 1 or not swaps(score + sign * steps * step):
        return None
    low, high = 1, steps  # swaps at ``high``; find the least
    while low < high:
        middle = (low + high) // 2
        if swaps(score + sign * middle * step):
            high = middle
        else:
            low = middle + 1
    return score + sign * low * step


class _Side:
    """One entrant's counted sheets, and its ranking keys with one judge's one score changed."""

    def __init__(self, config: Config, sheets: Sequence[Sheet]) -> None:
        self.scoring = config.scoring
        self.criteria = config.criteria
        self.sheets = counted(sheets)
        n, trim = len(self.sheets), self.scoring.trim
        rule = self.scoring.aggregate
        self.trims = rule == "trimmed_mean" and trim > 0 and n >= 2 * trim + 1
        self.per_criterion = self.trims and self.scoring.trim_scope == "criterion"
        self.possible = sum((Fraction(c.weight) * Fraction(c.max) for c in self.criteria),
                            Fraction(0))
        self.totals = [judge_total(s.scores, self.criteria) for s in self.sheets]
        self.columns = {c.id: [Fraction(s.scores[c.id]) for s in self.sheets]
                        for c in self.criteria}
        self._replaced: dict[tuple, _OneReplaced] = {}
        if not self.sheets:
            return
        self.total_of_column = {c: self._aggregate(values) for c, values in self.columns.items()}
        if self.per_criterion:
            total = 100 * sum((Fraction(c.weight) * self.total_of_column[c.id]
                               for c in self.criteria), Fraction(0)) / self.possible
        else:
            total = self._aggregate(self.totals)
        self.keys = (total,) + tuple(self.total_of_column[c] for c in self.scoring.tie_break)

    def _aggregate(self, values: list[Fraction]) -> Fraction:
        return _OneReplaced(values, None, self.scoring.aggregate, self.trims,
                            self.scoring.trim).value(None)

    def _with(self, name: str, values: list[Fraction], j: int, new: Fraction) -> Fraction:
        replaced = self._replaced.get((name, j))
        if replaced is None:
            replaced = _OneReplaced(values, j, self.scoring.aggregate, self.trims,
                                    self.scoring.trim)
            self._replaced[(name, j)] = replaced
        return replaced.value(new)

    def keys_with(self, j: int, criterion: Criterion, value: Fraction) -> tuple[Fraction, ...]:
        old = self.columns[criterion.id][j]
        column_total = self._with(criterion.id, self.columns[criterion.id], j, value)
        if self.per_criterion:
            shift = Fraction(criterion.weight) * (column_total - self.total_of_column[criterion.id])
            total = self.keys[0] + 100 * shift / self.possible
        else:
            judge = self.totals[j] + 100 * Fraction(criterion.weight) * (value - old) / self.possible
            total = self._with(TOTAL, self.totals, j, judge)
        return (total,) + tuple(column_total if c == criterion.id else self.total_of_column[c]
                                for c in self.scoring.tie_break)


class _OneReplaced:
    """An aggregate (mean, median, trimmed mean) of ``values`` with the ``j``-th one replaced.

    The others are sorted once with prefix sums, so each replacement costs O(log n): the binary
    search over steps calls this many times per judge and criterion.
    """

    def __init__(self, values: list[Fraction], j: int | None, rule: str, trims: bool,
                 trim: int) -> None:
        self.others = sorted(v for i, v in enumerate(values) if i != j)
        self.n = len(self.others) + (0 if j is None else 1)
        self.rule = rule
        self.trim = trim if trims else 0
        self.prefix = [Fraction(0)]
        for v in self.others:
            self.prefix.append(self.prefix[-1] + v)

    def value(self, new: Fraction | None) -> Fraction:
        if self.rule == "median":
            middle = self.n // 2
            if self.n % 2:
                return self._at(middle, new)
            return (self._at(middle - 1, new) + self._at(middle, new)) / 2
        low, high = self.trim, self.n - self.trim
        return self._window_sum(low, high, new) / (high - low)

    def _at(self, index: int, new: Fraction | None) -> Fraction:
        if new is None:
            return self.others[index]
        p = bisect_left(self.others, new)
        if index < p:
            return self.others[index]
        return new if index == p else self.others[index - 1]

    def _window_sum(self, low: int, high: int, new: Fraction | None) -> Fraction:
        prefix = self.prefix
        if new is None:
            return prefix[high] - prefix[low]
        p = bisect_left(self.others, new)
        if p < low:
            return prefix[high - 1] - prefix[low - 1]
        if p >= high:
            return prefix[high] - prefix[low]
        return prefix[high - 1] - prefix[low] + new
