"""A QR code of the judges' address, drawn in the moderator's terminal for phones to scan.

Drawn with half blocks, light modules in the terminal's text colour: on the usual dark
terminal that is dark-on-light as printed codes are; phone scanners read either way round.
"""

from __future__ import annotations

import io

import segno

QUIET_ZONE = 2  # modules; the standard's 4 would push the code off an 80x24 terminal


def terminal_qr(url: str) -> str:
    """The QR code of ``url`` as lines of text."""
    out = io.StringIO()
    segno.make(url, error="l", micro=False).terminal(out=out, border=QUIET_ZONE, compact=True)
    return out.getvalue()
