"""The judge console's note field, driven with keys like a judge would."""

from __future__ import annotations

from decimal import Decimal

from ikm_tui.app.judge.app import JudgeApp
from ikm_tui.store.access import Grant
from tests.functional.test_judge_console import settle, text_of, type_scores


def judge_app(store, judge="J1") -> JudgeApp:
    return JudgeApp(store, grant=Grant(judge, None), poll_seconds=0.02)


async def type_note(pilot, text: str) -> None:
    field = pilot.app.screen.form.note_input
    field.focus()
    await pilot.pause()
    field.value = ""
    await pilot.press(*text)
    await pilot.pause()


async def test_a_note_is_saved_with_the_sheet_and_shown_again(store):
    app = judge_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await type_scores(pilot, "8", "7", "6")
        await type_note(pilot, "Kemasan bagus")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "tersimpan" in text_of(app, "save-state")
        assert store.notes.note("J1", "E01").text == "Kemasan bagus"
        assert store.scores.sheet("J1", "E01").scores["inovasi"] == Decimal("8")
        app.screen.open_sheet("E02")
        await pilot.pause()
        app.screen.open_sheet("E01")
        await pilot.pause()
        assert app.screen.form.note_input.value == "Kemasan bagus"


async def test_a_note_without_scores_is_kept_and_the_sheet_stays_open(store):
    app = judge_app(store, "J2")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await type_note(pilot, "Belum dinilai, ingat: harga")
        await pilot.press("enter")
        await settle(pilot)
        assert "catatan tersimpan" in text_of(app, "save-state")
        assert store.notes.note("J2", "E01").text == "Belum dinilai, ingat: harga"
        assert store.scores.sheet("J2", "E01") is None
        assert not app.screen.mid_edit()


async def test_a_pasted_note_past_the_limit_is_refused_with_a_message(store):
    app = judge_app(store, "J3")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.form.note_input.focus()
        await pilot.pause()
        app.screen.form.note_input.insert_text_at_cursor("x" * 10_000)
        await pilot.pause()
        assert "terlalu panjang: 10000 karakter (paling banyak 500)" in text_of(app, "problem-note")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.notes.all() == []
        assert len(app.screen.form.note_input.value) == 10_000  # nothing typed is thrown away
