"""``ikm-tui audit verify`` and the exports, run as staff would, against an insider who edits the
session file with plain sqlite3 (triggers dropped)."""

from __future__ import annotations

import csv
import json
import os
import sqlite3

import pytest

from tests.cli.cli_helpers import ikm, score_csv

VALUES = {"E01": "9", "E02": "8", "E03": "7,5", "E04": "7", "E05": "6,5", "E06": "6", "E07": "5", "E08": "4"}
HEADER = ["judge", "entrant", "inovasi", "produktivitas", "pasar"]
FORMATS = ("csv", "json", "xlsx", "pdf")


@pytest.fixture
def finalised(make_event, tmp_path):
    config = make_event(judges=3, entrants=8)
    rows = [[j, e, v, v, v] for e, v in VALUES.items() for j in ("J1", "J2", "J3")]
    sheet = score_csv(tmp_path / "paper.csv", HEADER, rows, sep=";")
    assert ikm("scores", "import", str(sheet), config=config).returncode == 0
    done = ikm("finalise", config=config)
    assert done.returncode == 0, done.stderr
    return config


def database(config):
    return config.parent / "session.db"


def insider(config, *statements: str) -> None:
    raw = sqlite3.connect(database(config))
    raw.execute("DROP TRIGGER IF EXISTS audit_append_only_update")
    raw.execute("DROP TRIGGER IF EXISTS audit_append_only_delete")
    for statement in statements:
        raw.execute(statement)
    raw.commit()
    raw.close()


def test_verify_passes_and_every_export_carries_a_head_it_confirms(finalised, tmp_path):
    result = ikm("audit", "verify", config=finalised)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "record verified" in result.stdout
    out = tmp_path / "out"
    for fmt in FORMATS:
        assert ikm("export", "--format", fmt, "-o", f"{out}/", config=finalised).returncode == 0
    data = json.loads(next(out.glob("*.json")).read_text("utf-8"))
    head = data["audit_head"]["hash"]
    assert data["audit_head"]["seq"] > 0 and len(head) == 64
    with next(out.glob("*.csv")).open(encoding="utf-8-sig", newline="") as f:
        first = next(csv.reader(f))
    assert first == ["digest", data["digest"], "audit_head", f"{data['audit_head']['seq']} {head}"]

    confirmed = ikm("audit", "verify", "--head", head[:16], config=finalised)
    assert confirmed.returncode == 0
    assert f"is row #{data['audit_head']['seq']} of" in confirmed.stdout

    unknown = ikm("audit", "verify", "--head", "0123456789abcdef", config=finalised)
    assert unknown.returncode == 1 and "NOT in the chain" in unknown.stdout
    assert ikm("audit", "verify", "--head", "xyz", config=finalised).returncode == 2


def test_a_score_updated_with_sqlite3_is_caught(finalised):
    insider(finalised, "UPDATE score SET value = '10' WHERE judge = 'J1' AND entrant = 'E08'")
    result = ikm("audit", "verify", config=finalised)
    assert result.returncode == 1
    assert "table 'score_sheet' does NOT match the log at J1/E08" in result.stdout


def test_a_rewritten_frozen_snapshot_is_caught_and_no_export_presents_it(finalised, tmp_path):
    insider(
        finalised,
        "UPDATE finalisation SET snapshot = replace(replace(replace(snapshot,"
        ' \'"entrant": "E01"\', \'"entrant": "TMP"\'),'
        ' \'"entrant": "E08"\', \'"entrant": "E01"\'),'
        ' \'"entrant": "TMP"\', \'"entrant": "E08"\')',
    )
    result = ikm("audit", "verify", config=finalised)
    assert result.returncode == 1 and "does NOT match its digest" in result.stdout
    for fmt in FORMATS:
        refused = ikm("export", "--format", fmt, "-o", str(tmp_path / "out") + "/", config=finalised)
        assert refused.returncode == 2, fmt
        assert "frozen result REFUSED" in refused.stderr and "unexpected" not in refused.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    reveal = ikm("reveal", "1", config=finalised)
    assert reveal.returncode == 2 and "frozen result REFUSED" in reveal.stderr


def test_deleting_the_newest_audit_row_is_caught(finalised):
    insider(finalised, "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)")
    result = ikm("audit", "verify", config=finalised)
    assert result.returncode == 1 and "the newest rows were deleted" in result.stdout


def test_a_page_of_garbage_in_the_file_is_caught(finalised):
    db = database(finalised)
    page = sqlite3.connect(db).execute("PRAGMA page_size").fetchone()[0]
    pages = db.stat().st_size // page
    assert pages > 3 and not db.with_name("session.db-wal").exists()
    with db.open("r+b") as f:  # a page in the middle of the tables, not the header
        f.seek(page * (pages // 2))
        f.write(os.urandom(page))
    result = ikm("audit", "verify", config=finalised)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "the database file is DAMAGED" in result.stdout
    assert "Traceback" not in result.stderr
