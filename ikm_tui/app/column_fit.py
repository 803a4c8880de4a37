"""How wide each column of a table is drawn, for the width the table has.

A table says which columns matter most by the order it grants them width (``grants``): the
most needed first at their narrowest useful width, then the one that should get the free width
(a name) at its full width, then the extras. A column not yet granted when the width runs out
is dropped, so on a narrow screen the extras shrink or go rather than a name being cut or the
table running off the right edge. Pure arithmetic, no widgets, so the rule can be read and
tested on its own.
"""

from __future__ import annotations

import textwrap
from collections.abc import Collection, Iterable, Mapping, Sequence
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
Grant = tuple[str, str]  # (column, LEAST or NATURAL)


def fit(
    wants: Mapping[str, Want],
    available: int,
    gap: int,
    grants: Sequence[Grant],
    required: Collection[str] = (),
) -> dict[str, int]:
    """The width of each column to draw (a column left out is dropped), granting ``grants`` in
    order while width is left; ``required`` columns are drawn at their least even when nothing
    fits. ``available`` is the table's inner width; ``gap`` what a column costs beyond its
    text (the cell padding)."""
    widths: dict[str, int] = {}
    left = available
    for column, size in grants:
        want = wants.get(column)
        if want is None:
            continue
        target = want.natural if size == NATURAL else want.least
        if column not in widths:
            if target + gap <= left or column in required:
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
    how narrow a wrapping column (or a two-line header) may get before it turns into a
    paragraph."""
    widest = 0
    for text in texts:
        width = max((cell_len(word) for word in text.split()), default=1)
        while len(textwrap.wrap(text, width, break_long_words=False)) > 2:
            width += 1
        widest = max(widest, width)
    return widest
