"""Overtime recorded on stage reaches every staff export (issue: the stage)."""

from __future__ import annotations

import csv
import json

from openpyxl import load_workbook

from ikm_tui.domain.config import load_config
from ikm_tui.export.bundle import gather
from ikm_tui.export.formats import export
from ikm_tui.store.session import Store
from ikm_tui.store.stage import Stage


def test_an_entrant_who_ran_over_shows_it_in_csv_json_and_xlsx(make_event, tmp_path):
    config = load_config(make_event(judges=1, entrants=8))
    now = [1_000_000.0]
    with Store(config) as store:
        stage = Stage(store.db, config, clock=lambda: now[0])
        stage.call("E01")
        stage.toggle_timer()  # presentation starts
        now[0] += 7 * 60 + 42  # 7 minutes allowed: 42 s over
        stage.end_phase()  # Q&A starts
        now[0] += 3 * 60  # exactly on time
        stage.next()  # E01 leaves the stage with its overtime recorded
        bundle = gather(store)
    assert bundle.overtime["E01"] == 42 and bundle.overtime["E02"] == 0

    rows = list(
        csv.DictReader(export(bundle, "csv", tmp_path / "r.csv").read_text("utf-8-sig").splitlines()[2:])
    )
    assert {r["entrant"]: r["overtime_seconds"] for r in rows if r["entrant"]}["E01"] == "42"
    data = json.loads(export(bundle, "json", tmp_path / "r.json").read_text("utf-8"))
    assert {r["entrant"]: r["overtime_seconds"] for r in data["leaderboard"]}["E01"] == 42
    sheet = load_workbook(export(bundle, "xlsx", tmp_path / "r.xlsx")).worksheets[0]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in values if "Overtime (seconds)" in r)
    column = header.index("Overtime (seconds)")
    e01 = next(r for r in values if "E01" in r)
    assert e01[column] == 42
