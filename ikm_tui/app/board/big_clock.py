"""The projector's countdown: our own block glyphs, as large as the widget's size allows.

It takes whatever room the board leaves it (``height: 1fr`` in ``board.tcss``) and draws the
time at the largest scale that fits (:func:`~ikm_tui.app.board.big_digits.fit_scale`),
centred. It draws through Textual's line API (``render_line``): each row is one ready-made
strip of block characters in the phase's colour, so the once-a-second repaint of this widget
alone skips text layout and wrapping entirely. Rows are cached per (text, size, colour
classes): a resize redraws at the new scale; an unchanged second costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from textual.strip import Strip

from ikm_tui.app.board import big_digits
from ikm_tui.app.stage.countdown import TickingClock
from ikm_tui.domain import timer
from ikm_tui.domain.config import Timer


class BigClock(TickingClock):
    DEFAULT_CSS = """
    BigClock {
        width: 1fr;
        height: 1fr;
        text-align: center;
    }
    """

    def __init__(self, config_timer: Timer, now: Callable[[], float], **kwargs) -> None:
        super().__init__(config_timer, now, **kwargs)
        self.shown_text = timer.countdown_text(config_timer.presentation_minutes * 60)
        self._cache: tuple[tuple[str, int, int], list[str]] | None = None
        self._strips: tuple[tuple[object, ...], list[Strip]] | None = None

    @property
    def scale(self) -> tuple[int, int]:
        """A glyph pixel in columns and half-rows at the current size ((0, 0): plain text)."""
        return big_digits.fit_scale(self.shown_text, self.size.width, self.size.height)

    def lines(self) -> list[str]:
        key = (self.shown_text, self.size.width, self.size.height)
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, big_digits.draw(self.shown_text, *self.scale))
        return self._cache[1]

    def paint(self, text: str) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self.refresh()

    def rows(self) -> list[Strip]:
        """Every row of the widget: the glyphs centred both ways, in the widget's style."""
        width, height = self.size
        key = (self.shown_text, width, height, frozenset(self.classes))
        if self._strips is None or self._strips[0] != key:
            style = self.rich_style
            lines = self.lines()
            top = max(0, (height - len(lines)) // 2)
            blank = Strip.blank(width, style)
            strips = [blank] * top
            for line in lines[: height - top]:
                left = max(0, (width - len(line)) // 2)
                row = (" " * left + line).ljust(width)[:width]
                strips.append(Strip([Segment(row, style)], width))
            strips += [blank] * (height - len(strips))
            self._strips = (key, strips)
        return self._strips[1]

    def render_line(self, y: int) -> Strip:
        rows = self.rows()
        return rows[y] if 0 <= y < len(rows) else Strip.blank(self.size.width, self.rich_style)
