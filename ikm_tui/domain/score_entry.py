"""Checking one typed score, the same way for the judge console and a paper-sheet import.

A judge's typo must be caught at once with a message saying what was expected: not a number,
off the scale, or off the step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ikm_tui.domain.config import Config, Criterion


@dataclass(frozen=True)
class SheetEntry:
    """A sheet to write: scores, or ``scores=None`` for a recusal with ``reason``.

    ``note`` is the judge's note for the start-up: None leaves a stored note as it is, ``""``
    removes it. ``note_only`` writes the note and leaves the sheet alone (a paper form row with
    a note and no scores yet).
    """

    judge: str
    entrant: str
    scores: Mapping[str, Decimal] | None
    reason: str = ""
    note: str | None = None
    note_only: bool = False


class ScoreProblem(ValueError):
    """A catalogue key and parameters; the caller adds the place (field, or file:line).

    The criterion is named as people know it (its name, never its id); numbers stay
    ``Decimal`` so the message shows them the event's way (``0,5`` in Indonesian)."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(code)


def parse_score(text: str, criterion: Criterion, *, decimal_comma: bool = True) -> Decimal:
    """``"8,5"`` or ``"8.5"`` -> ``Decimal("8.5")`` if it is on ``criterion``'s scale and step."""
    cleaned = text.strip()
    if not cleaned:
        raise ScoreProblem("score.empty", criterion=criterion.name)
    if decimal_comma:
        if cleaned.count(",") == 1 and "." not in cleaned:
            cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ScoreProblem("score.not_number", criterion=criterion.name, got=text.strip()) from None
    if not value.is_finite():
        raise ScoreProblem("score.not_number", criterion=criterion.name, got=text.strip())
    if not criterion.min <= value <= criterion.max:
        raise ScoreProblem(
            "score.out_of_range",
            criterion=criterion.name,
            got=text.strip(),
            low=criterion.min,
            high=criterion.max,
        )
    if (value - criterion.min) % criterion.step != 0:
        raise ScoreProblem(
            "score.off_step",
            criterion=criterion.name,
            got=text.strip(),
            step=criterion.step,
            low=criterion.min,
        )
    return value


def check_sheet(config: Config, judge: str, entrant: str, scores: Mapping[str, Decimal]) -> None:
    """A complete sheet for known people: every criterion once, each value on its scale."""
    if not config.has("judge", judge):
        raise ScoreProblem("score.unknown_judge", judge=judge)
    if not config.has("entrant", entrant):
        raise ScoreProblem("score.unknown_entrant", entrant=entrant)
    if len(scores) != len(config.criteria) or not all(c.id in scores for c in config.criteria):
        expected = {c.id for c in config.criteria}
        missing = expected - set(scores)
        if missing:
            names = [c.name for c in config.criteria if c.id in missing]
            raise ScoreProblem("score.missing", criteria=", ".join(names))
        raise ScoreProblem("score.unknown_criterion", criteria=", ".join(sorted(set(scores) - expected)))
    for criterion in config.criteria:
        value = scores[criterion.id]
        if not criterion.accepts(Decimal(value)):
            parse_score(str(value), criterion)  # raises the precise problem
