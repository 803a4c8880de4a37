"""What the judge's screens tell the judge app: who signed in, and when a code stopped working.

The screens post these; they bubble to :class:`~ikm_tui.app.judge.app.JudgeApp`, which swaps
screens. (Screens never call the app's methods, so they need not import it.)
"""

from __future__ import annotations

from textual.message import Message

from ikm_tui.store.access import Grant


class SignedIn(Message):
    """The typed code was right (or codes are off and the judge was chosen)."""

    def __init__(self, grant: Grant) -> None:
        super().__init__()
        self.grant = grant


class JudgeChosen(Message):
    """Codes are off: the person at the keyboard picked who they are."""

    def __init__(self, judge: str) -> None:
        super().__init__()
        self.judge = judge


class SignedOut(Message):
    """The code was re-issued or revoked: back to the prompt, saying why."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason
