"""Paper forms: the printed columns, the empty CSV staff type into, and the import back."""

from __future__ import annotations

import csv
import re

from pypdf import PdfReader

from ikm_tui.domain.config import load_config
from ikm_tui.domain.score_csv import columns
from ikm_tui.store.session import Store
from tests.cli.cli_helpers import ikm, score_csv


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_one_page_per_judge_and_day_entrants_in_queue_order(event, tmp_path):
    config = load_config(event)
    with Store(config) as store:
        store.stage.move_to_day("E02", 2)  # the moderator moved E02 to day 2
    result = ikm("forms", "-o", str(tmp_path / "forms.pdf"), config=event)
    assert result.returncode == 0, result.stderr
    pages = [flat(p.extract_text()) for p in PdfReader(tmp_path / "forms.pdf").pages]
    assert len(pages) == len(config.judges) * len(config.event.days)
    for number, judge in enumerate(config.judges):
        for day in (1, 2):
            page = pages[number * 2 + day - 1]
            assert f"Juri {judge.id}: {judge.name}" in page and f"Hari ke-{day}" in page
            ids = re.findall(r"\bE\d\d\b", page)
            expected = [e.id for e in config.entrants if e.day == day and e.id != "E02"]
            assert ids == (expected + ["E02"] if day == 2 else expected)  # the queue's order
            for column in columns(config)[2:]:
                assert column in page  # the CSV column names are printed on the form
            assert "1–10" in page and "kelipatan 0,5" in page


def test_one_day_only(event, tmp_path):
    result = ikm("forms", "--day", "2", "-o", str(tmp_path / "hari2.pdf"), config=event)
    assert result.returncode == 0, result.stderr
    assert len(PdfReader(tmp_path / "hari2.pdf").pages) == 3
    bad = ikm("forms", "--day", "3", config=event)
    assert bad.returncode == 2 and "hari 3 tidak ada" in bad.stderr


def test_forms_csv_typed_in_and_imported_round_trips(event, tmp_path):
    config = load_config(event)
    target = tmp_path / "forms.csv"
    result = ikm("forms", "--csv", "-o", str(target), config=event)
    assert result.returncode == 0, result.stderr
    raw = target.read_text("utf-8-sig")
    rows = list(csv.reader(raw.splitlines(), delimiter=";"))
    assert rows[0] == columns(config)
    assert len(rows) == 1 + len(config.judges) * len(config.entrants)
    # staff type three sheets from paper: scores with a note, a recusal, a note only
    typed = {
        ("J1", "E01"): ["8,5", "7", "6,5", "", "Kemasan; perlu label gizi"],
        ("J2", "E01"): ["", "", "", "ya", ""],
        ("J3", "E02"): ["", "", "", "", "Belum sempat menilai, tapi: harga terlalu murah"],
    }
    out = [rows[0]]
    for row in rows[1:]:
        filled = typed.get((row[0], row[1]))
        out.append(row[:2] + filled if filled else row)
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(out)
    result = ikm("scores", "import", str(target), config=event)
    assert result.returncode == 0, result.stderr
    with Store(config) as store:
        sheet = store.scores.sheet("J1", "E01")
        assert {k: str(v) for k, v in sheet.scores.items()} == {
            "inovasi": "8.5",
            "produktivitas": "7",
            "pasar": "6.5",
        }
        assert store.scores.sheet("J2", "E01").recused
        assert store.scores.sheet("J3", "E02") is None  # a note only: no sheet
        assert {(n.judge, n.entrant): n.text for n in store.notes.all()} == {
            ("J1", "E01"): "Kemasan; perlu label gizi",
            ("J3", "E02"): "Belum sempat menilai, tapi: harga terlalu murah",
        }
        assert len(store.scores.all()) == 2  # the untouched template rows were skipped


def test_a_bad_note_in_the_file_changes_nothing_and_names_the_line(event, tmp_path):
    path = score_csv(
        tmp_path / "s.csv",
        ["judge", "entrant", "inovasi", "produktivitas", "pasar", "note"],
        [["J1", "E01", "8", "7", "6", "baik"], ["J1", "E02", "8", "7", "6", "x" * 600]],
    )
    result = ikm("scores", "import", str(path), config=event)
    assert result.returncode == 2
    assert "s.csv:3" in result.stderr and "terlalu panjang" in result.stderr
    with Store(load_config(event)) as store:
        assert store.scores.all() == [] and store.notes.all() == []


def test_an_import_replacing_a_sheet_replaces_its_note(event, tmp_path):
    header = ["judge", "entrant", "inovasi", "produktivitas", "pasar", "note"]
    first = score_csv(tmp_path / "a.csv", header, [["J1", "E01", "8", "7", "6", "lama"]])
    second = score_csv(tmp_path / "b.csv", header, [["J1", "E01", "9", "7", "6", ""]])
    assert ikm("scores", "import", str(first), config=event).returncode == 0
    assert ikm("--by", "Staf Dinas", "scores", "import", str(second), config=event).returncode == 0
    with Store(load_config(event)) as store:
        assert store.notes.all() == []  # the empty cell removed the note
        removal = [e for e in store.audit.entries() if e.action == "note.write"][-1]
        assert removal.detail["before"] == "lama" and removal.actor == "Staf Dinas"
        assert removal.detail["source"] == "import:b.csv"
