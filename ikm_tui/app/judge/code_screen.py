"""Signing in: the judge types the code the moderator read out, and becomes that judge.

The slow hash runs in the screen base's write worker so the screen stays alive; after repeated
wrong codes the store says how long to wait and the field stays disabled until then.
"""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Input, Label, Static

from ikm_tui.app.footer import KeyBar
from ikm_tui.app.judge.sign_in import SignedIn
from ikm_tui.app.judge.title_bar import TitleBar
from ikm_tui.app.session_screen import SessionScreen
from ikm_tui.store.access import Attempt


class CodeScreen(SessionScreen[None]):
    """A wrong code (or an unreachable database) is told in the field, not as a notification."""

    CSS_PATH = "judge.tcss"
    FOLLOW_SESSION = False

    def __init__(self, judge: str | None = None, message: str = "") -> None:
        super().__init__()
        self.judge = judge
        self.message = message

    def compose(self) -> ComposeResult:
        t = self.app.t
        if self.judge:
            person = self.app.config.judge(self.judge)
            prompt = t("judge.code_prompt_for", judge=person.id, name=person.name)
        else:
            prompt = t("judge.code_prompt_any")
        yield TitleBar()
        with Center():
            with Vertical(id="code-box"):
                yield Label(t("judge.code_title"), id="code-title")
                yield Static(prompt, id="code-prompt")
                yield Input(id="code", password=True, placeholder=t("judge.code_placeholder"))
                yield Static(self.message, id="code-message", classes="problem")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#code", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            return
        event.input.disabled = True
        self.query_one("#code-message", Static).update(self.app.t("judge.code_checking"))
        self.check(event.value)

    def check(self, typed: str) -> None:
        """Verify in the write worker (scrypt is slow, and the attempt is counted)."""
        access, judge = self.app.store.access, self.judge
        self.write(
            lambda: access.verify(typed, judge), self.checked, failed=lambda text: self.refused(text, 0.0)
        )

    def checked(self, attempt: Attempt) -> None:
        if attempt.grant is not None:
            self.post_message(SignedIn(attempt.grant))
            return
        t = self.app.t
        if attempt.outcome == "no_code":
            text = t("judge.code_none" if self.judge else "judge.code_none_any")
        elif attempt.wait_s > 0:
            text = t("judge.code_wait", seconds=math.ceil(attempt.wait_s))
        else:
            text = t("judge.code_wrong")
        self.refused(text, attempt.wait_s)

    def refused(self, text: str, wait_s: float) -> None:
        self.query_one("#code-message", Static).update("✗ " + text)
        field = self.query_one("#code", Input)
        field.value = ""
        if wait_s > 0:
            self.set_timer(wait_s, self.ready)
        else:
            self.ready()

    def ready(self) -> None:
        field = self.query_one("#code", Input)
        field.disabled = False
        field.focus()
