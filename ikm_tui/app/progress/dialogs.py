"""New access codes, shown once (re-issuing asks first through the shared ``ConfirmDialog``)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from ikm_tui.app.dialogs import DIALOGS_CSS
from ikm_tui.app.footer import KeyBar
from ikm_tui.app.session_screen import SessionModal


class ShowCodes(SessionModal[None]):
    """New codes, shown this once; nothing keeps them after the dialog closes."""

    CSS_PATH = [DIALOGS_CSS, "progress.tcss"]
    BINDINGS = [Binding("escape,enter", "close", "progress.key.close", id="progress.codes.close")]

    def __init__(self, lines: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.lines = lines  # (judge, name, code)

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="dialog", id="codes-box"):
            yield Static(t("progress.codes_title"), classes="dialog-title")
            for judge, name, code in self.lines:
                with Horizontal(classes="code-line"):
                    yield Static(judge, classes="code-judge")
                    yield Static(code, classes="code-value")
                    yield Static(name, classes="code-name")
            yield Static(t("progress.codes_note"), classes="dialog-note")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("progress.button_close"), id="codes-close", compact=True)
        yield KeyBar()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
