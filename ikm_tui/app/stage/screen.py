"""The moderator's stage console: today's queue, who is on stage with the live timer, who is
next, which judges have scored, and every action on one key in the footer.

Each action is one short write through ``store.stage`` in the screen base's worker (durable and
audited before the screen changes); destructive ones ask first (so does "next" while someone is
still speaking); queue actions can be undone. Queue actions apply to the highlighted row and
nothing else, which jumps to the entrant on stage (or next up) after each action.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Header

from ikm_tui.app.backup_line import BackupLine
from ikm_tui.app.follow import SessionChanged
from ikm_tui.app.footer import KeyBar
from ikm_tui.app.session_screen import SessionScreen
from ikm_tui.app.stage.countdown import TickingClock
from ikm_tui.app.stage.cues import CUE_BINDINGS, StageCues
from ikm_tui.app.stage.on_stage import JudgeStrip, NextUpPanel, OnStagePanel
from ikm_tui.app.stage.projector import STAGE_CSS, BoardScreen, ProjectorControls
from ikm_tui.app.stage.queue_table import QueueTable
from ikm_tui.app.stage.reading import StageReading
from ikm_tui.app.stage.schedule_view import ScheduleLine, day_plan
from ikm_tui.domain import queue_rules as rules
from ikm_tui.domain import timer
from ikm_tui.store.database import StoreUnavailable
from ikm_tui.store.stage import UndoStep


SPEAKING = (timer.PRESENTATION, timer.QA)  # the clock runs (or is paused): someone is speaking
NARROW_BELOW = 80
"""Under this many columns the stage sits above a full-width queue (``Screen.-narrow``)."""
SHORT_BELOW = 30
SIDE_SHARE, SIDE_MIN, SIDE_MAX = 0.36, 29, 42
"""``#stage-side``'s width in stage.tcss (36 %, at least 29, at most 42 columns)."""


def queue_width(screen_width: int) -> int:
    """The queue table's content width in a terminal ``screen_width`` wide, by stage.tcss: the
    screen less the stage side (when wide) and the queue's border. Only a first guess, for
    filling the rows before the first layout; the table refits to its real width on Resize."""
    side = 0 if screen_width < NARROW_BELOW else min(max(int(screen_width * SIDE_SHARE), SIDE_MIN), SIDE_MAX)
    return max(0, screen_width - side - 2)


class StageScreen(SessionScreen[None], StageCues):
    CSS_PATH = STAGE_CSS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT_BELOW, "-tall")]  # short: "next up" gives up its box
    BINDINGS = [
        Binding("space", "timer", "stage.key.timer", id="stage.timer"),
        Binding("e", "end_phase", "stage.key.end_phase", id="stage.end_phase"),
        Binding("n", "next", "stage.key.next", id="stage.next"),
        Binding("c", "call", "stage.key.call", id="stage.call"),
        Binding("k", "skip", "stage.key.skip", id="stage.skip"),
        Binding("x", "no_show", "stage.key.no_show", id="stage.no_show"),
        Binding("l", "later", "stage.key.later", id="stage.later"),
        Binding("d", "other_day", "stage.key.day2", id="stage.other_day"),
        Binding("w", "withdraw", "stage.key.withdraw", id="stage.withdraw"),
        Binding("u", "undo", "stage.key.undo", id="stage.undo"),
        Binding("t", "switch_day", "stage.key.day", id="stage.switch_day"),
        Binding("b", "board", "stage.key.board", id="stage.board"),
        Binding("p", "projector", "stage.key.projector", id="stage.projector"),
        *CUE_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.snapshot: StageReading | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield ScheduleLine(self.app.store.stage.now, id="schedule-line")
        with Horizontal(id="stage-body"):
            yield QueueTable(id="queue", expected_width=lambda: queue_width(self.app.size.width))
            with Vertical(id="stage-side"):
                yield OnStagePanel(id="on-stage")
                yield NextUpPanel(id="next-up")
                yield JudgeStrip(id="judge-strip")
        yield BackupLine()
        yield KeyBar()

    def on_mount(self) -> None:
        # On a narrow or short terminal, the breakpoint classes now, so the first layout is the
        # right one: Textual sets them on the screen's first Resize, after a layout without
        # them (at 50 columns the queue was built at 18 columns, then again at 47). Wide and
        # tall, they change nothing here, and setting them would restyle the screen once more.
        width, height = self.app.size
        if width < NARROW_BELOW or height < SHORT_BELOW:
            self.update_classes(
                {
                    "-narrow": width < NARROW_BELOW,
                    "-wide": width >= NARROW_BELOW,
                    "-short": height < SHORT_BELOW,
                    "-tall": height >= SHORT_BELOW,
                }
            )
        self.reload(follow_stage=True)

    def on_session_changed(self, message: SessionChanged) -> None:
        if message.error is None:
            self.reload()

    def on_ticking_clock_changed(self, _message: TickingClock.Changed) -> None:
        self.query_one(ScheduleLine).refresh_text()  # running over moves the day's end

    def on_screen_resume(self) -> None:
        for clock in self.query(TickingClock):  # it slept while another screen was shown
            clock.tick()
        self.query_one(ScheduleLine).refresh_text()  # so did the header's forecast

    def reload(self, follow_stage: bool = False) -> None:
        """Read the stage once and show it; ``follow_stage`` moves the cursor to who matters."""
        try:
            snap = StageReading.read(self.app.store)
        except StoreUnavailable as exc:
            self.notify(exc.render(self.app.t), severity="error")
            return
        self.snapshot = snap
        focus = None
        if follow_stage:
            up = rules.next_up(snap.lineup, snap.state.day)
            focus = snap.state.entrant or (up.entrant if up else None)
        table = self.query_one(QueueTable)
        plan = day_plan(self.app.config, snap, self.app.store.stage.now())
        table.show(snap.lineup, snap.state.day, focus, plan.slots if plan else None)
        config = self.app.config
        day = snap.state.day
        table.border_title = self.app.t(
            "stage.queue_title", day=day, date=self.app.t.date(config.event.days[day - 1])
        )
        step = self.app.store.stage.last_undo()
        table.border_subtitle = (
            self.app.t(
                "stage.undo_hint", action=self.app.t(f"stage.action.{step.action}"), entrant=step.subject
            )
            if step
            else ""
        )
        self.query_one(OnStagePanel).show(snap)
        self.query_one(NextUpPanel).show(snap)
        self.query_one(ScheduleLine).show(snap)
        store = self.app.store
        self.query_one(JudgeStrip).show({e: store.scores.for_entrant(e) for e in JudgeStrip.entrants(snap)})

    # -- doing things ---------------------------------------------------------------------
    def stage_write(self, do: Callable[[], Any], *, after: Callable[[Any], None] | None = None) -> None:
        """One write; the screen follows only once it is stored. Problems become a message."""

        def done(result: Any) -> None:
            self.reload(follow_stage=True)
            if after:
                after(result)

        self.write(do, done)

    def target(self) -> str | None:
        selected = self.query_one(QueueTable).selected
        if selected is None:
            self.notify(self.app.t("stage.no_target"), severity="warning")
        return selected

    def confirm_then(self, question: str, do: Callable[[], Any]) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.stage_write(do)

        from ikm_tui.app.dialogs import ConfirmDialog  # not needed for the console's first frame

        self.app.push_screen(ConfirmDialog(question), answered)

    def _who(self, entrant: str) -> dict[str, str]:
        return {"entrant": entrant, "name": self.app.config.entrant(entrant).name}

    def action_timer(self) -> None:
        self.stage_write((lambda: self.app.store.stage.toggle_timer(actor=self.app.actor)))

    def action_end_phase(self) -> None:
        self.stage_write((lambda: self.app.store.stage.end_phase(actor=self.app.actor)))

    def action_next(self) -> None:
        """Calling the next entrant cuts off whoever is still speaking: that is asked first."""
        snap = self.snapshot
        clock = snap.state.clock if snap else None
        if snap is None or snap.presenting is None or clock is None or clock.phase not in SPEAKING:
            self.stage_write(lambda: self.app.store.stage.next(actor=self.app.actor))
            return
        t = self.app.t
        who = self._who(snap.presenting.id) | {"phase": t(f"stage.phase.{clock.phase}")}
        if snap.next_up is None:
            question = t("stage.confirm.next_empty", **who)
        else:
            question = t("stage.confirm.next", **who, next=f"{snap.next_up.id} {snap.next_up.name}")
        self.confirm_then(question, lambda: self.app.store.stage.next(actor=self.app.actor))

    def action_call(self) -> None:
        entrant = self.target()
        if entrant:
            self.stage_write(lambda: self.app.store.stage.call(entrant, actor=self.app.actor))

    def action_skip(self) -> None:
        """Skips the highlighted entrant (never another one) and says who goes first instead."""
        entrant = self.target()
        if entrant is None or self.snapshot is None:
            return
        try:
            other = rules.skip_partner(self.snapshot.lineup, entrant).entrant
        except rules.QueueError as exc:
            self.notify(self.app.t(exc.code, **exc.params), severity="warning")
            return
        told = self.app.t(
            "stage.skipped", entrant=entrant, other=other, other_name=self.app.config.entrant(other).name
        )
        self.stage_write(
            lambda: self.app.store.stage.skip(entrant, actor=self.app.actor),
            after=lambda _state: self.notify(told),
        )

    def action_no_show(self) -> None:
        entrant = self.target()
        if entrant is None or self.snapshot is None:
            return
        entry = rules.find(self.snapshot.lineup, entrant)
        path = rules.no_show_path(entry, len(self.app.config.event.days))
        question = self.app.t(
            "stage.confirm.no_show",
            **self._who(entrant),
            path=self.app.t(f"stage.path.{path}", day=entry.day + 1),
        )
        self.confirm_then(question, lambda: self.app.store.stage.no_show(entrant, actor=self.app.actor))

    def action_later(self) -> None:
        entrant = self.target()
        if entrant:
            self.confirm_then(
                self.app.t("stage.confirm.later", **self._who(entrant)),
                lambda: self.app.store.stage.move_later(entrant, actor=self.app.actor),
            )

    def action_other_day(self) -> None:
        entrant = self.target()
        if entrant is None or self.snapshot is None:
            return
        days = len(self.app.config.event.days)
        current = rules.find(self.snapshot.lineup, entrant).day
        day = current + 1 if current < days else current - 1
        self.confirm_then(
            self.app.t("stage.confirm.day", **self._who(entrant), day=day),
            lambda: self.app.store.stage.move_to_day(entrant, day, actor=self.app.actor),
        )

    def action_withdraw(self) -> None:
        entrant = self.target()
        if entrant:
            self.confirm_then(
                self.app.t("stage.confirm.withdraw", **self._who(entrant)),
                lambda: self.app.store.stage.withdraw(entrant, actor=self.app.actor),
            )

    def action_undo(self) -> None:
        def told(step: UndoStep) -> None:
            self.notify(
                self.app.t(
                    "stage.undone", action=self.app.t(f"stage.action.{step.action}"), entrant=step.subject
                )
            )

        self.stage_write((lambda: self.app.store.stage.undo(actor=self.app.actor)), after=told)

    def action_switch_day(self) -> None:
        days = len(self.app.config.event.days)
        day = self.snapshot.state.day % days + 1 if self.snapshot else 1
        self.stage_write(
            lambda: self.app.store.stage.switch_day(day, actor=self.app.actor),
            after=lambda _state: self.notify(self.app.t("stage.day_switched", day=day)),
        )

    def action_board(self) -> None:
        self.app.push_screen(BoardScreen())

    def action_projector(self) -> None:
        calm = bool(self.snapshot and self.snapshot.state.calm)

        def chosen(choice: str | None) -> None:
            if choice == "board":
                self.action_board()
            elif choice == "calm":
                self.stage_write(lambda: self.app.store.stage.set_calm(not calm, actor=self.app.actor))

        self.app.push_screen(ProjectorControls(calm), chosen)
