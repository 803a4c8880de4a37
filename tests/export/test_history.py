"""Finalise, unlock with a reason: the exports show the history and go back to PROVISIONAL."""

from __future__ import annotations

from openpyxl import load_workbook
from pypdf import PdfReader

from ikm_tui.export.bundle import gather
from ikm_tui.export.formats import export


def test_an_unlock_is_shown_with_its_reason_and_the_stamp_returns(scored_store, tmp_path):
    frozen = scored_store.results.finalise(actor="moderator")
    assert gather(scored_store).provisional is False
    scored_store.results.unlock("J2 typed 2 instead of 7 for E05", actor="moderator")
    bundle = gather(scored_store)
    assert bundle.provisional is True

    book = load_workbook(export(bundle, "xlsx", tmp_path / "r.xlsx"))
    rows = list(book["PROVISIONAL Decisions"].iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in rows] == ["Finalised", "Unlocked"]
    assert rows[0][7] == frozen.digest
    assert rows[1][4] == "J2 typed 2 instead of 7 for E05" and rows[1][5] == "moderator"

    text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(export(bundle, "pdf", tmp_path / "r.pdf")).pages
    )
    assert "Reason: J2 typed 2 instead of 7 for E05" in text
    assert "PROVISIONAL — results are not finalised" in text
