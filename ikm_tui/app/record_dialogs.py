"""The moderator console's first questions: who is at the keyboard, and — when config.toml
differs from the event record — whether to apply that amendment.

Both are small modals pushed once when the console starts. The console works from the record
meanwhile; "keep the record" leaves the file's changes unapplied (the CLI keeps saying so).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Static

from ikm_tui.app.dialogs import DIALOGS_CSS
from ikm_tui.app.footer import KeyBar
from ikm_tui.app.session_screen import SessionModal
from ikm_tui.i18n.record import review_lines
from ikm_tui.store.record import Revision

RECORD_CSS = Path(__file__).parent / "record.tcss"


class WhoDialog(SessionModal[str]):
    """Asked once per console session: every action is recorded under this name."""

    CSS_PATH = [DIALOGS_CSS, RECORD_CSS]

    def __init__(self, default: str, *, on_ready: Callable[[], None] | None = None) -> None:
        """``on_ready``: called once the name can be typed (keys typed ahead go in then)."""
        super().__init__()
        self.default = default
        self.on_ready = on_ready

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="dialog", id="who-dialog"):
            yield Static(t("who.title"), classes="dialog-title")
            yield Static(t("who.hint"), classes="dialog-body")
            yield Input(self.default, placeholder=t("who.placeholder"), id="who-name")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("who.ok"), id="who-ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#who-name", Input).focus()
        if self.on_ready is not None:
            self.call_after_refresh(self.on_ready)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.answer()

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.answer()

    def answer(self) -> None:
        name = self.query_one("#who-name", Input).value.strip()
        if name:
            self.dismiss(name)


class ReviewDialog(SessionModal[bool]):
    """What config.toml says that the record does not, what it does to the winners, and the
    choice: apply it with a reason (audited under the person at the keyboard) or keep the record."""

    CSS_PATH = [DIALOGS_CSS, RECORD_CSS]
    BINDINGS = [Binding("escape", "keep", "review.keep", id="review.keep")]

    def compose(self) -> ComposeResult:
        t, store = self.app.t, self.app.store
        review = store.review()
        self.refused = bool(review.problems)
        with Vertical(classes="dialog", id="review-dialog"):
            yield Static(t("review.title"), classes="dialog-title")
            yield Static(t("review.intro"), classes="dialog-body")
            with VerticalScroll(id="review-lines"):
                yield Static("\n".join(review_lines(t, review)), id="review-text", markup=False)
            if not self.refused:
                yield Input(placeholder=t("review.reason"), id="review-reason")
            yield Static("", id="dialog-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                if not self.refused:
                    yield Button(t("review.apply"), id="review-apply", variant="primary")
                yield Button(t("review.keep"), id="review-keep")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.refused:
            self.query_one("#review-keep", Button).focus()
        else:
            self.query_one("#review-reason", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.apply()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "review-apply":
            self.apply()
        else:
            self.action_keep()

    def action_keep(self) -> None:
        self.dismiss(False)

    def apply(self) -> None:
        if self.writing:
            return
        reason = self.query_one("#review-reason", Input).value
        store, actor = self.app.store, self.app.actor
        self.write(lambda: store.amend(reason, actor=actor), self._applied, failed=self._refused)

    def _applied(self, revision: Revision) -> None:
        self.app.notify(self.app.t("review.applied", revision=revision.revision))
        self.dismiss(True)

    def _refused(self, message: str) -> None:
        self.query_one("#dialog-error", Static).update(message)
