"""Projector controls from the console: the board full-screen here, and the calm screen.

The calm screen is stored with the stage, so the separate board process shows it too (a break,
a speech, a technical pause). The results reveal adds its controls next to these.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Static

from ikm_tui.app.footer import KeyBar
from ikm_tui.app.session_screen import SessionModal, SessionScreen
from ikm_tui.app.stage.countdown import TickingClock

STAGE_CSS = Path(__file__).parent / "stage.tcss"
DIALOGS_CSS = Path(__file__).parents[1] / "dialogs.tcss"  # app.dialogs is not imported for the first frame
BOARD_CSS = Path(__file__).parents[1] / "board" / "board.tcss"


class BoardScreen(SessionScreen[None]):
    """The audience's board inside the console, for a single-screen set-up."""

    CSS_PATH = [BOARD_CSS, STAGE_CSS]
    BINDINGS = [Binding("escape,b", "app.pop_screen", "stage.key.console", id="board.close")]
    FOLLOW_SESSION = False  # the Board widget follows the session itself

    def compose(self) -> ComposeResult:
        from ikm_tui.app.board.board import Board  # the console's first frame shows no board

        yield Board(self.app.store.stage.now)
        yield KeyBar()

    def on_screen_resume(self) -> None:
        for clock in self.query(TickingClock):
            clock.tick()


class ProjectorControls(SessionModal[str | None]):
    """Returns ``"board"`` or ``"calm"`` (the caller acts), or None when closed."""

    CSS_PATH = [DIALOGS_CSS, STAGE_CSS]
    BINDINGS = [
        Binding("b", "choose('board')", "stage.key.board", id="projector.board"),
        Binding("c", "choose('calm')", "stage.key.calm", id="projector.calm"),
        Binding("escape,p", "choose(None)", "stage.key.close", id="projector.close"),
    ]

    def __init__(self, calm: bool) -> None:
        super().__init__()
        self.calm = calm

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(id="projector-box", classes="dialog"):
            yield Static(t("stage.projector.title"), classes="dialog-title")
            yield Button(t("stage.projector.board"), id="board")
            yield Button(t("stage.projector.calm_on" if self.calm else "stage.projector.calm_off"), id="calm")
            yield Button(t("stage.projector.close"), id="close")
        yield KeyBar()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "close" else event.button.id)

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)
