"""Who receives which certificate, and the short code that ties a printed one to the result.

A *sertifikat peserta* goes to every entrant who presented; a *piagam* to every winner, and only
from finalised results. Each carries a code anyone can recompute from the results digest (which
every export prints) with :func:`verification_code`: a forged or altered certificate has a
code that does not match.
"""

from __future__ import annotations

import hashlib

PARTICIPANT = "peserta"
WINNER = "piagam"


def verification_code(digest: str, kind: str, entrant: str) -> str:
    """``3F9A-C21B``: the first 32 bits of SHA-256(digest|kind|entrant), grouped to read aloud."""
    raw = hashlib.sha256(f"{digest}|{kind}|{entrant}".encode()).hexdigest()[:8].upper()
    return f"{raw[:4]}-{raw[4:]}"
