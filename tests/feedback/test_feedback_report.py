"""Each start-up's report, read back as its owner would read it, checked against the engine."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from fractions import Fraction

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from ikm_tui.domain.config import load_config
from ikm_tui.domain.numbers import format_points
from ikm_tui.domain.score_entry import ScoreProblem
from ikm_tui.domain.scoring import aggregate
from ikm_tui.export.bundle import gather
from ikm_tui.export.feedback_pdf import combined_name, report_name
from ikm_tui.export.formats import export, export_checked
from ikm_tui.store.session import Store
from tests.cli.cli_helpers import ikm
from tests.feedback.conftest import note_for
from tests.unit.rules_as_written import criterion_aggregate


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def comma(value: Fraction) -> str:
    return format_points(value).replace(".", ",")


def read(path) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.fixture
def reports(scored, tmp_path):
    bundle = gather(scored)
    folder = export(bundle, "feedback", tmp_path / "umpan-balik")
    return bundle, folder


def test_a_file_per_entrant_named_by_code_and_business_and_one_to_print(scored, reports):
    bundle, folder = reports
    names = sorted(p.name for p in folder.iterdir())
    expected = sorted([report_name(bundle, e.id) for e in scored.config.entrants] + [combined_name(bundle)])
    assert names == expected
    assert "E01-business-1.pdf" in names and combined_name(bundle).endswith("-sementara.pdf")
    combined = PdfReader(folder / combined_name(bundle))
    singles = sum(len(PdfReader(folder / report_name(bundle, e.id)).pages) for e in scored.config.entrants)
    assert len(combined.pages) == singles


def test_each_report_has_only_its_own_notes_and_numbers_matching_the_engine(scored, reports):
    bundle, folder = reports
    config = scored.config
    sheets = {e.id: [s for s in scored.scores.sheets() if s.entrant == e.id] for e in config.entrants}
    present = [e.id for e in config.entrants if e.id != "E08"]
    standings = scored.ranking().by_entrant()
    for entrant in present:
        text = read(folder / report_name(bundle, entrant))
        assert f"Nilai total Anda {comma(standings[entrant].total)}" in text
        for criterion in config.criteria:
            own = criterion_aggregate(sheets[entrant], criterion.id, config.scoring)
            field = [criterion_aggregate(sheets[e], criterion.id, config.scoring) for e in present]
            median, best = aggregate(field, "median", 0), max(field)
            # the chart prints the three values beside the bars, in this order
            assert f"{comma(own)} {comma(median)} {comma(best)}" in text, (entrant, criterion.id)
        assert note_for("J1", entrant) in text and note_for("J2", entrant) in text
        others = set(re.findall(r"untuk (E\d\d):", text))
        assert others == {entrant}  # no other start-up's note
        assert "Juri J1" not in text and "Judge 1" not in text  # unattributed by default
        assert "SEMENTARA" in text and "diumumkan setelah hasil final" in text
        assert bundle.digest in text


def test_strongest_and_weakest_criteria_are_named_in_words(scored, reports):
    bundle, folder = reports
    text = read(folder / report_name(bundle, "E01"))  # the best entrant: above the middle on all
    assert "Yang paling menonjol dari usaha Anda" in text
    assert "Yang paling perlu Anda tingkatkan" in text
    assert "di atas nilai tengah peserta" in text
    weakest = read(folder / report_name(bundle, "E07"))
    assert "di bawah nilai tengah peserta" in weakest


def test_a_start_up_that_did_not_present_gets_a_short_page_not_zeros(reports):
    bundle, folder = reports
    reader = PdfReader(folder / report_name(bundle, "E08"))
    text = flat(reader.pages[0].extract_text())
    assert len(reader.pages) == 1
    assert "Tidak tampil dalam penilaian" in text and "mengundurkan diri" in text
    assert "Nilai total" not in text and "0,00" not in text


def test_once_finalised_rank_and_prize_appear_and_the_stamp_goes(scored, tmp_path):
    scored.results.finalise(actor="moderator")
    bundle = gather(scored)
    folder = export(bundle, "feedback", tmp_path / "final")
    ranking = scored.ranking()
    for standing in ranking.ranked():
        text = read(folder / report_name(bundle, standing.entrant.id))
        assert "SEMENTARA" not in text
        assert f"Peringkat {standing.rank} dari {len(ranking.ranked())} peserta" in text
        if standing.prize:
            amount = f"Rp {standing.prize.amount:,}".replace(",", ".")
            assert f"{standing.prize.label} {amount}" in text
        else:
            assert "tidak mendapat insentif" in text


def test_attribute_notes_names_the_judges(scored, tmp_path):
    config = replace(scored.config, feedback=replace(scored.config.feedback, attribute_notes=True))
    bundle = replace(gather(scored), config=config)
    folder = export(bundle, "feedback", tmp_path / "named")
    text = read(folder / report_name(bundle, "E02"))
    assert f"{note_for('J1', 'E02')} — Judge 1" in text
    assert f"{note_for('J2', 'E02')} — Judge 2" in text


def test_the_attribute_notes_key_is_checked_strictly(make_event):
    from ikm_tui.domain.errors import InputError

    with pytest.raises(InputError) as caught:
        load_config(make_event(extra='[feedback]\nattribute_notes = "ya"\n'))
    assert "attribute_notes" in str(caught.value.params) or "attribute_notes" in caught.value.place
    with pytest.raises(InputError):
        load_config(make_event(extra="[feedback]\nname_judges = true\n"))
    assert load_config(make_event(extra="[feedback]\nattribute_notes = true\n")).feedback.attribute_notes


HOSTILE = {
    "E01": "a" * 500,  # the longest note, one unbreakable word
    "E02": "Sangat bagus 👍🚀😀 — lanjutkan!",
    "E03": "جيد جدا، استمر",
    "E04": "baris satu\nbaris dua\nbaris tiga",
}


def test_hostile_notes_render_safely(scored, tmp_path):
    for entrant, text in HOSTILE.items():
        scored.notes.write("J3", entrant, text)
    with pytest.raises(ScoreProblem):
        scored.notes.write("J3", "E05", "x\x1b[2J")  # control characters never reach a report
    with pytest.raises(ScoreProblem):
        scored.notes.write("J3", "E05", "y" * 10_000)
    bundle = gather(scored)
    folder = export(bundle, "feedback", tmp_path / "hostile")
    long = read(folder / report_name(bundle, "E01"))
    assert long.replace(" ", "").count("a" * 100) >= 4  # all 500 letters, wrapped, none lost
    emoji = read(folder / report_name(bundle, "E02"))
    assert "Sangat bagus" in emoji and "lanjutkan!" in emoji
    assert "🚀" not in emoji and "\u25a1" in emoji  # no glyph in the font: a visible square
    lines = read(folder / report_name(bundle, "E04"))
    assert "baris satu baris dua baris tiga" in lines


def test_the_cli_writes_the_folder_and_the_excel_and_json_carry_the_notes(scored, event, tmp_path):
    scored.close()
    target = tmp_path / "out"
    result = ikm("export", "--format", "feedback", "-o", str(target), config=event)
    assert result.returncode == 0, result.stderr
    assert (target / "E03-business-3.pdf").exists()
    with Store(load_config(event)) as store:
        bundle = gather(store)
        data = json.loads(export(bundle, "json", tmp_path / "r.json").read_text("utf-8"))
        by_entrant = {row["entrant"]: row["notes"] for row in data["leaderboard"]}
        assert by_entrant["E03"] == [
            {"judge": "J1", "text": note_for("J1", "E03")},
            {"judge": "J2", "text": note_for("J2", "E03")},
        ]
        assert by_entrant["E08"] == []
        book = load_workbook(export_checked(bundle, "xlsx", tmp_path / "r.xlsx"))
        sheet = next(ws for ws in book.worksheets if "Nilai" in ws.title)
        header = [c.value for c in sheet[2]]
        col = header.index("Catatan untuk peserta")
        found = {(r[0].value, r[2].value): r[col].value for r in sheet.iter_rows(min_row=3)}
        assert found[("E03", "J2")] == note_for("J2", "E03") and found[("E03", "J3")] is None
