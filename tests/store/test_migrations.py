"""Schema migrations on a real version-1 file, and each version's DDL kept frozen."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from ikm_tui.domain import definition
from ikm_tui.domain.config import load_config
from ikm_tui.domain.errors import InputError
from ikm_tui.i18n import Messages
from ikm_tui.store.database import split_statements
from ikm_tui.store.migrations import CURRENT_VERSION, MIGRATIONS
from ikm_tui.store.session import Store
from tests.cli.cli_helpers import ikm

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EN = Messages("en")

# sha256 of each version's DDL as shipped. A new version adds its line; an existing line never
# changes: files in the field were made by exactly that text.
FROZEN = {
    1: "2747db9ca9b8b6e084a7ca3ff581784894cd714e0103fd2f314a42268a610fc2",
    2: "8df5bfe43d5e27e3ad99d3f50b4859070e6aaac50d57c4fdc372adc445500a6c",
    3: "509a5c6c86c5e9dde9c020c9d66218adcfff7c85b8d2e83f223319211f6a16f1",
    4: "f12ef4416e9376c7c8b54ad964c0425c5ff81ab0734d35cba1d73204775a7675",
}

TABLES = {
    "score_sheet": "judge, entrant",
    "score": "judge, entrant, criterion",
    "decision": "id",
    "finalisation": "id",
    "audit": "seq",
    "queue_entry": "entrant",
    "stage": "id",
    "reveal": "id",
}


@pytest.fixture
def v1_copy(tmp_path) -> Path:
    """The committed version-1 session and its config, copied so the test may migrate them."""
    shutil.copy(FIXTURES / "config.toml", tmp_path / "config.toml")
    shutil.copy(FIXTURES / "v1-session.db", tmp_path / "v1-session.db")
    return tmp_path / "config.toml"


def _rows(path: Path) -> dict[str, list[tuple]]:
    raw = sqlite3.connect(path)
    try:
        return {t: raw.execute(f"SELECT * FROM {t} ORDER BY {key}").fetchall() for t, key in TABLES.items()}
    finally:
        raw.close()


def _user_version(path: Path) -> int:
    raw = sqlite3.connect(path)
    try:
        return raw.execute("PRAGMA user_version").fetchone()[0]
    finally:
        raw.close()


def test_the_fixture_is_a_real_version_1_session():
    rows = _rows(FIXTURES / "v1-session.db")
    assert _user_version(FIXTURES / "v1-session.db") == 1
    assert len(rows["score"]) > 700 and rows["decision"] and rows["finalisation"]
    assert rows["finalisation"][0][6] is not None  # unlocked
    assert "definition" not in _tables(FIXTURES / "v1-session.db")


def _tables(path: Path) -> set[str]:
    raw = sqlite3.connect(path)
    try:
        return {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        raw.close()


def test_migrating_version_1_keeps_every_score_decision_and_audit_row(v1_copy):
    db = v1_copy.parent / "v1-session.db"
    before = _rows(db)
    config = load_config(v1_copy)
    with Store(config, db, actor="Sari") as store:
        assert store.audit.verify().ok
        after_ranking = [(s.entrant.id, s.rank, s.total) for s in store.ranking().standings]
        entries = store.audit.entries()
        event_id = store.event_id
        assert store.config == config and not store.pending()
    assert _user_version(db) == CURRENT_VERSION
    after = _rows(db)
    for table, rows in before.items():
        if table == "audit":
            assert after[table][: len(rows)] == rows  # the old chain, byte for byte
        elif table == "stage":  # version 3 adds the moderator's cues, empty: no extra time, no message
            assert after[table] == [row + (0.0, "") for row in rows]
        else:
            assert after[table] == rows, table
    added = entries[len(before["audit"]) :]
    assert [(e.action, e.actor, e.subject) for e in added] == [
        ("record.baseline", "system", "queue"),  # the queue as it stood, for replaying from here
        ("event.define", "Sari", event_id),
    ]
    assert added[1].detail["definition"] == definition.encode(config)
    assert added[1].detail["reason"] == "session.migrated_from_1"
    # the same standings as version 1 computed from the same sheets
    with Store(config, db) as store:
        assert [(s.entrant.id, s.rank, s.total) for s in store.ranking().standings] == after_ranking
    result = ikm("audit", "verify", config=v1_copy)
    assert result.returncode == 0, result.stderr
    assert "intact" in result.stdout or "utuh" in result.stdout


def test_a_version_1_file_whose_config_dropped_a_scored_judge_is_refused_unchanged(v1_copy):
    db = v1_copy.parent / "v1-session.db"
    text = v1_copy.read_text(encoding="utf-8")
    start = text.index('[[judges]]\nid = "J5"')
    end = text.index("[[", start + 5)
    v1_copy.write_text(text[:start] + text[end:], encoding="utf-8")
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    with pytest.raises(InputError) as info:
        Store(load_config(v1_copy), db)
    assert "scores from judges the config no longer has: J5" in info.value.render(EN)
    assert "nilai dari juri yang tidak ada lagi di konfigurasi: J5" in info.value.render(Messages("id"))
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
    assert _user_version(db) == 1


def test_version_1_ddl_is_what_made_the_fixture(tmp_path):
    """The frozen v1 text creates exactly the tables, indexes and triggers of a real v1 file."""
    fresh = sqlite3.connect(tmp_path / "fresh.db")
    for statement in split_statements(MIGRATIONS[0].DDL):
        fresh.execute(statement)
    fresh.commit()
    real = sqlite3.connect(FIXTURES / "v1-session.db")
    query = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
    assert fresh.execute(query).fetchall() == real.execute(query).fetchall()
    fresh.close()
    real.close()


def test_no_shipped_version_ddl_was_edited():
    hashes = {m.VERSION: hashlib.sha256(m.DDL.encode("utf-8")).hexdigest() for m in MIGRATIONS}
    assert hashes == FROZEN, "an earlier version's DDL changed: add a new version instead"
