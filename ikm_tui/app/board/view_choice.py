"""Which view the projector shows: the one decision, shared by ``ikm-tui board`` and ``/board``.

Pure (no Textual): the terminal board and the web board call the same function with the same
store readings, so the page can never show something the projector would not.
"""

from __future__ import annotations

IDLE = "board-idle"
STAGE = "board-stage"
UNREACHABLE = "board-unreachable"
REVEAL = "board-reveal"


def choose_view(error: str | None, snapshot, reveal) -> str:
    """``snapshot``: a StageReading; ``reveal``: ``store.results.reveal_state()``."""
    if error is not None or snapshot is None:
        return UNREACHABLE
    if reveal is not None and reveal.step > 0:
        return REVEAL
    state = snapshot.state
    if state.entrant is None or state.calm:
        return IDLE
    return STAGE
