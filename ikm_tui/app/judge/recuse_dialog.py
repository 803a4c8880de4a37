"""Asking for the reason of a recusal: the record must say why a judge stepped aside."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ikm_tui.app.footer import KeyBar
from ikm_tui.app.keys import translate_bindings


class RecuseDialog(ModalScreen[str | None]):
    """Dismisses with the reason typed, or None when cancelled."""

    CSS_PATH = "judge.tcss"
    BINDINGS = [Binding("escape", "cancel", "judge.key.cancel", id="judge.recuse.cancel")]

    def __init__(self, entrant: str) -> None:
        super().__init__()
        self.entrant = entrant

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(id="recuse-box"):
            yield Label(t("judge.recuse_title", entrant=self.entrant), id="recuse-title")
            yield Static(t("judge.recuse_prompt"))
            yield Input(id="recuse-reason")
            yield Static("", id="recuse-problem", classes="problem")
            with Horizontal(id="recuse-buttons"):
                yield Button(t("judge.button_recuse"), id="recuse-ok", variant="warning", compact=True)
                yield Button(t("judge.button_cancel"), id="recuse-cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        self.query_one("#recuse-reason", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._confirm()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "recuse-ok":
            self._confirm()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _confirm(self) -> None:
        reason = self.query_one("#recuse-reason", Input).value.strip()
        if not reason:
            self.query_one("#recuse-problem", Static).update("✗ " + self.app.t("judge.recuse_needs_reason"))
            return
        self.dismiss(reason)
