"""A scored session on a real SQLite file, with names a spreadsheet would love to misread."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.export.bundle import gather
from ikm_tui.store.session import Store

HOSTILE_NAMES = {
    "Owner 1": '=HYPERLINK("http://x","y")',
    "Owner 2": "+6281234567890",
    "Owner 3": "@SUM(A1)",
    "Owner 4": "-1+1",
    "Owner 5": "Ni Luh Putu Ayu Lestari",
    "Owner 6": "Ma'ruf Hidayatullah Ñoño",
    "Owner 7": "Bel\x07l\tTab",  # control characters an XLSX file may not hold
}


def score_event(store: Store, *, recuse: tuple[str, str] | None = None) -> None:
    """Every judge scores every entrant; entrant n gets higher scores the lower n is.

    Judges disagree a little (judge j adds ``(j - 2) * 0.5`` on the first criterion) so the
    aggregate rule matters; no two entrants end level, so no tie blocks the prizes.
    """
    config = store.config
    for e, entrant in enumerate(config.entrants):
        for j, judge in enumerate(config.judges):
            if recuse == (judge.id, entrant.id):
                store.scores.recuse(judge.id, entrant.id, "kerabat peserta")
                continue
            base = Decimal(10) - Decimal(e) / 2
            scores = {}
            for c, criterion in enumerate(config.criteria):
                value = base - (Decimal(c) / 2 if e % 2 else 0)
                if c == 0:
                    value += Decimal(j - 1) / 2
                scores[criterion.id] = min(max(value, criterion.min), criterion.max)
            store.scores.submit(judge.id, entrant.id, scores)


def hostile_config(path):
    text = path.read_text("utf-8")
    for plain, hostile in HOSTILE_NAMES.items():
        text = text.replace(f'name = "{plain}"\n', f"name = {json.dumps(hostile)}\n")
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def scored_store(make_event):
    """Eight entrants, three judges, an English event; entrant names are hostile."""
    config = load_config(hostile_config(make_event(judges=3, entrants=8)))
    store = Store(config)
    score_event(store, recuse=("J3", "E08"))
    yield store
    store.close()


@pytest.fixture
def bundle(scored_store):
    return gather(scored_store)


@pytest.fixture
def final_bundle(bundle):
    """The same result as if it had been finalised (the lock itself is the results area's)."""
    return replace(bundle, provisional=False)
