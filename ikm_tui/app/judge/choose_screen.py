"""Without access codes (a trusted single laptop), the judge picks who they are from a list."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ikm_tui.app.footer import KeyBar
from ikm_tui.app.judge.sign_in import JudgeChosen
from ikm_tui.app.judge.title_bar import TitleBar
from ikm_tui.app.session_screen import SessionScreen


class ChooseJudgeScreen(SessionScreen[None]):
    CSS_PATH = "judge.tcss"
    FOLLOW_SESSION = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Center():
            with Vertical(id="code-box"):
                yield Label(self.app.t("judge.choose_title"), id="code-title")
                yield OptionList(
                    *(Option(f"{j.id}  {j.name}", id=j.id) for j in self.app.config.judges), id="judges"
                )
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(JudgeChosen(event.option.id))
