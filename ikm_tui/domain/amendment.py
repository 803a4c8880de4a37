"""An amendment: what ``config.toml`` says that the recorded definition does not.

Editing the file changes nothing by itself. Staff see the difference field by field (and what
it would do to the standings), and apply it with a reason — unless it would make recorded
scores invalid: a scale or step they no longer fit, a criterion they lack or that they hold
scores for, a judge or entrant with sheets, the entrant on stage. Those are refused with the
affected sheets named, so nothing recorded is ever silently reinterpreted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ikm_tui.domain.config import Config
from ikm_tui.domain.errors import InputError
from ikm_tui.domain.ranking import Ranking
from ikm_tui.domain.scoring import Sheet

EXAMPLES = 5  # sheets named per refusal; the count says how many more


@dataclass(frozen=True)
class Change:
    """One field that differs: ``key`` as staff find it in the file (``criteria[inovasi].max``);
    ``before`` is the record's value, ``after`` the file's (None: absent on that side)."""

    key: str
    before: Any
    after: Any


@dataclass(frozen=True)
class Review:
    """Everything staff need to decide on an amendment: the changes, why it cannot be applied
    (empty: it can), and the standings now and as they would be (None while refused)."""

    changes: list[Change]
    problems: list[InputError]
    before: Ranking
    after: Ranking | None


def winners(ranking: Ranking | None) -> dict[str, list[str]]:
    """Prize label -> entrant ids in rank order; entrants in an undecided boundary tie under
    ``""``."""
    if ranking is None:
        return {}
    found: dict[str, list[str]] = {}
    for standing in ranking.winners():
        assert standing.prize is not None
        found.setdefault(standing.prize.label, []).append(standing.entrant.id)
    tied = [s.entrant.id for s in ranking.standings if s.status == "tie"]
    if tied:
        found[""] = tied
    return found


def differences(recorded: Mapping[str, Any], described: Mapping[str, Any]) -> list[Change]:
    """Field by field, in the file's order of sections; both sides as :func:`definition.encode`
    gives them."""
    before, after = _flatten(recorded), _flatten(described)
    keys = list(before) + [k for k in after if k not in before]
    return [Change(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Nested definition values as ``{dotted key: leaf}``; lists of items with an ``id`` are
    keyed by it (``entrants[E01].name``), other lists of tables by position from 1, and lists of
    plain values stay one leaf (``event.days``)."""
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, item in value.items():
            flat |= _flatten(item, f"{prefix}.{key}" if prefix else str(key))
        return flat
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        flat = {}
        for index, item in enumerate(value, 1):
            label = item.get("id", index)
            body = {k: v for k, v in item.items() if k != "id"} if "id" in item else item
            flat |= _flatten(body, f"{prefix}[{label}]") or {f"{prefix}[{label}]": item}
        return flat
    return {prefix: value}


def problems(
    amended: Config, sheets: Iterable[Sheet], *, on_stage: str | None, queue_days: Mapping[str, int]
) -> list[InputError]:
    """Why ``amended`` cannot become the record, given the sheets already recorded; empty when
    it can. Each problem names the config key and the sheets (``J1/E03``) it would break."""
    found: list[InputError] = []
    criteria = {c.id: c for c in amended.criteria}
    by_judge: dict[str, list[str]] = {}
    by_entrant: dict[str, list[str]] = {}
    lacking: dict[str, list[str]] = {}
    extra: dict[str, list[str]] = {}
    off_scale: dict[str, list[tuple[str, Decimal]]] = {}
    for sheet in sheets:
        name = f"{sheet.judge}/{sheet.entrant}"
        by_judge.setdefault(sheet.judge, []).append(name)
        by_entrant.setdefault(sheet.entrant, []).append(name)
        if sheet.recused:
            continue
        for criterion_id in criteria:
            if criterion_id not in sheet.scores:
                lacking.setdefault(criterion_id, []).append(name)
        for criterion_id, value in sheet.scores.items():
            criterion = criteria.get(criterion_id)
            if criterion is None:
                extra.setdefault(criterion_id, []).append(name)
            elif not criterion.accepts(_decimal(value)):
                off_scale.setdefault(criterion_id, []).append((name, _decimal(value)))
    for judge, names in by_judge.items():
        if not amended.has("judge", judge):
            found.append(_refusal(f"judges[{judge}]", "amend.judge_has_sheets", names, judge=judge))
    for entrant, names in by_entrant.items():
        if not amended.has("entrant", entrant):
            found.append(_refusal(f"entrants[{entrant}]", "amend.entrant_has_sheets", names, entrant=entrant))
    if on_stage and not amended.has("entrant", on_stage):
        found.append(InputError(f"entrants[{on_stage}]", "amend.entrant_on_stage", entrant=on_stage))
    for criterion_id, names in lacking.items():
        found.append(
            _refusal(
                f"criteria[{criterion_id}]",
                "amend.criterion_unscored",
                names,
                criterion=criteria[criterion_id].name,
            )
        )
    for criterion_id, names in extra.items():
        found.append(
            _refusal(f"criteria[{criterion_id}]", "amend.criterion_scored", names, criterion=criterion_id)
        )
    for criterion_id, scored in off_scale.items():
        c = criteria[criterion_id]
        found.append(
            InputError(
                f"criteria[{criterion_id}]",
                "amend.off_scale",
                count=len(scored),
                sheets=_scored_examples(scored),
                criterion=c.name,
                min=c.min,
                max=c.max,
                step=c.step,
            )
        )
    days = len(amended.event.days)
    beyond = sorted(e for e, day in queue_days.items() if day > days and amended.has("entrant", e))
    if beyond:
        found.append(
            InputError("event.days", "amend.queue_beyond_days", days=days, entrants=", ".join(beyond))
        )
    return found


def _refusal(place: str, code: str, names: list[str], **params: object) -> InputError:
    shown = ", ".join(sorted(names)[:EXAMPLES])
    more = len(names) - EXAMPLES
    return InputError(
        place, code, count=len(names), sheets=shown + (f" (+{more})" if more > 0 else ""), **params
    )


def _scored_examples(scored: list[tuple[str, Decimal]]) -> tuple[str | Decimal, ...]:
    """``J1/E01=9.5, J1/E03=8.5 (+7)`` in parts, the scores left as ``Decimal`` so the
    catalogue writes them the reader's way (``9,5`` in Indonesian)."""
    parts: list[str | Decimal] = []
    for index, (name, value) in enumerate(sorted(scored)[:EXAMPLES]):
        parts += [", " if index else "", f"{name}=", value]
    more = len(scored) - EXAMPLES
    return (*parts, f" (+{more})" if more > 0 else "")


def _decimal(value: Fraction | Any) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(str(value))
