"""Notes as stored: durable, audited with their full text, one per judge and entrant."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ikm_tui.domain.score_entry import ScoreProblem
from ikm_tui.export.bundle import gather
from ikm_tui.store.session import Store
from tests.feedback.conftest import score_with_notes


def sheet(store, value="7"):
    return {c.id: Decimal(value) for c in store.config.criteria}


def test_a_note_without_scores_is_kept_and_audited_with_its_text(store):
    stored = store.notes.write("J1", "E01", "Ide bagus, tapi hitung ulang harga jual.")
    assert stored.text == "Ide bagus, tapi hitung ulang harga jual."
    assert store.scores.sheet("J1", "E01") is None  # no sheet was made
    last = store.audit.entries()[-1]
    assert (last.action, last.subject, last.actor) == ("note.write", "J1/E01", "judge:J1")
    assert last.detail == {"source": "console", "text": stored.text, "before": None}


def test_a_correction_and_a_removal_carry_the_old_text(store):
    store.notes.write("J1", "E01", "pertama")
    store.notes.write("J1", "E01", "kedua")
    assert store.notes.note("J1", "E01").revision == 2
    assert store.notes.write("J1", "E01", "  ") is None
    details = [e.detail for e in store.audit.entries() if e.action == "note.write"]
    assert details[1] == {"source": "console", "text": "kedua", "before": "pertama"}
    assert details[2] == {"source": "console", "text": "", "before": "kedua"}
    assert store.notes.all() == []


def test_an_unchanged_note_writes_nothing(store):
    store.notes.write("J1", "E01", "sama")
    before = len(store.audit.entries())
    store.scores.submit("J1", "E01", sheet(store), note="sama")
    actions = [e.action for e in store.audit.entries()[before:]]
    assert actions == ["score.submit"]


def test_a_sheet_and_its_note_are_saved_together(store):
    store.scores.submit("J2", "E03", sheet(store), note="Pemasaran digital masih lemah.")
    assert store.notes.note("J2", "E03").text == "Pemasaran digital masih lemah."
    actions = [e.action for e in store.audit.entries()[-2:]]
    assert actions == ["score.submit", "note.write"]


def test_a_bad_note_saves_neither_the_sheet_nor_the_note(store):
    with pytest.raises(ScoreProblem):
        store.scores.submit("J2", "E03", sheet(store), note="x" * 501)
    assert store.scores.sheet("J2", "E03") is None and store.notes.all() == []


def test_unknown_people_are_refused(store):
    with pytest.raises(ScoreProblem):
        store.notes.write("J9", "E01", "siapa?")
    with pytest.raises(ScoreProblem):
        store.notes.write("J1", "E99", "siapa?")


def test_notes_survive_a_reopen_and_are_counted_per_entrant(store, event):
    store.notes.write("J1", "E01", "a")
    store.notes.write("J2", "E01", "b")
    store.notes.write("J3", "E02", "c")
    store.close()
    again = Store(store.config)
    try:
        assert again.notes.counts() == {"E01": 2, "E02": 1}
        assert [n.judge for n in again.notes.for_entrant("E01")] == ["J1", "J2"]
        assert set(again.notes.for_judge("J1")) == {"E01"}
    finally:
        again.close()


def test_notes_may_still_be_written_after_finalising(store):
    score_with_notes(store)
    store.results.finalise(actor="moderator")
    digest = store.results.frozen().digest
    store.notes.write("J3", "E01", "ditulis sesudah final")
    assert store.results.frozen().digest == digest  # a note changes no result
    assert gather(store).notes["E01"][-1] == ("J3", "ditulis sesudah final")
