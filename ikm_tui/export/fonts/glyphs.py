"""Which characters the bundled font can draw, so a report never prints an empty box silently.

A judge may type an emoji on a phone; DejaVu Sans has many (the emoticons) but not all. What it
lacks prints as :data:`MISSING` (a visible white square) instead of nothing, so a reader sees
that something was there.
"""

from __future__ import annotations

from functools import lru_cache

from ikm_tui.export import fonts

MISSING = "\u25a1"  # WHITE SQUARE, which DejaVu Sans has


@lru_cache(maxsize=1)
def covered() -> frozenset[int]:
    from fontTools.ttLib import TTFont  # fpdf2's own dependency

    return frozenset(TTFont(str(fonts.REGULAR), lazy=True).getBestCmap())


def printable(text: str) -> str:
    """``text`` with every character the font cannot draw replaced by :data:`MISSING`."""
    have = covered()
    if all(ord(c) in have for c in text):
        return text
    return "".join(c if ord(c) in have or c == "\n" else MISSING for c in text)
