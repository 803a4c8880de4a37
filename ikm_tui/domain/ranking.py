"""The ranking: totals in order, tie-breaks, shared ranks, prizes down the list, boundary ties.

Prizes are handed down the ranking one place each. Entrants still equal after every tie-break
share a rank (1, 2, 2, 4); when such a group straddles a prize boundary nobody can say who gets
which prize, so it is a :class:`Tie` that blocks finalising until the panel records a
:class:`Decision` ordering exactly those entrants.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import cast

from ikm_tui.domain.config import Config, Entrant, Prize
from ikm_tui.domain.queue_rules import UNRANKED
from ikm_tui.domain.scoring import Panel, Sheet, SheetPoints, aggregate
from ikm_tui.domain.units import ScoreUnits

OUT = frozenset(UNRANKED.values())
"""Standings that are not part of the result at all (their sheets are never awaited)."""


@dataclass(frozen=True)
class Decision:
    """The panel's order for a tied group, why, and who decided."""

    entrants: tuple[str, ...]
    reason: str
    decided_by: str
    at: str = ""


@dataclass(frozen=True)
class Standing:
    entrant: Entrant
    rank: int | None
    total: Fraction | None
    judges: int  # sheets that entered the aggregate, before any trimming
    expected: int  # judges who are not recused on this entrant
    prize: Prize | None
    status: str  # complete | incomplete | tie | not_scored | forfeit | withdrawn
    keys: tuple[Fraction, ...] = ()  # total, then each tie-break criterion's aggregate
    decision: Decision | None = None


@dataclass(frozen=True)
class Tie:
    """Entrants sharing ``rank`` whose places carry different prizes."""

    rank: int
    entrants: tuple[str, ...]
    prizes: tuple[Prize | None, ...]


@dataclass(frozen=True)
class Ranking:
    standings: tuple[Standing, ...]  # ranked in order, then the unranked
    ties: tuple[Tie, ...]  # unresolved: these block finalising
    tie_break: tuple[str, ...] = ()

    def ranked(self) -> list[Standing]:
        return [s for s in self.standings if s.rank is not None]

    def winners(self) -> list[Standing]:
        return [s for s in self.standings if s.prize is not None]

    def by_entrant(self) -> dict[str, Standing]:
        return {s.entrant.id: s for s in self.standings}

    def awaited(self) -> list[Standing]:
        """Everyone in the result: all but no-shows and withdrawals — an entrant nobody has
        scored yet included, so they never silently drop out."""
        return [s for s in self.standings if s.status not in OUT]

    def missing_count(self) -> int:
        """How many score sheets (scored or recused) the result still waits for."""
        return sum(s.expected - s.judges for s in self.awaited())


def missing_sheets(
    config: Config, ranking: Ranking, have: Iterable[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The (judge, entrant) pairs :meth:`Ranking.missing_count` counts, given the pairs that
    ``have`` a sheet (scored or recused)."""
    present = set(have)
    return [
        (j.id, s.entrant.id)
        for s in ranking.awaited()
        for j in config.judges
        if (j.id, s.entrant.id) not in present
    ]


@dataclass(frozen=True, slots=True)
class EntrantScore:
    """What the ranking needs of one entrant; cache it and recompute only who changed."""

    keys: tuple[Fraction, ...] | None  # total, then tie-break aggregates; None if nobody scored
    judges: int  # counted sheets (before trimming)
    expected: int  # judges not recused on this entrant
    rank_key: tuple[int, ...] = ()  # the keys as exact whole numbers (see rank_key)


def rank(
    config: Config,
    sheets: Iterable[Sheet | SheetPoints],
    statuses: Mapping[str, str] | None = None,
    decisions: Iterable[Decision] = (),
) -> Ranking:
    """Rank every entrant of ``config`` from the judges' ``sheets``.

    ``statuses`` maps entrant id to its queue status (withdrawn and forfeit are not ranked);
    ``decisions`` are the panel's recorded orders for tied groups.
    """
    return order(config, score_entrants(config, sheets), statuses, decisions)


def score_entrants(config: Config, sheets: Iterable[Sheet | SheetPoints]) -> dict[str, EntrantScore]:
    units = ScoreUnits.of(config)
    by_entrant: dict[str, list[SheetPoints]] = defaultdict(list)
    for sheet in sheets:
        if isinstance(sheet, Sheet):
            sheet = as_points(sheet, config, units)
        by_entrant[sheet.entrant].append(sheet)
    return {e.id: score_entrant(config, units, by_entrant.get(e.id, [])) for e in config.entrants}


def score_panel(config: Config, units: ScoreUnits, panel: Panel) -> EntrantScore:
    """:func:`score_entrant` of one entrant's :class:`Panel`. Under the mean rule the panel
    becomes one summed sheet (as the store sums them for ``leaderboard``): the mean needs no
    more, and F3 then makes one object per entrant, not one per sheet."""
    own: list[SheetPoints] = []
    if panel.points:
        if config.scoring.aggregate == "mean":
            ticks = tuple(None if column is None else sum(column) for column in panel.ticks)
            own.append(SheetPoints(None, panel.entrant, False, sum(panel.points), ticks, len(panel.points)))
        else:
            own += [
                SheetPoints(
                    judge,
                    panel.entrant,
                    False,
                    points,
                    tuple(None if c is None else c[i] for c in panel.ticks),
                )
                for i, (judge, points) in enumerate(zip(panel.judges, panel.points))
            ]
    if panel.recused:
        own.append(SheetPoints(None, panel.entrant, True, 0, (), panel.recused))
    return score_entrant(config, units, own)


def score_entrant(config: Config, units: ScoreUnits, own: list[SheetPoints]) -> EntrantScore:
    scored = [s for s in own if not s.recused]
    expected = len(config.judges) - sum(s.count for s in own if s.recused)
    keys = entrant_keys(scored, config, units) if scored else None
    return EntrantScore(
        keys,
        sum(s.count for s in scored),
        expected,
        rank_key(keys, key_scales(config, units)) if keys else (),
    )


def order(
    config: Config,
    scores: Mapping[str, EntrantScore],
    statuses: Mapping[str, str] | None = None,
    decisions: Iterable[Decision] = (),
) -> Ranking:
    """Order entrants by their scores, share ranks, hand down prizes, find boundary ties."""
    statuses = statuses or {}
    decisions_by_group = {frozenset(d.entrants): d for d in decisions}
    contenders: list[tuple[tuple[Fraction, ...], Entrant, int, int, tuple[int, ...]]] = []
    unranked: list[Standing] = []
    scales = key_scales(config, ScoreUnits.of(config))
    for entrant in config.entrants:
        score = scores[entrant.id]
        out_status = UNRANKED.get(statuses.get(entrant.id, ""))
        if out_status or score.keys is None:
            total = score.keys[0] if score.keys else None
            unranked.append(
                Standing(entrant, None, total, score.judges, score.expected, None, out_status or "not_scored")
            )
            continue
        contenders.append(
            (
                score.keys,
                entrant,
                score.judges,
                score.expected,
                score.rank_key or rank_key(score.keys, scales),
            )
        )

    contenders.sort(key=lambda item: item[4], reverse=True)  # stable: ties stay in roster order
    slots = config.prize_slots()

    def slot(position: int) -> Prize | None:
        return slots[position] if position < len(slots) else None

    ranked: list[Standing] = []
    ties: list[Tie] = []
    position = 0
    for group in _groups(contenders):
        if position < len(slots):
            prizes = tuple(slot(position + i) for i in range(len(group)))
            straddles = len(set(prizes)) > 1
        else:  # past every prize (most of a big event): nothing can straddle a boundary
            prizes, straddles = (None,) * len(group), False
        decision = decisions_by_group.get(frozenset(item[1].id for item in group)) if straddles else None
        if decision:
            order = {entrant_id: i for i, entrant_id in enumerate(decision.entrants)}
            group = sorted(group, key=lambda item: order[item[1].id])
        elif straddles:
            ties.append(Tie(position + 1, tuple(item[1].id for item in group), prizes))
        for offset, (keys, entrant, judges, expected, _approximately) in enumerate(group):
            if decision:
                place, prize, status = position + offset + 1, prizes[offset], None
            elif straddles:
                place, prize, status = position + 1, None, "tie"
            else:
                place, prize, status = position + 1, prizes[0], None
            if status is None:
                status = "complete" if judges == expected else "incomplete"
            ranked.append(Standing(entrant, place, keys[0], judges, expected, prize, status, keys, decision))
        position += len(group)
    return Ranking(tuple(ranked + unranked), tuple(ties), config.scoring.tie_break)


def as_points(sheet: Sheet, config: Config, units: ScoreUnits) -> SheetPoints:
    if sheet.recused:
        return SheetPoints(sheet.judge, sheet.entrant, True, 0, ())
    ticks = tuple(units.to_ticks(sheet.scores[c.id]) for c in config.criteria)
    return SheetPoints(sheet.judge, sheet.entrant, False, units.points(sheet.scores), ticks)


def entrant_keys(scored: list[SheetPoints], config: Config, units: ScoreUnits) -> tuple[Fraction, ...]:
    """The total, then each tie-break criterion's aggregate (in score points), exactly.

    The one home of the entrant-total rule (aggregate of counted sheets; per criterion under
    ``trim_scope = "criterion"``), on integer points and ticks; property tests hold it to the
    rule written out plainly in ``tests/unit/rules_as_written.py``.
    """
    scoring = config.scoring
    rule, trim = scoring.aggregate, scoring.trim
    index = {c.id: i for i, c in enumerate(config.criteria)}
    if any(s.count != 1 for s in scored):
        if rule != "mean":
            raise ValueError("summed sheets can only be aggregated by the mean")
        count = sum(s.count for s in scored)
        total = units.total(Fraction(sum(s.points for s in scored), count))
        tie_breaks = tuple(
            Fraction(sum(_column(scored, index[c])), count * units.ticks) for c in scoring.tie_break
        )
        return (total,) + tie_breaks
    if rule == "trimmed_mean" and scoring.trim_scope == "criterion" and len(scored) >= 2 * trim + 1:
        points: Fraction = sum(
            (
                units.weights[c.id] * aggregate(_column(scored, i), rule, trim)
                for i, c in enumerate(config.criteria)
            ),
            Fraction(0),
        )
        total = units.total(points)
    else:
        total = units.total(aggregate((s.points for s in scored), rule, trim))
    tie_breaks = tuple(
        aggregate(_column(scored, index[c]), rule, trim) / units.ticks for c in scoring.tie_break
    )
    return (total,) + tie_breaks


def key_scales(config: Config, units: ScoreUnits) -> tuple[int, ...]:
    """Multipliers that turn every ranking key into a whole number, exactly.

    A total or a tie-break key is a mean, a median or a trimmed mean of at most one value per
    judge, each a whole number of points (or ticks): its denominator divides
    2 x lcm(1..judges) times ``possible`` (totals) or ``ticks`` (tie-breaks). Scaled by that,
    keys compare as plain ints — exactly, and about as fast as floats — which keeps re-ranking
    10,000 entrants after one new score cheap.
    """
    return _scales(len(config.judges), units.possible, units.ticks, len(config.scoring.tie_break))


@lru_cache(maxsize=16)
def _scales(judges: int, possible: int, ticks: int, tie_breaks: int) -> tuple[int, ...]:
    common = 2 * math.lcm(*range(1, max(judges, 1) + 1))
    return (common * possible,) + (common * ticks,) * tie_breaks


def rank_key(keys: tuple[Fraction, ...], scales: tuple[int, ...]) -> tuple[int, ...]:
    """``keys`` on the common integer scales of :func:`key_scales` (same order, same ties)."""
    scaled = []
    for key, scale in zip(keys, scales, strict=True):
        whole, rest = divmod(scale, key.denominator)
        if rest:
            raise ValueError(f"{key} is not a multiple of 1/{scale}")
        scaled.append(key.numerator * whole)
    return tuple(scaled)


def _column(scored: list[SheetPoints], index: int) -> list[int]:
    """Criterion ``index``'s ticks on every sheet (the store fills each column the rule needs)."""
    return cast("list[int]", [s.ticks[index] for s in scored])


Contender = tuple[tuple[Fraction, ...], Entrant, int, int, tuple[int, ...]]


def _groups(contenders: list[Contender]) -> Iterator[list[Contender]]:
    """Runs of contenders whose total and every tie-break key are equal."""
    group: list[Contender] = []
    for item in contenders:
        if group and group[-1][4] != item[4]:  # the exact integer keys (see rank_key)
            yield group
            group = []
        group.append(item)
    if group:
        yield group
