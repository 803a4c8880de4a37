"""Above the sheet: who is being scored, whether they are on stage, and what asks attention.

Notices are only ever about this judge: a re-check the moderator asked for, the stage having
moved on while they type, and when their own sheet was saved (or why they recused).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ikm_tui.app.session_app import SessionApp
from ikm_tui.store.scores import SheetRecord


@dataclass(frozen=True)
class HeaderState:
    entrant: str
    on_stage: str | None
    waiting_stage: str | None  # the stage moved while the judge was typing
    rechecks: frozenset[str]  # entrants this judge is asked to re-check
    record: SheetRecord | None  # this judge's stored sheet for the entrant


class EntrantHeader(Vertical):
    app = getters.app(SessionApp)

    def compose(self) -> ComposeResult:
        yield Static("", id="entrant-title")
        yield Static("", id="entrant-sub")
        yield Static("", id="notice")
        yield Static("", id="stored-state")

    def show(self, state: HeaderState) -> None:
        t = self.app.t
        config = self.app.config
        entrant = config.entrant(state.entrant)
        title = t("judge.entrant_title", entrant=entrant.id, business=entrant.business)
        sub = t(
            "judge.entrant_sub",
            name=entrant.name,
            category=config.category(entrant.category).name,
            day=entrant.day,
        )
        if entrant.id == state.on_stage:
            title = "▶ " + title
            sub = t("judge.on_stage") + " · " + sub
        self.query_one("#entrant-title", Static).update(title)
        self.query_one("#entrant-sub", Static).update(sub)
        notices = []
        if entrant.id in state.rechecks:
            notices.append(t("judge.recheck", entrant=entrant.id))
        if state.waiting_stage and state.waiting_stage != entrant.id:
            notices.append(t("judge.stage_moved", entrant=state.waiting_stage))
        others = sorted(state.rechecks - {entrant.id})
        if others:
            notices.append(t("judge.recheck_list", entrants=", ".join(others)))
        self._line("#notice", "\n".join(notices))
        record = state.record
        stored = ""
        if record is not None and record.recused:
            stored = t("judge.stored_recused", reason=record.reason)
        elif record is not None:
            stored = t("judge.stored", time=clock(record.saved_at))
        self._line("#stored-state", stored)

    def _line(self, selector: str, text: str) -> None:
        line = self.query_one(selector, Static)
        line.update(text)
        line.display = bool(text)


def clock(saved_at: str) -> str:
    """The local time of day of a stored UTC instant, as the judge's watch shows it."""
    try:
        return dt.datetime.fromisoformat(saved_at).astimezone().strftime("%H:%M:%S")
    except ValueError:
        return saved_at
