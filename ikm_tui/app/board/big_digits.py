"""Block-character glyphs for the projector clock and the presenter's note, drawn at any size.

Textual's ``Digits`` is three rows tall whatever the window; the back row of a hall needs the
clock as large as the projector allows. Each glyph is a 5 x 7 bitmap (digits, the letters A-Z
and the punctuation of a short note: ``. , ! ? - : +``). A bitmap pixel becomes
``scale`` columns by ``scale`` half-rows (terminal cells are about twice as tall as wide, so
that pixel is square), and half-block characters (``▀ ▄ █``) draw two half-rows per row.

Where the window is tall and narrow (a 50-column terminal) a pixel may be up to half as tall
again as wide (twice at the smallest size), so the clock still grows with the height.

No Textual here: the widget (:mod:`ikm_tui.app.board.big_clock`) asks :func:`fit_scale` for
the largest scale its size allows and :func:`draw` for the lines; the note
(:mod:`ikm_tui.app.board.big_note`) asks :func:`fit_note` how to break it into lines of glyphs
within a width and a number of rows, and :func:`draw_lines` for them.
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
    " ": ("...",) * GLYPH_HEIGHT,
    ".": (".", ".", ".", ".", ".", ".", "#"),
    ",": ("..", "..", "..", "..", "..", ".#", "#."),
    "!": ("#", "#", "#", "#", "#", ".", "#"),
    "?": (".###.", "#...#", "....#", "...#.", "..#..", ".....", "..#.."),
    "A": (".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
    "B": ("####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."),
    "C": (".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."),
    "D": ("####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."),
    "E": ("#####", "#....", "#....", "####.", "#....", "#....", "#####"),
    "F": ("#####", "#....", "#....", "####.", "#....", "#....", "#...."),
    "G": (".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"),
    "H": ("#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
    "I": (".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "J": ("..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."),
    "K": ("#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"),
    "L": ("#....", "#....", "#....", "#....", "#....", "#....", "#####"),
    "M": ("#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"),
    "N": ("#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"),
    "O": (".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "P": ("####.", "#...#", "#...#", "####.", "#....", "#....", "#...."),
    "Q": (".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"),
    "R": ("####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"),
    "S": (".####", "#....", "#....", ".###.", "....#", "....#", "####."),
    "T": ("#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."),
    "U": ("#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "V": ("#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."),
    "W": ("#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."),
    "X": ("#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"),
    "Y": ("#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."),
    "Z": ("#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"),
}
LINE_GAP = 1  # blank bitmap rows between two lines of a note


def drawable(text: str) -> bool:
    """Every character of ``text`` has a glyph."""
    return all(char in _FONT for char in text)


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
    return _blocks(bitmap(text), wide, tall)


def note_rows(lines: int, scale: int) -> int:
    """Terminal rows of ``lines`` lines of glyphs with square pixels of ``scale``."""
    return math.ceil((lines * GLYPH_HEIGHT + (lines - 1) * LINE_GAP) * scale / 2)


def fit_note(text: str, width: int, max_rows: int) -> tuple[list[str], int] | None:
    """The note broken at spaces into lines of glyphs, and the largest square pixel at which
    they fit ``width`` columns and ``max_rows`` rows; None when even the smallest does not (or
    a character has no glyph): the caller then shows plain text."""
    words = text.split()
    if not words or not drawable(text):
        return None
    widest_word = max(bitmap_width(word) for word in words)
    largest = min(width // widest_word, (2 * max_rows) // GLYPH_HEIGHT)
    for scale in range(largest, 0, -1):
        lines = _wrap(words, width // scale)
        if lines is not None and note_rows(len(lines), scale) <= max_rows:
            return lines, scale
    return None


def draw_lines(lines: list[str], scale: int) -> list[str]:
    """Several lines of glyphs, each centred on the widest, with square pixels of ``scale``."""
    maps = [bitmap(line) for line in lines]
    width = max(len(rows[0]) for rows in maps)
    stacked: list[str] = []
    for rows in maps:
        if stacked:
            stacked.extend(["." * width] * LINE_GAP)
        stacked.extend(row.center(width, ".") for row in rows)
    return _blocks(stacked, scale, scale)


def _wrap(words: list[str], columns: int) -> list[str] | None:
    """Words into lines whose bitmaps are at most ``columns`` wide (None: a word is wider)."""
    lines: list[str] = []
    for word in words:
        if bitmap_width(word) > columns:
            return None
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and bitmap_width(joined) <= columns:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines


def _blocks(rows: list[str], wide: int, tall: int) -> list[str]:
    """A bitmap in half-block characters, each pixel ``wide`` columns by ``tall`` half-rows."""
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
