"""A queue entry's status in words, shared by the stage console and ``ikm-tui queue``.

It lives beside the catalogue (not in a screen) so the headless command never loads Textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ikm_tui.domain import queue_rules as rules
from ikm_tui.domain.queue_rules import Entry

if TYPE_CHECKING:  # the catalogue imports this module while it loads
    from ikm_tui.i18n import Messages


def status_text(t: Messages, entry: Entry) -> str:
    """The status in words; a no-show says what happens next (called again later), not what
    already happened."""
    if entry.status == rules.NO_SHOW:
        return t("stage.status.no_show", count=entry.no_show_count)
    return t(f"stage.status.{entry.status}")
