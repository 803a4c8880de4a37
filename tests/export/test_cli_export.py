"""``ikm-tui export``: every format, default names, a bad place, and a crash mid-write."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from ikm_tui.cli import main
from ikm_tui.domain.config import load_config
from ikm_tui.export import formats, xlsx_export
from ikm_tui.export.bundle import gather
from ikm_tui.store.session import Store

from tests.export.conftest import score_event


@pytest.fixture
def event(make_event):
    path = make_event(judges=3, entrants=6)
    with Store(load_config(path)) as store:
        score_event(store)
    return path


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx", "pdf"])
def test_each_format_lands_with_the_default_name(event, tmp_path, capsys, fmt):
    out = tmp_path / "out"
    out.mkdir()
    assert main(["--config", str(event), "export", "--format", fmt, "-o", str(out)]) == 0
    [written] = out.iterdir()
    assert written.name.startswith("test-event-") and written.name.endswith(f"-provisional.{fmt}")
    assert str(written) in capsys.readouterr().out
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_an_explicit_file_name_is_used_as_given(event, tmp_path):
    target = tmp_path / "berita-acara.pdf"
    assert main(["--config", str(event), "export", "-f", "pdf", "-o", str(target)]) == 0
    assert PdfReader(target).pages


def test_an_unwritable_place_is_bad_input_not_a_traceback(event, tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    code = main(["--config", str(event), "export", "-f", "xlsx", "-o", str(blocker / "r.xlsx")])
    err = capsys.readouterr().err
    assert code == 2
    assert str(blocker / "r.xlsx") in err and "cannot write the file" in err
    assert "Traceback" not in err


def test_a_crash_mid_write_leaves_the_old_file_whole(event, tmp_path, monkeypatch):
    target = tmp_path / "results.xlsx"
    assert main(["--config", str(event), "export", "-f", "xlsx", "-o", str(target)]) == 0
    before = target.read_bytes()

    class DiskFillsUp:
        def save(self, path):
            path.write_bytes(b"PK half a zip")
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(xlsx_export, "build_workbook", lambda bundle: DiskFillsUp())
    code = main(["--config", str(event), "export", "-f", "xlsx", "-o", str(target)])
    assert code == 2
    assert target.read_bytes() == before
    assert load_workbook(target).sheetnames[0] == "PROVISIONAL Leaderboard"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".results")] == []


def test_a_decided_tie_then_finalised_result_exports_as_final(make_event, tmp_path):
    """A real tie at the Juara II | no-prize boundary, the panel's decision, finalising."""
    path = make_event(judges=2, entrants=4, prizes=[("Juara I", 1, 1_000_000), ("Juara II", 1, 500_000)])
    with Store(load_config(path)) as store:
        marks = {"E01": 9, "E02": 7, "E03": 7, "E04": 5}
        for entrant, mark in marks.items():
            for judge in ("J1", "J2"):
                store.scores.submit(judge, entrant, {c.id: mark for c in store.config.criteria})
        [tie] = store.ranking().ties
        assert set(tie.entrants) == {"E02", "E03"}
        store.results.decide(["E03", "E02"], "better pitch on job creation", "the panel", actor="moderator")
        frozen = store.results.finalise(actor="moderator")
        bundle = gather(store)

    assert bundle.provisional is False
    assert bundle.digest == frozen.digest
    book = load_workbook(formats.export(bundle, "xlsx", tmp_path / "final.xlsx"))
    assert book.sheetnames[0] == "Leaderboard"
    board = list(book["Leaderboard"].iter_rows(min_row=3, values_only=True))
    assert [(r[1], r[8], r[9]) for r in board[:3]] == [
        ("E01", "Juara I", 1_000_000),
        ("E03", "Juara II", 500_000),
        ("E02", None, None),
    ]
    decisions = list(book["Decisions"].iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in decisions] == ["Panel decision", "Finalised"]
    assert decisions[0][2] == "E03 Owner 3; E02 Owner 2"
    assert decisions[0][4] == "better pitch on job creation"
    assert decisions[1][7] == frozen.digest

    pages = [p.extract_text() for p in PdfReader(formats.export(bundle, "pdf", tmp_path / "final.pdf")).pages]
    text = " ".join(" ".join(p.split()) for p in pages)
    assert "PROVISIONAL" not in text
    assert "the panel set the order E03 Owner 3 › E02 Owner 2" in text
    assert "Reason: better pitch on job creation" in text
    assert "Total paid out Rp 1.500.000" in text
    data = json.loads(formats.export(bundle, "json", tmp_path / "final.json").read_text())
    assert data["provisional"] is False and data["digest"] == frozen.digest
