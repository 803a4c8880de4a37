"""The two dialogs every screen uses: a yes/no question, and a small form.

:class:`ConfirmDialog` asks one sentence: ``y`` (or the Yes button) dismisses with True,
``n``/``esc`` with False. :class:`FormDialog` shows a title, a sentence and some inputs; with an
``action`` it runs that store write through the screen base's worker, shows a refusal inside the
dialog and keeps every typed value so the user can correct and retry; without one it dismisses
with the typed values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from ikm_tui.app.footer import KeyBar
from ikm_tui.app.session_screen import SessionModal
from ikm_tui.domain.errors import InputError
from ikm_tui.store.database import StoreUnavailable

DIALOGS_CSS = Path(__file__).parent / "dialogs.tcss"

Values = dict[str, str]


class ConfirmDialog(SessionModal[bool]):
    """One question before a destructive or irreversible action."""

    CSS_PATH = DIALOGS_CSS
    BINDINGS = [
        Binding("y", "answer(True)", "dialog.key.yes", id="dialog.yes"),
        Binding("n,escape", "answer(False)", "dialog.key.no", id="dialog.no"),
    ]

    def __init__(self, question: str, *, yes: str | None = None, no: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="dialog"):
            yield Static(self.question, id="confirm-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes_label or t("dialog.yes"), id="confirm-yes", variant="error")
                yield Button(self.no_label or t("dialog.no"), id="confirm-no")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


@dataclass(frozen=True)
class Field:
    """One input of a form; ``required`` is the message shown when it is left empty."""

    key: str
    label: str
    value: str = ""
    required: str = ""
    place: str = ""  # the store's name for this value in its refusals ("reason", "decided_by")


class FormDialog(SessionModal[Any]):
    """Dismisses with the action's result (True if it returned None), the typed values when
    there is no action, or None when cancelled."""

    CSS_PATH = DIALOGS_CSS
    BINDINGS = [
        Binding("escape", "cancel", "dialog.key.cancel", id="dialog.cancel"),
        Binding("y", "confirm", "dialog.key.yes", id="dialog.form_yes"),
        Binding("n", "decline", "dialog.key.no", id="dialog.form_no"),
    ]

    def __init__(
        self,
        title: str,
        body: str,
        fields: list[Field],
        *,
        ok: str,
        action: Callable[[Values], object] | None = None,
    ) -> None:
        super().__init__()
        self.heading, self.body, self.fields, self.ok, self.action = title, body, fields, ok, action

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.heading, classes="dialog-title")
            if self.body:
                with VerticalScroll(classes="dialog-body-box"):
                    yield Static(self.body, classes="dialog-body")
            for field in self.fields:
                if field.label:
                    yield Label(field.label)
                yield Input(field.value, id=f"field-{field.key}")
            yield Static("", id="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.ok, id="dialog-ok", variant="primary")
                yield Button(self.app.t("dialog.cancel"), id="dialog-cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        inputs = self.query(Input)
        if inputs:
            inputs.first().focus()
        else:
            self.query_one("#dialog-ok", Button).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``y``/``n`` answer the dialog only while no field has the focus (there they type)."""
        if action in ("confirm", "decline"):
            return not isinstance(self.focused, Input)
        return True

    def action_confirm(self) -> None:
        self.submit()

    def action_decline(self) -> None:
        self.dismiss(None)

    def problem_text(self, exc: InputError | StoreUnavailable) -> str:
        """A refusal in the dialog's own words: the field's label, not the store's name for it
        ("reason"); that field gets the focus so it can be fixed at once."""
        for field in self.fields:
            if exc.place in (field.key, field.place):
                self.query_one(f"#field-{field.key}", Input).focus()
                return f"{field.label}: {self.app.t(exc.code, **exc.params)}"
        return super().problem_text(exc)

    def values(self) -> Values:
        return {f.key: self.query_one(f"#field-{f.key}", Input).value for f in self.fields}

    def show_error(self, message: str) -> None:
        self.query_one("#dialog-error", Static).update(message)

    def submit(self) -> None:
        if self.writing:
            return
        values = self.values()
        for field in self.fields:
            if field.required and not values[field.key].strip():
                self.show_error("✗ " + field.required)
                self.query_one(f"#field-{field.key}", Input).focus()
                return
        action = self.action
        if action is None:
            self.dismiss(values)
            return
        self.show_error("")
        self.write(lambda: action(values), self._done, failed=self.show_error)

    def _done(self, result: object) -> None:
        self.dismiss(result if result is not None else True)
