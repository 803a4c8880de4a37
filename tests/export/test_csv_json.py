"""CSV that Excel opens right and cannot be tricked by, and JSON with the same numbers in order."""

from __future__ import annotations

import csv
import io
import json

from openpyxl import load_workbook

from ikm_tui.export.csv_export import COLUMNS
from ikm_tui.export.formats import export


def read_csv(bundle, tmp_path):
    raw = export(bundle, "csv", tmp_path / "board.csv").read_bytes()
    return raw, list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_csv_starts_with_a_bom_and_is_utf8(bundle, tmp_path):
    raw, _ = read_csv(bundle, tmp_path)
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "Ni Luh Putu Ayu Lestari" in raw.decode("utf-8-sig")


def test_no_csv_cell_starts_a_formula(bundle, tmp_path):
    _, lines = read_csv(bundle, tmp_path)
    for line in lines:
        for cell in line:
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell
    names = {line[2] for line in lines[3:] if len(line) > 2}
    assert "'" + '=HYPERLINK("http://x","y")' in names
    assert "'+6281234567890" in names
    assert "'@SUM(A1)" in names
    assert "'-1+1" in names
    assert "Ma'ruf Hidayatullah Ñoño" in names  # harmless text is left alone


def test_csv_is_stamped_provisional_and_carries_the_digest(bundle, final_bundle, tmp_path):
    _, lines = read_csv(bundle, tmp_path)
    head = f"{bundle.head.seq} {bundle.head.hash}"
    assert lines[0] == ["digest", bundle.digest, "audit_head", head]  # the first line anchors the log
    assert bundle.head.seq > 0 and len(bundle.head.hash) == 64
    assert lines[1] == ["PROVISIONAL — results are not finalised"]
    assert lines[2] == list(COLUMNS)
    _, final_lines = read_csv(final_bundle, tmp_path)
    assert final_lines[0][:2] == ["digest", final_bundle.digest]
    assert final_lines[1] == list(COLUMNS)


def test_csv_json_and_xlsx_agree_on_numbers_and_order(bundle, tmp_path):
    _, lines = read_csv(bundle, tmp_path)
    board = [dict(zip(COLUMNS, line)) for line in lines[3:] if len(line) == len(COLUMNS)]
    data = json.loads(export(bundle, "json", tmp_path / "r.json").read_text("utf-8"))
    sheet = load_workbook(export(bundle, "xlsx", tmp_path / "r.xlsx")).worksheets[0]
    xlsx = list(sheet.iter_rows(min_row=3, values_only=True))

    from_csv = [(b["entrant"], b["total"], b["prize"], b["amount"]) for b in board]
    from_json = [
        (r["entrant"], r["total"], r["prize"] or "", "" if r["amount"] is None else str(r["amount"]))
        for r in data["leaderboard"]
    ]
    from_xlsx = [(r[1], f"{r[5]:.2f}", r[8] or "", "" if r[9] is None else str(r[9])) for r in xlsx]
    assert from_csv == from_json == from_xlsx
    assert data["digest"] == bundle.digest and data["provisional"] is True
    assert data["total_paid"] == 14_400_000


def test_json_has_per_judge_scores_and_recusals(scored_store, bundle, tmp_path):
    data = json.loads(export(bundle, "json", tmp_path / "r.json").read_text("utf-8"))
    e08 = next(r for r in data["leaderboard"] if r["entrant"] == "E08")
    assert e08["scores"]["J3"] == {"recused": True, "scores": {}}
    stored = scored_store.scores.sheet("J1", "E08")
    assert e08["scores"]["J1"]["scores"] == {k: str(v) for k, v in stored.scores.items()}
    # JSON is data for programs, not a sheet: the name is kept exactly as typed
    assert data["leaderboard"][0]["name"] == '=HYPERLINK("http://x","y")'


def test_a_forfeit_reads_gugur_in_the_queue_leaderboard_and_csv_json_keeps_the_machine_value(
    make_event, tmp_path
):
    """After the last absence one word everywhere; the CSV speaks the event's language."""
    from ikm_tui.domain.config import load_config
    from ikm_tui.export.bundle import gather
    from ikm_tui.i18n import Messages
    from ikm_tui.i18n.queue_words import status_text
    from ikm_tui.store.session import Store
    from tests.export.conftest import score_event

    config = load_config(make_event(judges=2, entrants=8, days=1, language="id"))
    with Store(config) as store:
        score_event(store)
        store.stage.no_show("E02")  # later today
        store.stage.no_show("E02")  # the last day: out
        entry = next(e for e in store.queue.lineup() if e.entrant == "E02")
        t = Messages("id")
        assert status_text(t, entry) == "gugur"
        bundle = gather(store)
        csv_rows = [dict(zip(COLUMNS, line)) for line in read_csv(bundle, tmp_path)[1][2:]]
        data = json.loads(export(bundle, "json", tmp_path / "r.json").read_text("utf-8"))
    assert next(r["status"] for r in csv_rows if r.get("entrant") == "E02") == "gugur"
    assert next(r["status"] for r in csv_rows if r.get("entrant") == "E01") == "lengkap"
    assert next(r["status"] for r in data["leaderboard"] if r["entrant"] == "E02") == "forfeit"
