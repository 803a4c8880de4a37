"""The results' forms: a tie decision, finalising (with an override reason), unlocking.

One small modal serves all three: a title, a sentence, some inputs, and an ``action`` that
writes to the store. A refusal (an InputError) is shown inside the dialog and nothing closes,
so the moderator can correct and retry; success closes it with the action's result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ikm_tui.app.keys import translate_bindings

from ikm_tui.domain.errors import InputError
from ikm_tui.store.database import StoreUnavailable


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    value: str = ""


class FormDialog(ModalScreen):
    CSS_PATH = Path(__file__).parent / "results.tcss"
    BINDINGS = [Binding("escape", "cancel", "results.cancel", id="results.dialog_cancel")]

    def __init__(
        self, title: str, body: str, fields: list[Field], action: Callable[[dict], object], *, ok: str
    ) -> None:
        super().__init__()
        self.heading, self.body, self.fields, self.action, self.ok = title, body, fields, action, ok

    def compose(self) -> ComposeResult:
        with Vertical(classes="results-dialog"):
            yield Static(self.heading, classes="dialog-title")
            if self.body:
                yield Static(self.body, classes="dialog-body")
            for field in self.fields:
                yield Label(field.label)
                yield Input(field.value, id=f"field-{field.key}")
            yield Static("", id="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.ok, id="dialog-ok", variant="primary")
                yield Button(self.app.t("results.cancel"), id="dialog-cancel")

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        inputs = self.query(Input)
        if inputs:
            inputs.first().focus()
        else:
            self.query_one("#dialog-ok", Button).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index + 1 < len(inputs):
            inputs[index + 1].focus()
        else:
            self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "dialog-ok":
            self.submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def submit(self) -> None:
        values = {f.key: self.query_one(f"#field-{f.key}", Input).value for f in self.fields}
        try:
            result = self.action(values)
        except (InputError, StoreUnavailable) as exc:
            self.query_one("#dialog-error", Static).update(exc.render(self.app.t))
            return
        self.dismiss(result if result is not None else True)
