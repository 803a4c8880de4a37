"""Asking before a destructive queue action: one sentence, ``y`` to do it, ``n``/esc to not."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ikm_tui.app.keys import translate_bindings

STAGE_CSS = Path(__file__).parent / "stage.tcss"


class ConfirmScreen(ModalScreen[bool]):
    CSS_PATH = STAGE_CSS
    BINDINGS = [
        Binding("y", "answer(True)", "stage.key.yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "stage.key.no", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(id="confirm-box", classes="dialog"):
            yield Static(self.question, id="confirm-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("stage.confirm.yes"), id="confirm-yes", variant="error")
                yield Button(t("stage.confirm.no"), id="confirm-no")

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
