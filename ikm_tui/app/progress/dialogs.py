"""The two dialogs of the progress screen: "re-issue? (revokes)" and "here are the codes"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ikm_tui.app.footer import KeyBar
from ikm_tui.app.keys import translate_bindings


class ConfirmReissue(ModalScreen[bool]):
    """Re-issuing revokes a code in use: asked once, ``y`` to go ahead, ``n``/esc not to."""

    CSS_PATH = "progress.tcss"
    BINDINGS = [
        Binding("y", "answer(True)", "progress.key.yes", id="progress.reissue.yes"),
        Binding("n,escape", "answer(False)", "progress.key.no", id="progress.reissue.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="progress-dialog"):
            yield Static(self.question, id="reissue-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("progress.button_yes"), id="reissue-yes", variant="warning", compact=True)
                yield Button(t("progress.button_no"), id="reissue-no", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)
        self.query_one("#reissue-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "reissue-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ShowCodes(ModalScreen[None]):
    """New codes, shown this once; nothing keeps them after the dialog closes."""

    CSS_PATH = "progress.tcss"
    BINDINGS = [Binding("escape,enter", "close", "progress.key.close", id="progress.codes.close")]

    def __init__(self, lines: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.lines = lines  # (judge, name, code)

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="progress-dialog", id="codes-box"):
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

    def on_mount(self) -> None:
        translate_bindings(self, self.app.t)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
