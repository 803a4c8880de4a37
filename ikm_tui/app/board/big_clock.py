"""The projector's countdown: our own block glyphs, as large as the widget's size allows.

It takes whatever room the board leaves it (``height: 1fr`` in ``board.tcss``) and draws the
time at the largest scale that fits (:func:`~ikm_tui.app.board.big_digits.fit_scale`),
centred. ``render`` reads ``self.size``, so a resize redraws it at the new scale; the lines
are cached per (text, size) so an unchanged second costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

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

    def render(self) -> Text:
        lines = self.lines()
        top = max(0, (self.size.height - len(lines)) // 2)
        return Text("\n" * top + "\n".join(lines), justify="center", no_wrap=True, overflow="crop")
