"""The command line as PRODUCT.md promises it: import, leaderboard, export, audit, errors."""

from __future__ import annotations

import csv
import getpass
import hashlib
import json
import subprocess
import sys

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.cli.cli_helpers import ikm, score_csv

CRITERIA = ["inovasi", "produktivitas", "pasar"]
HEADER = ["judge", "entrant", *CRITERIA]


@pytest.fixture
def event(make_event):
    return make_event(judges=3, entrants=8)


def full_rows(values_by_entrant: dict[str, str], judges=("J1", "J2", "J3")):
    return [[j, e, v, v, v] for e, v in values_by_entrant.items() for j in judges]


def db_digest(config_path) -> str:
    db = load_config(config_path).event.database
    return hashlib.sha256(db.read_bytes()).hexdigest() if db.exists() else ""


def test_import_then_leaderboard_json(event, tmp_path):
    values = {f"E{i:02d}": str(10 - i) for i in range(1, 9)}
    path = score_csv(tmp_path / "sheets.csv", HEADER, full_rows(values))
    result = ikm("scores", "import", str(path), config=event)
    assert result.returncode == 0, result.stderr
    assert "24 new score sheets, 0 replaced" in result.stdout

    result = ikm("leaderboard", "--json", config=event)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["entrant"] for r in rows] == [f"E{i:02d}" for i in range(1, 9)]
    first = rows[0]
    for key in (
        "rank",
        "entrant",
        "name",
        "business",
        "category",
        "total",
        "judges",
        "prize",
        "amount",
        "status",
    ):
        assert key in first
    assert first == first | {
        "rank": 1,
        "total": "90.00",
        "judges": 3,
        "prize": "Juara I",
        "amount": 3_000_000,
        "status": "complete",
        "name": "Owner 1",
    }
    assert [r["prize"] for r in rows] == ["Juara I"] * 2 + ["Juara II"] * 2 + ["Juara III"] * 2 + [None] * 2
    assert rows[-1]["amount"] is None and isinstance(rows[0]["amount"], int)


def test_excel_semicolon_csv_with_bom_and_decimal_comma(event, tmp_path):
    rows = [["J1", "E01", "8,5", "7", "9,5"], ["J2", "E01", "", "", "", "yes"]]
    path = score_csv(tmp_path / "excel.csv", HEADER + ["recused"], rows, sep=";", bom=True)
    result = ikm("scores", "import", str(path), config=event)
    assert result.returncode == 0, result.stderr
    with Store(load_config(event)) as store:
        sheet = store.scores.sheet("J1", "E01")
        assert [str(sheet.scores[c]) for c in CRITERIA] == ["8.5", "7", "9.5"]
        assert store.scores.sheet("J2", "E01").recused


@pytest.mark.parametrize(
    "row, message",
    [
        (["J1", "E02", "8", "11", "7"], "Produktivitas: 11 is outside the scale 1–10"),
        (["J1", "E02", "8", "7.3", "7"], "Produktivitas: 7.3 is not a multiple of 0.5 from 1"),
        (["J1", "E02", "8", "tujuh", "7"], "Produktivitas: 'tujuh' is not a number"),
        (["J1", "E02", "8", "", "7"], "Produktivitas: no score"),
        (["J7", "E02", "8", "7", "7"], "unknown judge 'J7'"),
        (["J1", "E99", "8", "7", "7"], "unknown entrant 'E99'"),
    ],
)
def test_bad_row_names_file_and_line_exits_2_and_changes_nothing(event, tmp_path, row, message):
    ok = score_csv(tmp_path / "ok.csv", HEADER, full_rows({"E01": "8"}))
    assert ikm("scores", "import", str(ok), config=event).returncode == 0
    before = db_digest(event)
    rows = full_rows({"E03": "6"}) + [row]
    path = score_csv(tmp_path / "bad.csv", HEADER, rows)
    result = ikm("scores", "import", str(path), config=event)
    assert result.returncode == 2
    assert f"bad.csv:5: {message}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert db_digest(event) == before


def test_all_problems_of_a_file_are_listed_at_once(event, tmp_path):
    rows = [["J1", "E01", "8", "x", "7"], ["J2", "E01", "8", "7", "7"], ["J3", "E01", "0", "7", "7"]]
    result = ikm("scores", "import", str(score_csv(tmp_path / "s.csv", HEADER, rows)), config=event)
    assert result.returncode == 2
    assert "s.csv:2:" in result.stderr and "s.csv:4:" in result.stderr
    assert "s.csv:3:" not in result.stderr


def test_a_repeated_pair_replaces_and_is_audited(event, tmp_path):
    first = score_csv(tmp_path / "a.csv", HEADER, [["J1", "E01", "5", "5", "5"]])
    second = score_csv(tmp_path / "b.csv", HEADER, [["J1", "E01", "9", "9", "9"]])
    assert ikm("scores", "import", str(first), config=event).returncode == 0
    result = ikm("scores", "import", str(second), config=event)
    assert "0 new score sheets, 1 replaced" in result.stdout
    with Store(load_config(event)) as store:
        last = store.audit.entries()[-1]
    assert last.action == "score.import" and last.actor == getpass.getuser()
    assert last.detail["source"] == "import:b.csv"
    (sheet,) = last.detail["sheets"]
    assert sheet["scores"] == {c: "9" for c in sheet["scores"]}
    assert set(sheet["before"]["scores"].values()) == {"5"}  # what it replaced, kept in the log


def test_duplicate_pair_in_one_file_is_an_error(event, tmp_path):
    rows = [["J1", "E01", "5", "5", "5"], ["J1", "E01", "6", "6", "6"]]
    result = ikm("scores", "import", str(score_csv(tmp_path / "d.csv", HEADER, rows)), config=event)
    assert result.returncode == 2 and "already appear on line 2" in result.stderr


def test_missing_column_and_unknown_column(event, tmp_path):
    result = ikm(
        "scores",
        "import",
        str(score_csv(tmp_path / "m.csv", ["judge", "entrant", "inovasi"], [["J1", "E01", "5"]])),
        config=event,
    )
    assert result.returncode == 2 and "m.csv:1: missing columns: produktivitas, pasar" in result.stderr
    result = ikm(
        "scores",
        "import",
        str(score_csv(tmp_path / "u.csv", HEADER + ["bonus"], [["J1", "E01", "5", "5", "5", "1"]])),
        config=event,
    )
    assert result.returncode == 2 and "unknown columns: bonus" in result.stderr


def test_not_utf8_csv(event, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(("judge,entrant,inovasi,produktivitas,pasar\nJ1,E01,5,5,5 café\n").encode("latin-1"))
    result = ikm("scores", "import", str(path), config=event)
    assert result.returncode == 2 and "not UTF-8" in result.stderr


def test_bad_config_exits_2_without_traceback(tmp_path):
    (tmp_path / "config.toml").write_text('[event]\ntitle = "X"\ndays = ["2022-06-14"]\ncolour = 1\n')
    result = ikm("leaderboard", cwd=tmp_path)
    assert result.returncode == 2
    assert "config.toml:4: unknown key 'event.colour'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "ikm-session.db").exists()


def test_export_csv_is_formula_safe_with_bom(make_event, tmp_path):
    config = make_event(judges=1, entrants=8)
    text = config.read_text().replace('name = "Owner 1"', 'name = "=HYPERLINK(\\"http://x\\",\\"y\\")"')
    text = text.replace('business = "Business 2"', 'business = "+62812345"')
    text = text.replace('name = "Owner 3"', 'name = "@SUM(A1)"')
    config.write_text(text)
    rows = [["J1", f"E{i:02d}", str(10 - i), str(10 - i), str(10 - i)] for i in range(1, 9)]
    assert (
        ikm("scores", "import", str(score_csv(tmp_path / "s.csv", HEADER, rows)), config=config).returncode
        == 0
    )
    out = tmp_path / "out.csv"
    result = ikm("export", "--format", "csv", "-o", str(out), config=config)
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    cells = [c for row in csv.reader(raw.decode("utf-8-sig").splitlines()) for c in row]
    assert '\'=HYPERLINK("http://x","y")' in cells and "'+62812345" in cells and "'@SUM(A1)" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)


def test_export_json_matches_leaderboard(event, tmp_path):
    values = {f"E{i:02d}": str(10 - i) for i in range(1, 9)}
    ikm("scores", "import", str(score_csv(tmp_path / "s.csv", HEADER, full_rows(values))), config=event)
    out = tmp_path / "r.json"
    assert ikm("export", "--format", "json", "-o", str(out), config=event).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    board = json.loads(ikm("leaderboard", "--json", config=event).stdout)
    assert [(r["entrant"], r["total"], r["prize"]) for r in data["leaderboard"]] == [
        (r["entrant"], r["total"], r["prize"]) for r in board
    ]
    assert data["leaderboard"][0]["scores"]["J1"]["scores"] == {c: "9" for c in CRITERIA}
    assert data["provisional"] is True and len(data["digest"]) == 64


def test_audit_verify_reports_ok_and_exit_status(event, tmp_path):
    ikm("scores", "import", str(score_csv(tmp_path / "s.csv", HEADER, full_rows({"E01": "7"}))), config=event)
    result = ikm("audit", "verify", config=event)
    assert result.returncode == 0 and "record verified" in result.stdout
    assert "chain of 4 rows intact" in result.stdout  # create, define, seed, and the import (one row)


def test_the_command_table_names_exactly_the_commands_each_module_registers():
    """``ikm-tui X`` imports only X's module, found through ``COMMANDS``; it must not drift."""
    import argparse
    import importlib
    import pkgutil

    from ikm_tui.cli import commands as package

    registered: dict[str, str] = {}
    for info in pkgutil.iter_modules(package.__path__):
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        importlib.import_module(f"{package.__name__}.{info.name}").register(sub)
        registered |= {word: info.name for word in sub.choices}
    assert registered == package.COMMANDS


def test_the_console_start_imports_no_command_module():
    code = (
        "import sys; from ikm_tui.cli import build_parser; build_parser([]); "
        "print(sorted(m for m in sys.modules if m.startswith('ikm_tui.cli.commands.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
