"""The projector board: what the audience sees, and only that.

A :class:`Board` holds one view per situation in a ``ContentSwitcher``; :meth:`Board.choose_view`
is the single place that decides which one shows. To add a view (the results reveal), compose it
inside the switcher with an id and return that id from ``choose_view``. No view ever reads
scores: the board shows who presents, the clock, and who is next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters
from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.widgets import ContentSwitcher, Static

from ikm_tui.app.board.big_clock import BigClock
from ikm_tui.app.board.big_note import BigNote
from ikm_tui.app.board.reveal_view import REVEAL, RevealView
from ikm_tui.app.board.view_choice import IDLE, STAGE, UNREACHABLE, choose_view
from ikm_tui.app.follow import SessionChanged, follow_session
from ikm_tui.app.session_app import SessionApp
from ikm_tui.app.stage.reading import StageReading
from ikm_tui.app.stage.schedule_view import NextChange, about_text, day_plan, seconds_until_change
from ikm_tui.app.text_update import set_text

if TYPE_CHECKING:
    from ikm_tui.store.results import RevealState


class Board(Container):
    """Follows the session (:class:`SessionChanged`) and shows the fitting view."""

    app = getters.app(SessionApp)

    def __init__(self, now, **kwargs) -> None:
        super().__init__(**kwargs)
        self.now = now
        self.snapshot: StageReading | None = None
        self.reveal: RevealState | None = None  # step and the frozen snapshot
        self.error: str | None = None
        self.next_change = NextChange(self, self._refresh_idle)
        """Wakes the idle view when "about 10:42" can read another minute, not before."""

    def compose(self) -> ComposeResult:
        t, config = self.app.t, self.app.config
        yield Static(config.event.title, id="board-title")
        yield Static("", id="board-day")
        with ContentSwitcher(initial=IDLE, id="board-views"):
            with Vertical(id=IDLE, classes="board-view"):
                yield Static(t("board.idle"), id="idle-message")
                yield Static("", id="idle-next-label", classes="board-label")
                yield Static("", id="idle-next", classes="board-name")
                yield Static("", id="idle-next-business", classes="board-business")
                yield Static("", id="idle-next-time", classes="board-label")
            with Vertical(id=STAGE, classes="board-view"):
                yield Static(t("board.presenting"), classes="board-label")
                yield Static("", id="stage-name", classes="board-name")
                yield Static("", id="stage-business", classes="board-business")
                yield BigNote(id="stage-message")
                yield BigClock(config.timer, self.now, id="board-countdown")
                yield Static("", id="stage-phase", classes="board-phase")
                yield Static("", id="stage-next", classes="board-next")
            with Vertical(id=UNREACHABLE, classes="board-view"):
                yield Static(t("board.unreachable"), id="unreachable-message")
                yield Static(t("board.unreachable_hint"), classes="board-label")
            yield RevealView(id=REVEAL)

    def on_mount(self) -> None:
        follow_session(self, self.app.session_signal)
        self.refresh_from_store()

    def on_unmount(self) -> None:
        self.next_change.stop()

    def _refresh_idle(self) -> None:
        if self.snapshot is not None and self.choose_view() == IDLE:
            self._fill_idle()

    def on_session_changed(self, message: SessionChanged) -> None:
        if message.error is not None:
            self.error = message.error
            self.show()
        else:
            self.refresh_from_store()

    def refresh_from_store(self) -> None:
        try:
            self.snapshot = StageReading.read(self.app.store)
            self.reveal = self.app.store.results.reveal_state()
            self.error = None
        except Exception as exc:  # noqa: BLE001 - the projector never shows a traceback
            self.error = str(exc)
        self.show()

    def choose_view(self) -> str:
        """The one decision of which view the audience sees (shared with the ``/board`` page)."""
        return choose_view(self.error, self.snapshot, self.reveal)

    def show(self) -> None:
        view = self.choose_view()
        if view != IDLE:
            self.next_change.stop()  # only the idle view shows a time of day
        if view == IDLE:
            self._fill_idle()
        elif view == STAGE:
            self._fill_stage()
        if view != STAGE:
            self.query_one(BigClock).show_clock(None)  # nothing to count while it is not shown
        reveal = self.reveal if view == REVEAL else None
        self.query_one(RevealView).show(reveal.step if reveal else 0, reveal.snapshot if reveal else None)
        self._fill_day(view)
        self.query_one(ContentSwitcher).current = view

    def _fill_day(self, view: str) -> None:
        text = ""
        if view != UNREACHABLE and self.snapshot is not None:
            text = self.app.t("board.day", day=self.snapshot.state.day, venue=self.app.config.event.venue)
        set_text(self.query_one("#board-day", Static), text)

    def _fill_idle(self) -> None:
        """Between presentations: who comes next, or a calm thank-you when nobody does."""
        t, snap = self.app.t, self.snapshot
        assert snap is not None  # choose_view() shows IDLE only with a stage reading
        up = None if snap.state.calm else snap.next_up
        ended = up is None and not snap.state.calm and snap.state.entrant is None
        set_text(self.query_one("#idle-message", Static), t("board.idle_end") if ended else t("board.idle"))
        set_text(self.query_one("#idle-next-label", Static), t("board.idle_next") if up else "")
        set_text(self.query_one("#idle-next", Static), up.name if up else "")
        set_text(self.query_one("#idle-next-business", Static), self._business(up) if up else "")
        now = self.now()
        plan = day_plan(self.app.config, snap, now) if up else None
        set_text(self.query_one("#idle-next-time", Static), about_text(t, plan, up.id) if up else "")
        self.next_change.plan(seconds_until_change(self.app.config, snap, now) if plan else None, now)

    def _fill_stage(self) -> None:
        t, snap = self.app.t, self.snapshot
        assert snap is not None and snap.presenting is not None  # choose_view() said STAGE
        who = snap.presenting
        set_text(self.query_one("#stage-name", Static), who.name)
        set_text(self.query_one("#stage-business", Static), self._business(who))
        clock = snap.state.clock
        phase = t(f"board.phase.{clock.phase}")
        if clock.paused:
            phase = f"{phase} · {t('board.paused')}"
        set_text(self.query_one("#stage-phase", Static), phase)
        up = snap.next_up
        set_text(
            self.query_one("#stage-next", Static),
            t("board.next_up", name=up.name, business=up.business) if up else "",
        )
        self.query_one(BigClock).show_clock(clock)
        self.query_one(BigNote).show(snap.state.message)

    def _business(self, entrant) -> str:
        category = self.app.config.category(entrant.category).name
        return f"{entrant.business} · {category}"
