"""Block-character glyphs for the projector clock, drawn at any size.

Textual's ``Digits`` is three rows tall whatever the window; the back row of a hall needs the
clock as large as the projector allows. Each glyph is a 5 x 7 bitmap. A bitmap pixel becomes
``scale`` columns by ``scale`` half-rows (terminal cells are about twice as tall as wide, so
that pixel is square), and half-block characters (``▀ ▄ █``) draw two half-rows per row.

Where the window is tall and narrow (a 50-column terminal) a pixel may be up to half as tall
again as wide (twice at the smallest size), so the clock still grows with the height.

No Textual here: the widget (:mod:`ikm_tui.app.board.big_clock`) asks :func:`fit_scale` for
the largest scale its size allows and :func:`draw` for the lines.
"""

from __future__ import annotations

import math

GLYPH_HEIGHT = 7
GAP = 1  # bitmap columns between two glyphs
WIDEST = "+00:00"  # the clock is sized for its widest text, so it never jumps at overtime

_FONT: dict[str, tuple[str, ...]] = {
    "0": (".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."),
    "1": ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "2": (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
    "3": ("#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."),
    "4": ("...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
    "5": ("#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
    "6": ("..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."),
    "7": ("#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
    "8": (".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
    "9": (".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."),
    ":": (".", ".", "#", ".", "#", ".", "."),
    "+": (".....", "..#..", "..#..", "#####", "..#..", "..#..", "....."),
    "-": (".....", ".....", ".....", "#####", ".....", ".....", "....."),
    " ": (".....",) * GLYPH_HEIGHT,
}


def bitmap(text: str) -> list[str]:
    """The text as one bitmap (rows of ``#``/``.``); unknown characters draw as a space."""
    glyphs = [_FONT.get(char, _FONT[" "]) for char in text]
    gap = "." * GAP
    return [gap.join(glyph[row] for glyph in glyphs) for row in range(GLYPH_HEIGHT)]


def bitmap_width(text: str) -> int:
    return len(bitmap(text)[0]) if text else 0


def rows_for(tall: int) -> int:
    """Terminal rows the clock takes when a pixel is ``tall`` half-rows."""
    return math.ceil(GLYPH_HEIGHT * tall / 2)


def fit_scale(text: str, width: int, height: int) -> tuple[int, int]:
    """The largest pixel (columns wide, half-rows tall) at which ``text`` and the widest clock
    text fit in ``width`` x ``height`` cells; ``(0, 0)`` if not even the smallest does."""
    columns = max(bitmap_width(text), bitmap_width(WIDEST))
    wide = width // columns if columns else 0
    tall = min((2 * height) // GLYPH_HEIGHT, max(2, wide + wide // 2))
    if wide == 0 or tall == 0:
        return 0, 0
    return wide, tall


def draw(text: str, wide: int, tall: int) -> list[str]:
    """``text`` in block characters, each bitmap pixel ``wide`` columns by ``tall`` half-rows."""
    if wide <= 0 or tall <= 0 or not text:
        return [text]
    rows = bitmap(text)
    half_rows = [row for row in rows for _ in range(tall)]
    if len(half_rows) % 2:
        half_rows.append("." * len(rows[0]))
    lines = []
    for top, bottom in zip(half_rows[::2], half_rows[1::2]):
        cells = (_cell(a, b) for a, b in zip(top, bottom))
        lines.append("".join(cell * wide for cell in cells))
    return lines


def _cell(top: str, bottom: str) -> str:
    if top == "#":
        return "█" if bottom == "#" else "▀"
    return "▄" if bottom == "#" else " "
