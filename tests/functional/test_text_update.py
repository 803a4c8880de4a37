"""A line is redrawn when its text or its styling changes, and only then."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Static

from ikm_tui.app.text_update import set_text


class Counted(Static):
    updates = 0

    def update(self, content="", *, layout: bool = True) -> None:
        self.updates += 1
        super().update(content, layout=layout)


class One(App[None]):
    def compose(self) -> ComposeResult:
        yield Counted("")


async def test_the_same_text_costs_nothing_but_a_new_style_is_shown():
    async with One().run_test() as pilot:
        line = pilot.app.query_one(Counted)
        set_text(line, Content.from_markup("[bold]d[/] Hari"))
        set_text(line, Content.from_markup("[bold]d[/] Hari"))
        assert line.updates == 1
        set_text(line, Content.from_markup("[dim]d[/] Hari"))  # greyed out: same letters
        assert line.updates == 2
        assert line.content.spans == Content.from_markup("[dim]d[/] Hari").spans
        set_text(line, "d Hari")  # plain text where Content was shown
        set_text(line, "d Hari")
        assert line.updates == 3
