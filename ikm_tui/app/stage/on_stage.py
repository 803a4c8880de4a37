"""The on-stage panel (who, clock, phase), "next up", and the judges' progress strip."""

from __future__ import annotations


from textual import getters
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Static

from ikm_tui.app.session_app import SessionApp
from ikm_tui.app.stage.countdown import Countdown, TickingClock
from ikm_tui.app.stage.reading import StageReading
from ikm_tui.app.text_update import set_text
from ikm_tui.domain import queue_rules as rules
from ikm_tui.domain.timer import QA, overtime_text
from ikm_tui.store.scores import SheetRecord


STRIP_PREVIOUS = 2  # the entrant on stage plus this many before them


class OnStagePanel(Vertical):
    app = getters.app(SessionApp)

    def compose(self) -> ComposeResult:
        yield Static("", id="on-stage-name")
        yield Static("", id="on-stage-business", classes="muted")
        with Center():
            yield Countdown(self.app.config.timer, self.app.store.stage.now, id="stage-countdown")
        yield Static("", id="on-stage-phase")
        yield Static("", id="on-stage-message")

    def on_mount(self) -> None:
        self.border_title = self.app.t("stage.on_stage")

    def on_ticking_clock_changed(self, _event: TickingClock.Changed) -> None:
        self._refresh_overtime()

    def show(self, snap: StageReading) -> None:
        t, who = self.app.t, snap.presenting
        self.set_class(who is None, "empty")
        set_text(
            self.query_one("#on-stage-name", Static), f"{who.id} · {who.name}" if who else t("stage.nobody")
        )
        set_text(
            self.query_one("#on-stage-business", Static),
            f"{who.business} · {self.app.config.category(who.category).name}" if who else "",
        )
        self.query_one(Countdown).show_clock(snap.state.clock if who else None)
        self.query_one(Countdown).display = who is not None
        self._refresh_overtime()
        message = snap.state.message
        line = self.query_one("#on-stage-message", Static)
        set_text(line, t("cue.message_line", text=message) if message else "")
        line.display = bool(message)  # no blank line in the panel at 80x24 without a message

    def _refresh_overtime(self) -> None:
        """The phase, and one overtime figure with its label.

        While the running phase is over its time the clock itself counts the overtime up (red),
        so the line only names it; in Q&A after a presentation that ran over, the figure is
        labelled as the presentation's, so a green Q&A clock never sits next to an unexplained
        "+0:16".
        """
        countdown = self.query_one(Countdown)
        reading = countdown.reading if countdown.clock is not None else None
        text = ""
        if reading is not None:
            t = self.app.t
            parts = [t(f"stage.phase.{reading.phase}")]
            if reading.paused:
                parts.append(t("stage.paused"))
            banked = countdown.clock.banked_overtime_s if countdown.clock else 0.0
            total = overtime_text(reading.overtime_s)
            if reading.phase == QA and overtime_text(banked) == total and total:
                parts.append(t("stage.overtime_presentation", time=total))
            elif total:
                parts.append(t("stage.overtime_total", time=total))
            text = " · ".join(parts)
        set_text(self.query_one("#on-stage-phase", Static), text)


class NextUpPanel(Static):
    app = getters.app(SessionApp)

    def on_mount(self) -> None:
        self.border_title = self.app.t("stage.next_up")

    def show(self, snap: StageReading) -> None:
        up = snap.next_up
        set_text(self, f"{up.id} · {up.name}\n{up.business}" if up else self.app.t("stage.none_waiting"))


class JudgeStrip(Static):
    """Which judges have sent a sheet for the entrant on stage and the ones before (no values).

    The screen reads the sheets (:meth:`entrants` says whose) and hands them over: the widget
    only draws."""

    app = getters.app(SessionApp)

    def on_mount(self) -> None:
        self.border_title = self.app.t("stage.judges")
        self.border_subtitle = self.app.t("stage.judges_legend")

    @staticmethod
    def entrants(snap: StageReading) -> list[str]:
        """The entrant on stage first, then the ones who presented just before."""
        entrants = [e.entrant for e in rules.previous(snap.lineup, STRIP_PREVIOUS)]
        if snap.state.entrant:
            entrants.insert(0, snap.state.entrant)
        return entrants

    def show(self, sheets: dict[str, dict[str, SheetRecord]]) -> None:
        """``sheets``: entrant -> judge -> that judge's sheet, for :meth:`entrants`, in order."""
        judges = self.app.config.judges
        lines = [" " * 4 + " ".join(f"{j.id:>3}" for j in judges)]
        for entrant, by_judge in sheets.items():
            marks = []
            for judge in judges:
                sheet = by_judge.get(judge.id)
                mark = "·" if sheet is None else ("⊘" if sheet.recused else "✓")
                marks.append(f"{mark:>3}")
            lines.append(f"{entrant:<4}" + " ".join(marks))
        set_text(self, "\n".join(lines))
