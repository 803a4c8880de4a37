"""A judge's note for a start-up: short plain text, checked the same way wherever it is typed.

The note is printed on the start-up's feedback report, so it must be text a person can read and
a printer can print: at most :data:`MAX_CHARS` characters, no control characters (a line break
is allowed; a tab becomes a space) and no invisible direction overrides, which could make a
printed sentence read differently from what was stored. Right-to-left letters and emoji are
accepted as typed; how they print is the report's business (see ``export/feedback_pdf.py``).
"""

from __future__ import annotations

import unicodedata

from ikm_tui.domain.score_entry import ScoreProblem

MAX_CHARS = 500
# Bidirectional embeddings, overrides and isolates: invisible, and able to reorder what prints.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def clean_note(text: str) -> str:
    """The note as stored: line endings unified, tabs as spaces, outer blanks trimmed.

    Raises :class:`ScoreProblem` (``note.too_long`` / ``note.control``) for text that cannot
    be printed faithfully; an empty result means "no note".
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    lines = [line.strip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    cleaned = "\n".join(lines)
    for position, char in enumerate(cleaned, start=1):
        if char == "\n":
            continue
        if char in BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn"):
            raise ScoreProblem("note.control", position=position, char=f"U+{ord(char):04X}")
    if len(cleaned) > MAX_CHARS:
        raise ScoreProblem("note.too_long", length=len(cleaned), limit=MAX_CHARS)
    return cleaned
