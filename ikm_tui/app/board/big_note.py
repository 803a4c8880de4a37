"""The moderator's note to the presenter on the projector: in block glyphs when it fits.

"1 MENIT LAGI" must be read from the stage at a glance, so the note is drawn in the clock's own
block glyphs (:func:`~ikm_tui.app.board.big_digits.fit_note`), broken at spaces into as few
lines as the width needs and at the largest size that fits. It may take at most a fifth of the
window's height (at least one line of the smallest glyphs), so the clock below stays large.
When that is not enough room — a long note on a narrow board, or a character the font does not
have — it is plain bold text, wrapped: the words always show.
"""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from ikm_tui.app.board import big_digits

SHARE_OF_HEIGHT = 5  # the note takes at most 1/5 of the window's rows...
MIN_ROWS = big_digits.note_rows(1, 1)  # ...but always room for one line of the smallest glyphs


class BigNote(Widget):
    DEFAULT_CSS = """
    BigNote {
        width: 1fr;
        height: auto;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.note = ""
        """The note as shown (capitals): what the board tells the presenter."""
        self._cache: tuple[tuple[str, int, int], tuple[list[str], bool]] | None = None

    def show(self, note: str) -> None:
        """Show ``note`` in capitals (empty: hide the box). Redraws only when it changed."""
        note = note.upper()
        self.display = bool(note)
        if note != self.note:
            self.note = note
            self.refresh(layout=True)

    def max_rows(self) -> int:
        return max(MIN_ROWS, self.app.size.height // SHARE_OF_HEIGHT)

    def lines(self, width: int) -> tuple[list[str], bool]:
        """The rows drawn at ``width`` columns, and whether they are glyphs (else plain text)."""
        key = (self.note, width, self.max_rows())
        if self._cache is None or self._cache[0] != key:
            fit = big_digits.fit_note(self.note, width, key[2]) if width > 0 else None
            if fit is not None:
                drawn = (big_digits.draw_lines(*fit), True)
            else:
                drawn = (textwrap.wrap(self.note, max(1, width)) or [""], False)
            self._cache = (key, drawn)
        return self._cache[1]

    @property
    def in_glyphs(self) -> bool:
        return self.lines(self.content_region.width)[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width)[0])

    def render(self) -> Text:
        rows, _glyphs = self.lines(self.content_region.width)
        return Text("\n".join(rows), justify="center", no_wrap=True, overflow="crop")
