"""How wide each column of the stage queue is drawn, for the width the table has.

The moderator needs the entrant's code, name and status on every screen; the planned time and
any overtime next; the running number, business and category only where there is room. So the
columns are granted width in that order of need: the name gets the free width before the less
important columns come back, and on a narrow screen those shrink (business, category, with an
ellipsis) or go, rather than cutting a name or running off the right edge. Pure arithmetic, no
widgets, so the rule can be read and tested on its own.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rich.cells import cell_len


@dataclass(frozen=True)
class Want:
    """What a column asks for: ``natural`` shows every cell and the full header; ``least`` is the
    narrowest it is still worth drawing (a short header, or a few characters of text).
    ``stretch``: any width in between helps (text); otherwise it is least or natural."""

    natural: int
    least: int
    stretch: bool = False


LEAST, NATURAL = "least", "natural"

# Granted in this order while width is left; a column not yet granted its least is dropped.
GRANTS: tuple[tuple[str, str], ...] = (
    ("entrant", NATURAL),
    ("name", LEAST),
    ("status", LEAST),
    ("planned", LEAST),
    ("overtime", LEAST),
    ("name", NATURAL),
    ("status", NATURAL),
    ("planned", NATURAL),
    ("overtime", NATURAL),
    ("order", NATURAL),
    ("business", LEAST),
    ("category", LEAST),
    ("business", NATURAL),
    ("category", NATURAL),
)
REQUIRED = frozenset({"entrant", "name", "status"})  # drawn even when nothing fits


def fit(wants: Mapping[str, Want], available: int, gap: int) -> dict[str, int]:
    """The width of each column to draw (a column left out is dropped). ``available`` is the
    table's inner width; ``gap`` what a column costs beyond its text (the cell padding)."""
    widths: dict[str, int] = {}
    left = available
    for column, size in GRANTS:
        want = wants.get(column)
        if want is None:
            continue
        target = want.natural if size == NATURAL else want.least
        if column not in widths:
            if target + gap <= left or column in REQUIRED:
                widths[column] = target
                left -= target + gap
            continue
        grow = target - widths[column]
        if grow <= 0 or left <= 0:
            continue
        if grow <= left:
            widths[column] += grow
            left -= grow
        elif want.stretch:
            widths[column] += left
            left = 0
    return widths


def two_line_width(texts: Iterable[str]) -> int:
    """The narrowest width at which each text wraps onto at most two lines (at word breaks):
    how narrow a wrapping column may get before a row turns into a paragraph."""
    widest = 0
    for text in texts:
        width = max((cell_len(word) for word in text.split()), default=1)
        while len(textwrap.wrap(text, width, break_long_words=False)) > 2:
            width += 1
        widest = max(widest, width)
    return widest
