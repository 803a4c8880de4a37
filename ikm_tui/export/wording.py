"""The few sentences every export words the same way: the rule, the dates, a tie, a prize list.

The workbook's About sheet and the printed minutes must describe the result identically, so
they both ask here rather than each phrasing it on their own.
"""

from __future__ import annotations

import datetime as dt

from ikm_tui.domain.config import Config
from ikm_tui.i18n import Messages


def rule_text(config: Config, t: Messages) -> str:
    """How an entrant's total is aggregated from the judges' totals, in words."""
    scoring = config.scoring
    if scoring.aggregate == "trimmed_mean" and scoring.trim:
        key = "trimmed_criterion" if scoring.trim_scope == "criterion" else "trimmed_total"
        return t(f"export.rule.{key}", trim=scoring.trim)
    return t(f"export.rule.{'median' if scoring.aggregate == 'median' else 'mean'}")


def tie_break_text(config: Config, t: Messages) -> str:
    names = [config.criterion(c).name for c in config.scoring.tie_break]
    if not names:
        return t("export.rule.no_tie_break")
    return t("export.rule.tie_break", criteria=t("export.rule.then").join(names))


def date_text(day: dt.date, t: Messages, *, weekday: bool = False) -> str:
    """``14 Juni 2022`` (or ``Selasa, 14 Juni 2022``) in the event's language."""
    return t.date(day, weekday=weekday)


def days_text(days, t: Messages) -> str:
    return t("export.and").join(date_text(d, t, weekday=True) for d in days)


def moment_text(stamp: str | dt.datetime | None, t: Messages) -> str:
    """An ISO time from the database as people read it: ``14 Juni 2022 10:32``."""
    if not stamp:
        return ""
    moment = stamp if isinstance(stamp, dt.datetime) else _parse(stamp)
    if moment is None:
        return str(stamp)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{date_text(moment.date(), t)} {moment:%H:%M}"


def entrant_label(config: Config, entrant_id: str) -> str:
    if not config.has("entrant", entrant_id):
        return entrant_id
    entrant = config.entrant(entrant_id)
    return f"{entrant.id} {entrant.name}"


def category_name(config: Config, category_id: str) -> str:
    return config.category(category_id).name if config.has("category", category_id) else category_id


def total_paid(rows: list[dict]) -> int:
    """What the office pays out for the result as it stands: every awarded prize's amount."""
    return sum(row["amount"] for row in rows if row["amount"] is not None)


def standing_rank(rows: list[dict], entrant_ids) -> int | None:
    ranks = [row["rank"] for row in rows if row["entrant"] in set(entrant_ids) and row["rank"]]
    return min(ranks) if ranks else None


def _parse(stamp: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(stamp)
    except ValueError:
        return None
