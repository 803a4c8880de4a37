"""The top line of every judge screen: the event, and who this console acts as.

A plain Static rather than Textual's Header: screens here are swapped while others are still
mounting (sign-out on a re-issued code), and a one-line label cannot trip over that.
"""

from __future__ import annotations

from textual import getters
from textual.widgets import Static

from ikm_tui.app.session_app import SessionApp


class TitleBar(Static):
    app = getters.app(SessionApp)

    DEFAULT_CLASSES = "title-bar"

    def on_mount(self) -> None:
        app = self.app
        text = app.config.event.title
        grant = getattr(app, "grant", None)
        if grant is not None:
            judge = app.config.judge(grant.judge)
            text += "  ·  " + app.t("judge.header", judge=judge.id, name=judge.name)
        self.update(text)
