"""A scored event with judges' notes, on a real SQLite file."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store


# Each note names its entrant, so a report carrying another entrant's note is caught.
def note_for(judge: str, entrant: str) -> str:
    return f"Catatan {judge} untuk {entrant}: kemasan perlu diperbaiki."


def score_with_notes(store: Store, *, absent: tuple[str, ...] = ()) -> None:
    """Every judge scores every entrant (entrant n a little lower than n-1, judges disagree on
    the first criterion); J1 and J2 leave a note for every entrant; ``absent`` never present."""
    config = store.config
    for e, entrant in enumerate(config.entrants):
        if entrant.id in absent:
            continue
        for j, judge in enumerate(config.judges):
            scores = {}
            for c, criterion in enumerate(config.criteria):
                value = Decimal(10) - Decimal(e) / 2 - Decimal(c if e % 2 else 0) / 2
                if c == 0:
                    value += Decimal(j - 1) / 2
                scores[criterion.id] = min(max(value, criterion.min), criterion.max)
            note = note_for(judge.id, entrant.id) if judge.id in ("J1", "J2") else None
            store.scores.submit(judge.id, entrant.id, scores, note=note)


@pytest.fixture
def event(make_event):
    return make_event(judges=3, entrants=8, language="id")


@pytest.fixture
def store(event):
    store = Store(load_config(event))
    yield store
    store.close()


@pytest.fixture
def scored(store):
    """Eight entrants; E08 withdrew before presenting."""
    score_with_notes(store, absent=("E08",))
    store.stage.withdraw("E08")
    return store
