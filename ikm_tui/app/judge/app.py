"""``ikm-tui judge``: one judge's console, in its own terminal, acting only as that judge."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from ikm_tui.app.judge.choose_screen import ChooseJudgeScreen
from ikm_tui.app.judge.code_screen import CodeScreen
from ikm_tui.app.judge.scoring_screen import ScoringScreen
from ikm_tui.app.judge.sign_in import JudgeChosen, SignedIn, SignedOut
from ikm_tui.app.session_app import SessionApp
from ikm_tui.store.access import Grant
from ikm_tui.store.session import Store


class JudgeApp(SessionApp):
    """Signs the judge in (code, or a choice when codes are off), then opens the scoring screen."""

    BINDINGS = [Binding("ctrl+q", "quit", "judge.key.quit", id="judge.quit")]
    ENABLE_COMMAND_PALETTE = False  # a judge's console offers scoring, nothing else

    def __init__(
        self,
        store: Store,
        judge: str | None = None,
        *,
        grant: Grant | None = None,
        poll_seconds: float | None = None,
    ) -> None:
        super().__init__(store, poll_seconds=poll_seconds)
        self.judge = judge
        self.grant = grant

    def on_mount(self) -> None:
        # (SessionApp.on_mount, which starts following the session, runs too: Textual calls
        # every class's handler along the MRO.)
        if self.grant is not None:
            self.signed_in(self.grant)
        elif not self.config.judging.access_codes:
            if self.judge:
                self.open_as(self.judge)
            else:
                self.push_screen(ChooseJudgeScreen())
        else:
            self.push_screen(CodeScreen(self.judge))

    def open_as(self, judge: str) -> None:
        """Codes are off: act as ``judge`` straight away (audited)."""
        self.signed_in(self.store.access.open(judge, actor=f"judge:{judge}"))

    def on_judge_chosen(self, message: JudgeChosen) -> None:
        self.open_as(message.judge)

    def on_signed_in(self, message: SignedIn) -> None:
        self.signed_in(message.grant)

    def on_signed_out(self, message: SignedOut) -> None:
        self.signed_out(message.reason)

    def signed_in(self, grant: Grant) -> None:
        self.grant = grant
        self.switch_or_push(ScoringScreen(grant))

    def signed_out(self, message: str) -> None:
        """The code was re-issued or revoked: back to the prompt, saying why."""
        judge = self.grant.judge if self.grant else self.judge
        self.grant = None
        # after the next refresh: a screen still mounting must finish before it is replaced
        self.call_after_refresh(self.switch_or_push, CodeScreen(judge, message))

    def switch_or_push(self, screen: Screen[None]) -> None:
        while len(self.screen_stack) > 2:  # a dialog left open over the old screen
            self.pop_screen()
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
