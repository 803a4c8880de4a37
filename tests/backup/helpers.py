"""What the backup tests share: a session with some history, and a folder's state."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store


def session_with_scores(config_path: Path, sheets: int = 3) -> Path:
    """A real session: a few judges' sheets and a stage action. Returns the database path."""
    config = load_config(config_path)
    with Store(config) as store:
        for index, entrant in enumerate(config.entrants[:sheets]):
            judge = config.judges[index % len(config.judges)].id
            store.scores.submit(judge, entrant.id, {c.id: Decimal(7) for c in config.criteria})
        store.stage.next()
    return config.event.database


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` with the hash of its bytes: 'nothing changed' made checkable."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }
