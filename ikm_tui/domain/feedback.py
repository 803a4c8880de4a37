"""How the panel saw one start-up, criterion by criterion, against the rest of the field.

Every number here comes from the event's own rule: an entrant's score on a criterion is its
judges' scores on that criterion aggregated by the event's rule
(:func:`~ikm_tui.domain.scoring.aggregate` with its ``aggregate`` and ``trim``), exactly as the
ranking's tie-break aggregates a criterion, so the report never tells a start-up a different
story from the ranking. The field's median and best are taken over the entrants who presented
and were scored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ikm_tui.domain.config import Config, Criterion
from ikm_tui.domain.scoring import Sheet, aggregate, counted

# Queue statuses of an entrant who never stood in front of the panel.
ABSENT = ("withdrawn", "forfeit")
ON_STAGE_OR_DONE = ("on_stage", "done")
HIGHLIGHTS = 2  # strongest and weakest criteria named in words


@dataclass(frozen=True)
class CriterionView:
    criterion: Criterion
    own: Fraction | None  # the entrant's aggregate on this criterion
    median: Fraction | None  # the field's median of those aggregates
    best: Fraction | None  # the field's highest

    @property
    def relative(self) -> Fraction:
        """How far above (+) or below (-) the field's median, as a share of the scale, so
        criteria on different scales compare fairly."""
        if self.own is None or self.median is None:
            return Fraction(0)
        span = Fraction(self.criterion.max - self.criterion.min) or Fraction(1)
        return (self.own - self.median) / span


@dataclass(frozen=True)
class EntrantFeedback:
    entrant: str
    presented: bool
    criteria: tuple[CriterionView, ...]
    strongest: tuple[CriterionView, ...]
    weakest: tuple[CriterionView, ...]
    field_size: int  # entrants the median and best are taken over


def sheets_from_scores(scores: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> dict[str, list[Sheet]]:
    """``{entrant: {judge: {"recused", "scores"}}}`` (the exports' shape) as Sheets."""
    return {
        entrant: [
            Sheet(judge, entrant, {c: Fraction(v) for c, v in sheet["scores"].items()}, sheet["recused"])
            for judge, sheet in per_judge.items()
        ]
        for entrant, per_judge in scores.items()
    }


def presented(status: str, sheets: list[Sheet]) -> bool:
    """Stood in front of the panel: not withdrawn or forfeited, and called or scored."""
    if status in ABSENT:
        return False
    return status in ON_STAGE_OR_DONE or bool(counted(sheets))


def field_feedback(
    config: Config, sheets: Mapping[str, list[Sheet]], statuses: Mapping[str, str]
) -> dict[str, EntrantFeedback]:
    """Feedback for every entrant of ``config``, in one pass over the field."""
    scoring = config.scoring
    present = {e.id: presented(statuses.get(e.id, ""), sheets.get(e.id, [])) for e in config.entrants}
    own: dict[str, dict[str, Fraction | None]] = {}
    for entrant in config.entrants:
        mine = counted(sheets.get(entrant.id, [])) if present[entrant.id] else []
        own[entrant.id] = {
            c.id: aggregate((s.scores[c.id] for s in mine), scoring.aggregate, scoring.trim) if mine else None
            for c in config.criteria
        }
    scored = [e for e in own if present[e] and any(v is not None for v in own[e].values())]
    medians: dict[str, Fraction | None] = {}
    bests: dict[str, Fraction | None] = {}
    for c in config.criteria:
        values = [v for e in scored if (v := own[e][c.id]) is not None]
        medians[c.id] = aggregate(values, "median", 0) if values else None
        bests[c.id] = max(values) if values else None
    result = {}
    for entrant in config.entrants:
        views = tuple(
            CriterionView(c, own[entrant.id][c.id], medians[c.id], bests[c.id]) for c in config.criteria
        )
        strongest, weakest = highlights(views)
        result[entrant.id] = EntrantFeedback(
            entrant.id, present[entrant.id], views, strongest, weakest, len(scored)
        )
    return result


def highlights(
    views: tuple[CriterionView, ...],
) -> tuple[tuple[CriterionView, ...], tuple[CriterionView, ...]]:
    """The two criteria furthest above the field and the two furthest below (fewer when the
    event has fewer than four criteria, so none is named both a strength and a weakness)."""
    scored = [v for v in views if v.own is not None and v.median is not None]
    if not scored:
        return (), ()
    ordered = sorted(scored, key=lambda v: v.relative, reverse=True)  # stable: config order
    strong = min(HIGHLIGHTS, len(ordered) // 2 or 1)
    weak = min(HIGHLIGHTS, len(ordered) - strong)
    return tuple(ordered[:strong]), tuple(reversed(ordered[len(ordered) - weak :])) if weak else ()
