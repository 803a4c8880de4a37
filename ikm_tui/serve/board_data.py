"""What the ``/board`` page is sent: exactly what ``ikm-tui board`` shows, and nothing more.

The view is chosen by the terminal board's own :func:`choose_view`; the reveal is built only
from the frozen snapshot's tiers up to the current step (:func:`revealed_tiers`), so a later
tier's name or amount is never in anything sent before its step. No score is ever read here.
The countdown is sent as the stored clock's reading at the server's instant; the page counts
on from it with its own clock, so the server need not push every second. With a schedule the
idle view's "sekitar pukul 10:42" comes with ``refresh_s``: when it can read another minute,
the page asks again (the terminal board wakes at the same instant), and not before.
"""

from __future__ import annotations

import time
from typing import Any

from ikm_tui.app.board.view_choice import IDLE, REVEAL, STAGE, choose_view
from ikm_tui.app.stage.reading import StageReading
from ikm_tui.app.stage.schedule_view import about_text, day_plan, seconds_until_change
from ikm_tui.domain import timer
from ikm_tui.domain.numbers import rupiah
from ikm_tui.domain.snapshot import revealed_tiers
from ikm_tui.i18n import Messages


def board_state(store, t: Messages, now: float | None = None) -> dict[str, Any]:
    config = store.config
    error: str | None = None
    snapshot = reveal = None
    try:
        snapshot = StageReading.read(store)
        reveal = store.results.reveal_state()
    except Exception as exc:  # noqa: BLE001 - the projector never shows a traceback
        error = str(exc)
    view = choose_view(error, snapshot, reveal)
    now = time.time() if now is None else now
    state: dict[str, Any] = {"view": view, "title": config.event.title, "day": ""}
    if snapshot is None:
        return state
    state["day"] = t("board.day", day=snapshot.state.day, venue=config.event.venue)

    def business(entrant) -> str:
        return f"{entrant.business} · {config.category(entrant.category).name}"

    if view == IDLE:
        up = None if snapshot.state.calm else snapshot.next_up
        ended = up is None and not snapshot.state.calm and snapshot.state.entrant is None
        plan = day_plan(config, snapshot, now) if up else None
        state["idle"] = {
            "message": t("board.idle_end") if ended else t("board.idle"),
            "label": t("board.idle_next") if up else "",
            "name": up.name if up else "",
            "business": business(up) if up else "",
            "time": about_text(t, plan, up.id) if up else "",
            "refresh_s": seconds_until_change(config, snapshot, now) if plan else None,
        }
    elif view == STAGE and snapshot.presenting is not None:
        clock = snapshot.state.clock
        reading = timer.reading(config.timer, clock, now)
        phase = t(f"board.phase.{clock.phase}")
        if clock.paused:
            phase = f"{phase} · {t('board.paused')}"
        up = snapshot.next_up
        state["stage"] = {
            "label": t("board.presenting"),
            "name": snapshot.presenting.name,
            "business": business(snapshot.presenting),
            "message": snapshot.state.message.upper(),
            "phase": phase,
            "next": t("board.next_up", name=up.name, business=up.business) if up else "",
            "remaining_s": reading.remaining_s,
            "running": clock.running,
            "counts": clock.phase in (timer.PRESENTATION, timer.QA, timer.READY),
            "warning_s": config.timer.warning_seconds,
        }
    elif view == REVEAL and reveal is not None and reveal.snapshot is not None:
        state["reveal"] = reveal_part(reveal.step, reveal.snapshot, config, t)
    return state


def reveal_part(step: int, snapshot, config, t: Messages) -> dict[str, Any]:
    """Only the tiers ``step`` reveals: Juara III first, then up, then the full table."""

    def category(category_id: str) -> str:
        return config.category(category_id).name if config.has("category", category_id) else category_id

    def people(label: str) -> list[dict[str, str]]:
        return [
            {"name": r["name"], "business": r["business"], "category": category(r["category"])}
            for r in snapshot.tier(label)
        ]

    tiers = revealed_tiers(snapshot.prizes, step)
    if step > len(snapshot.prizes):
        rows = [
            {"prize": tier["label"], **person, "amount": rupiah(tier["amount"])}
            for tier in reversed(tiers)
            for person in people(tier["label"])
        ]
        paid = sum(r["amount"] for r in snapshot.winners())
        return {
            "table": {
                "title": t("reveal.full_table"),
                "columns": [
                    t(k) for k in ("col.prize", "col.name", "col.business", "col.category", "col.amount")
                ],
                "rows": rows,
                "caption": t("reveal.total_paid", amount=rupiah(paid)),
            }
        }
    current, earlier = tiers[-1], tiers[:-1]
    return {
        "heading": t("reveal.heading"),
        "tier": current["label"].upper(),
        "winners": people(current["label"]),
        "amount": rupiah(current["amount"]),
        "each": t("reveal.each", amount=rupiah(current["amount"])),
        "earlier": [
            f"{tier['label']}: " + ", ".join(f"{p['name']} ({p['business']})" for p in people(tier["label"]))
            for tier in reversed(earlier)
        ],
    }
