"""``audit verify`` replays note writes from the log alone, and catches a note edited behind it."""

from __future__ import annotations

from decimal import Decimal

from ikm_tui.domain.config import load_config
from ikm_tui.domain.score_entry import SheetEntry
from ikm_tui.store.session import Store
from ikm_tui.store.verify import verify
from tests.store.test_verify import insider


def check(store):
    with store.db.reading() as conn:
        return verify(conn, store.config)


def test_note_writes_replay_and_an_edited_note_is_named(event):
    config = load_config(event)
    with Store(config) as store:
        sheet = {c.id: Decimal("7") for c in config.criteria}
        store.notes.write("J1", "E01", "pertama")
        store.notes.write("J1", "E01", "kedua")  # a correction
        store.scores.submit("J2", "E01", sheet, note="dengan lembar")
        store.notes.write("J3", "E02", "akan dihapus")
        store.notes.write("J3", "E02", "")  # removed
        store.notes.write("J3", "E02", "lagi")  # and written again
        store.scores.import_sheets(
            [SheetEntry("J1", "E03", None, note="hanya catatan", note_only=True)], actor="import:x.csv"
        )
        verdict = check(store)
        assert verdict.ok, verdict.problem
        assert "note" in verdict.checked
    insider(event, "UPDATE note SET text = 'diubah diam-diam' WHERE judge = 'J1' AND entrant = 'E01'")
    with Store(config) as store:
        problem = check(store).problem
    assert problem is not None and problem.code == "verify.differs"
    assert problem.params["table"] == "note" and problem.params["key"] == "J1/E01"
