"""What one judge's score sheet page is told: the event's fixed parts, and this judge's own state.

Built only from this judge's own sheets and re-check requests, the stage and the lock — never
another judge's score, never a total of the panel. Checking typed values is the domain's call
(:func:`ikm_tui.domain.score_entry.parse_score`): the page shows the very words the terminal
console shows, and a save is checked again before it is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ikm_tui.domain.config import Config
from ikm_tui.domain.score_entry import ScoreProblem, parse_score
from ikm_tui.domain.scoring import judge_total
from ikm_tui.i18n import Messages


def clock(saved_at: str) -> str:
    """A stored UTC instant as the local hh:mm the judge reads on their watch."""
    try:
        return dt.datetime.fromisoformat(saved_at).astimezone().strftime("%H:%M")
    except ValueError:
        return saved_at


def event_part(config: Config, t: Messages) -> dict[str, Any]:
    """What never changes during the day: criteria with their scales, entrants, the title."""
    weights = sum(c.weight for c in config.criteria)
    criteria = []
    for c in config.criteria:
        share = Fraction(c.weight) / Fraction(weights) * 100
        low, high, step = (t.score(v) for v in (c.min, c.max, c.step))
        criteria.append(
            {
                "id": c.id,
                "name": c.name,
                "scale": t("judge.scale", low=low, high=high, step=step, weight=f"{t.number(share, 0)}%"),
                "min": low,
                "max": high,
                "step": step,
                "placeholder": f"{low}–{high}",
            }
        )
    entrants = [
        {
            "id": e.id,
            "name": e.name,
            "business": e.business,
            "sub": t("judge.entrant_sub", name=e.name, category=config.category(e.category).name, day=e.day),
        }
        for e in config.entrants
    ]
    return {"title": config.event.title, "criteria": criteria, "entrants": entrants}


def judge_part(store, judge: str, t: Messages) -> dict[str, Any]:
    """This judge's own sheets, re-check requests, who is on stage and whether results are locked."""
    config = store.config
    sheets = {}
    for entrant, record in store.scores.for_judge(judge).items():
        if record.recused:
            sheets[entrant] = {
                "status": "recused",
                "values": {},
                "reason": record.reason,
                "stored": t("judge.stored_recused", reason=record.reason),
            }
            continue
        total = judge_total(record.as_sheet().scores, config.criteria)
        sheets[entrant] = {
            "status": "scored",
            "values": {k: t.score(v) for k, v in record.scores.items()},
            "total": t.number(total),
            "stored": t("judge.stored", time=clock(record.saved_at)),
        }
    person = config.judge(judge)
    notes = getattr(store, "notes", None)  # the judges' notes for the start-ups (issue 12)
    return {
        "notes": {e: n.text for e, n in notes.for_judge(judge).items()} if notes is not None else {},
        "judge": judge,
        "name": t("judge.header", judge=judge, name=person.name),
        "on_stage": store.stage.current(),
        "locked": store.results.locked(),
        "rechecks": sorted(r.entrant for r in store.recheck.pending_for(judge)),
        "sheets": sheets,
    }


def check(config: Config, values: Mapping[str, object], t: Messages) -> dict[str, Any]:
    """Each typed value's problem (an empty field is not yet a mistake) and the live total."""
    problems: dict[str, str] = {}
    filled: dict[str, Fraction] = {}
    left = 0
    for c in config.criteria:
        text = values.get(c.id)
        text = text if isinstance(text, str) else ""
        try:
            filled[c.id] = Fraction(parse_score(text, c))
        except ScoreProblem as problem:
            left += 1
            filled[c.id] = Fraction(0)
            if text.strip():
                problems[c.id] = "✗ " + t(problem.code, **problem.params)
    total = judge_total(filled, config.criteria)
    words = (
        t("judge.total", total=t.number(total))
        if not left
        else t("judge.total_partial", total=t.number(total), left=left)
    )
    return {"problems": problems, "total": words}


def parse_sheet(
    config: Config, values: Mapping[str, object], t: Messages
) -> tuple[dict[str, Decimal], dict[str, str]]:
    """The scores to save, or every field's problem (empty ones included) to show instead."""
    scores: dict[str, Decimal] = {}
    problems: dict[str, str] = {}
    for c in config.criteria:
        text = values.get(c.id)
        try:
            scores[c.id] = parse_score(text if isinstance(text, str) else "", c)
        except ScoreProblem as problem:
            problems[c.id] = "✗ " + t(problem.code, **problem.params)
    return scores, problems


def note_problem(text: str, t: Messages) -> tuple[str, str | None]:
    """The note as it will be stored, or its problem in the catalogue's words."""
    from ikm_tui.domain.notes import clean_note  # type: ignore[import-not-found,unused-ignore]

    try:
        return clean_note(text), None
    except ScoreProblem as problem:
        return text, "✗ " + t(problem.code, **problem.params)
