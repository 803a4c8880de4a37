"""Issue fresh codes and print them on access cards — one action for ``ikm-tui access cards``
and the moderator's F2 key, so both void the old cards the same way.

The codes are committed before the PDF is written: if writing fails, the moderator prints
again (which issues again); a code never exists only on a card that was not printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ikm_tui.export.access_cards import Card, write_cards
from ikm_tui.serve.addresses import urls

DEFAULT_PORT = 8000
DEFAULT_NAME = "access-cards.pdf"


def default_address(port: int = DEFAULT_PORT) -> str:
    """Where judges' phones reach ``ikm-tui serve --host 0.0.0.0``: this laptop's LAN address."""
    return urls("0.0.0.0", port)[0]


def default_path(store) -> Path:
    return Path(store.path).resolve().parent / DEFAULT_NAME


def issue_cards(
    store, path: Path, *, address: str, actor: str, judges: Sequence[str] | None = None
) -> list[Card]:
    config = store.config
    chosen = list(judges) if judges else [j.id for j in config.judges]
    cards = [Card(j, config.judge(j).name, store.access.issue(j, actor=actor), address) for j in chosen]
    write_cards(config, cards, path)
    return cards
