"""Every entrant with THIS judge's own status, to score or correct anyone out of order.

Only this judge's sheets ever reach the list: it cannot show another judge's score because it
is never given one.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option
from ikm_tui.app.marks import Marks, marks_of

FIXED_WIDTH = 18  # stage mark 2, id 5, status glyph 2, flag 2, own total 7 (" 100,00")


@dataclass(frozen=True)
class EntrantLine:
    """What one row shows; compared to skip redrawing rows that did not change."""

    entrant: str
    business: str
    status: str  # not_scored | scored | recused
    total: str  # this judge's own total, "" unless scored
    on_stage: bool
    draft: bool
    recheck: bool


GLYPHS = {"not_scored": "·", "scored": "✓", "recused": "⊘"}


def render_line(line: EntrantLine, marks: Marks, width: int = 40) -> Text:
    status_style = {"not_scored": Style(), "scored": marks.done, "recused": marks.quiet}[line.status]
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append("▶ " if line.on_stage else "  ", style=marks.current)
    text.append(f"{line.entrant:<4} ", style="bold")
    text.append(GLYPHS[line.status] + " ", style=status_style)
    if line.recheck:
        text.append("! ", style=marks.attention)
    elif line.draft:
        text.append("✎ ", style=marks.pending)
    else:
        text.append("  ")
    room = max(width - FIXED_WIDTH, 4)  # OptionList wraps long prompts: cut them ourselves
    business = line.business
    if len(business) > room:
        business = business[: room - 1] + "…"
    text.append(f"{business:<{room}}")
    text.append(f" {line.total:>5}" if line.total else "", style=status_style)
    return text


class EntrantList(OptionList):
    """Keyed by entrant id; :meth:`show` redraws only rows whose line changed."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines: dict[str, EntrantLine] = {}

    def show(self, lines: list[EntrantLine]) -> None:
        if [line.entrant for line in lines] != list(self.lines):
            highlighted = self.highlighted_option.id if self.highlighted_option else None
            self.set_options(
                Option(render_line(line, marks_of(self.app), self.room), id=line.entrant) for line in lines
            )
            self.lines = {line.entrant: line for line in lines}
            if highlighted in self.lines:
                self.highlighted = self.get_option_index(highlighted)
            return
        for line in lines:
            if self.lines.get(line.entrant) != line:
                self.replace_option_prompt(line.entrant, render_line(line, marks_of(self.app), self.room))
                self.lines[line.entrant] = line

    @property
    def room(self) -> int:
        return self.scrollable_content_region.width or 40

    def on_resize(self) -> None:
        for line in self.lines.values():
            self.replace_option_prompt(line.entrant, render_line(line, marks_of(self.app), self.room))

    def point_at(self, entrant: str) -> None:
        if entrant in self.lines:
            self.highlighted = self.get_option_index(entrant)
