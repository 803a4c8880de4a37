"""The workbook, opened the way staff's spreadsheet would: numbers are numbers, text stays text."""

from __future__ import annotations

from dataclasses import replace

from openpyxl import load_workbook

from ikm_tui.domain.config import load_config

from ikm_tui.export.formats import export
from ikm_tui.export.xlsx_export import RUPIAH_FORMAT, TOTAL_FORMAT
from ikm_tui.store.results import Finalisation

from tests.export.conftest import HOSTILE_NAMES

NAMES = ["Leaderboard", "Scores", "Decisions", "Audit", "About"]


def open_book(bundle, tmp_path):
    return load_workbook(export(bundle, "xlsx", tmp_path / "out.xlsx"))


def data_rows(sheet):
    """Rows under the heading (row 1) and the column names (row 2)."""
    return [list(r) for r in sheet.iter_rows(min_row=3, values_only=True)]


def about(book) -> dict:
    return {r[0]: r[1] for r in data_rows(book.worksheets[-1])}


def test_winners_amounts_and_order_match_the_engine(scored_store, bundle, tmp_path):
    book = open_book(bundle, tmp_path)
    rows = data_rows(book.worksheets[0])
    ranking = scored_store.ranking()
    assert [r[1] for r in rows] == [s.entrant.id for s in ranking.standings]
    winners = [(r[1], r[8], r[9]) for r in rows if r[8]]
    assert winners == [(s.entrant.id, s.prize.label, s.prize.amount) for s in ranking.winners()]
    assert [w[2] for w in winners] == [3_000_000] * 2 + [2_400_000] * 2 + [1_800_000] * 2
    assert about(book)["Total paid out"] == 14_400_000


def test_totals_and_amounts_are_numbers_with_formats(bundle, tmp_path):
    sheet = open_book(bundle, tmp_path).worksheets[0]
    first = bundle.rows[0]
    total, amount = sheet["F3"], sheet["J3"]
    assert isinstance(total.value, float) and f"{total.value:.2f}" == first["total"]
    assert total.number_format == TOTAL_FORMAT
    assert amount.value == first["amount"] == 3_000_000 and isinstance(amount.value, int)
    assert amount.number_format == RUPIAH_FORMAT == '"Rp "#,##0'


def test_provisional_is_stamped_on_every_sheet_title_and_heading(bundle, tmp_path):
    book = open_book(bundle, tmp_path)
    assert book.sheetnames == [f"PROVISIONAL {n}" for n in NAMES]
    for sheet in book.worksheets:
        assert sheet["A1"].value.startswith("PROVISIONAL — results are not finalised")
    assert about(book)["Result status"] == "PROVISIONAL — results are not finalised"


def test_final_workbook_has_plain_sheet_names_and_the_digest(final_bundle, tmp_path):
    book = open_book(final_bundle, tmp_path)
    assert book.sheetnames == NAMES
    assert "PROVISIONAL" not in book.worksheets[0]["A1"].value
    assert about(book)["Results digest (SHA-256)"] == final_bundle.digest


def test_hostile_names_stay_text_never_formulas(bundle, tmp_path):
    sheet = open_book(bundle, tmp_path).worksheets[0]
    cells = {c.value: c for c in sheet["C"][2:]}
    for hostile in HOSTILE_NAMES.values():
        hostile = hostile.replace("\x07", "")  # a control character XLSX cannot hold is dropped
        assert cells[hostile].data_type == "s", hostile
    assert cells['=HYPERLINK("http://x","y")'].value == '=HYPERLINK("http://x","y")'
    assert "Bell\tTab" in cells


def test_frozen_header_autofilter_and_widths_on_every_sheet(bundle, tmp_path):
    for sheet in open_book(bundle, tmp_path).worksheets:
        assert sheet.freeze_panes == "A3"
        assert sheet.auto_filter.ref.startswith("A2:")
        assert sheet.column_dimensions["A"].width >= 7


def test_scores_sheet_has_every_judge_for_every_entrant_and_marks_recusals(scored_store, bundle, tmp_path):
    rows = data_rows(open_book(bundle, tmp_path)["PROVISIONAL Scores"])
    config = scored_store.config
    assert len(rows) == len(config.entrants) * len(config.judges)
    recused = [r for r in rows if r[8] == "recused"]
    assert [(r[0], r[2], r[9]) for r in recused] == [("E08", "J3", "kerabat peserta")]
    assert recused[0][4:8] == [None, None, None, None]
    sheet = scored_store.scores.sheet("J1", "E01")
    e01_j1 = next(r for r in rows if r[0] == "E01" and r[2] == "J1")
    assert e01_j1[4:7] == [float(sheet.scores[c.id]) for c in config.criteria]


def test_every_total_and_amount_cell_keeps_its_own_value_and_format(bundle, tmp_path):
    """The writer reuses one styled cell down each formatted column: every row must still show
    its own number in its format, down to the last."""
    from ikm_tui.export.proof import sheet_rows

    book = open_book(bundle, tmp_path)
    board = list(book.worksheets[0].iter_rows(min_row=3))
    assert [(r[5].value, r[5].number_format) for r in board] == [
        (None if row["total"] is None else float(row["total"]), TOTAL_FORMAT) for row in bundle.rows
    ]
    assert [(r[9].value, r[9].number_format) for r in board] == [
        (row["amount"], RUPIAH_FORMAT) for row in bundle.rows
    ]
    scores = [r for r in book.worksheets[1].iter_rows(min_row=3) if r[7].value is not None]
    expected = [float(s.judge_total) for s in sheet_rows(bundle) if s.judge_total is not None]
    assert len(set(expected)) > 1
    assert [(r[7].value, r[7].number_format) for r in scores] == [(e, TOTAL_FORMAT) for e in expected]


def test_decisions_sheet_lists_ties_decisions_and_unlocks(bundle, tmp_path):
    history = (
        Finalisation(
            "2022-06-15T10:00:00+00:00",
            "moderator",
            "ab" * 32,
            None,
            "2022-06-15T10:30:00+00:00",
            "moderator",
            "typo in J2's sheet",
        ),
    )
    rows = data_rows(open_book(replace(bundle, finalisations=history), tmp_path)["PROVISIONAL Decisions"])
    assert [r[0] for r in rows] == ["Finalised", "Unlocked"]
    assert rows[0][7] == "ab" * 32
    assert rows[1][4] == "typo in J2's sheet"


def test_empty_decisions_sheet_says_so(bundle, tmp_path):
    rows = data_rows(open_book(bundle, tmp_path)["PROVISIONAL Decisions"])
    assert rows == [["No ties, panel decisions or unlocks.", None, None, None, None, None, None, None]]


def test_audit_sheet_has_every_entry(scored_store, bundle, tmp_path):
    rows = data_rows(open_book(bundle, tmp_path)["PROVISIONAL Audit"])
    entries = scored_store.audit.entries()
    assert [(r[0], r[3], r[6]) for r in rows] == [(e.seq, e.action, e.hash) for e in entries]


def test_indonesian_event_names_sheets_in_indonesian(sample_store, tmp_path):
    from ikm_tui.export.bundle import gather
    from tests.export.conftest import score_event

    score_event(sample_store)
    book = open_book(gather(sample_store), tmp_path)
    assert book.sheetnames[0] == "SEMENTARA Peringkat"
    assert book.worksheets[0]["A1"].value.startswith("SEMENTARA — hasil belum difinalkan")
    assert book.worksheets[0]["C3"].value == "Sari Wulandari"


def test_judge_totals_match_the_engine_exactly(make_event):
    """The Scores sheet's totals against the rule as written, half-way cases too."""
    from fractions import Fraction

    from ikm_tui.domain.numbers import format_points
    from ikm_tui.domain.units import ScoreUnits
    from ikm_tui.export.proof import judge_total_text
    from tests.unit.rules_as_written import judge_total

    config = load_config(make_event(criteria=[("a", 3), ("b", 7.5), ("c", 1)]))
    units = ScoreUnits.of(config)
    steps = [str(1 + k / 2).removesuffix(".0") for k in range(19)]
    for a in steps[::3]:
        for b in steps[::2]:
            for c in steps[::4]:
                scores = {"a": a, "b": b, "c": c}
                exact = judge_total({k: Fraction(v) for k, v in scores.items()}, config.criteria)
                assert judge_total_text(scores, units) == format_points(exact), scores
