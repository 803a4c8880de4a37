"""The judge console driven like a judge would: keys (and the mouse), real SQLite files."""

from __future__ import annotations

import html
import re
from decimal import Decimal

import pytest
from textual.widgets import Input, Static

from ikm_tui.app.judge.app import JudgeApp
from ikm_tui.app.judge.code_screen import CodeScreen
from ikm_tui.app.judge.scoring_screen import ScoringScreen
from ikm_tui.domain.config import load_config
from ikm_tui.store.access import Grant
from ikm_tui.store.database import StoreUnavailable
from ikm_tui.store.session import Store
from tests.functional.waiting import settle, until

CRITERIA = ("inovasi", "produktivitas", "pasar")  # make_event's default criteria


@pytest.fixture
def event(make_event):
    return make_event(judges=3, entrants=6, language="en")


@pytest.fixture
def store(event):
    store = Store(load_config(event))
    yield store
    store.close()


def judge_app(store, judge="J1") -> JudgeApp:
    return JudgeApp(store, grant=Grant(judge, None), poll_seconds=0.02)


def text_of(app, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}", Static).render())


def screen_text(app) -> str:
    """Everything the terminal shows right now, as plain text (the screenshot without markup)."""
    svg = app.export_screenshot()
    body = svg[svg.index('<g class="terminal') :] if '<g class="terminal' in svg else svg
    return html.unescape(re.sub(r"<[^>]+>", "", body)).replace("\xa0", " ")


async def type_scores(pilot, *values: str) -> None:
    form = pilot.app.screen.form
    for criterion, value in zip(CRITERIA, values):
        form.activate(criterion)
        await pilot.pause()
        await pilot.press("delete", *value)
    await pilot.pause()


class TestSignIn:
    async def test_a_wrong_code_gets_nothing_and_the_right_code_opens_that_judge(self, store):
        code = store.access.issue("J2", actor="moderator")
        app = JudgeApp(store, poll_seconds=0.02)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, CodeScreen)
            await pilot.press(*"ABCDEF", "enter")
            await settle(pilot)
            assert isinstance(app.screen, CodeScreen)
            assert "wrong code" in text_of(app, "code-message")
            await until(pilot, lambda: not app.screen.query_one("#code", Input).disabled)
            await pilot.press(*code.lower(), "enter")
            await settle(pilot)
            assert isinstance(app.screen, ScoringScreen) and app.screen.judge == "J2"
            assert "Judge J2" in str(app.screen.query_one(".title-bar").render())

    async def test_no_code_yet_says_ask_the_moderator(self, store):
        app = JudgeApp(store, "J1", poll_seconds=0.02)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*"ABCDEF", "enter")
            await settle(pilot)
            assert "ask the moderator" in text_of(app, "code-message")

    async def test_reissuing_the_code_signs_the_console_out(self, store, other):
        code = store.access.issue("J1", actor="moderator")
        app = JudgeApp(store, "J1", poll_seconds=0.02)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press(*code, "enter")
            await settle(pilot)
            assert isinstance(app.screen, ScoringScreen)
            other.access.issue("J1", actor="moderator")
            await until(pilot, lambda: isinstance(app.screen, CodeScreen))
            assert "replaced your code" in text_of(app, "code-message")

    async def test_repeated_wrong_codes_make_the_judge_wait(self, store):
        code = store.access.issue("J1", actor="moderator")
        store.access.clock = lambda: 1_000_000.0  # time stands still: the wait cannot run out
        app = JudgeApp(store, "J1", poll_seconds=0.02)
        async with app.run_test(size=(120, 36)) as pilot:
            field = app.screen.query_one("#code", Input)
            for _ in range(3):
                await until(pilot, lambda: not field.disabled)
                await pilot.press(*"ABCDEF", "enter")
                await settle(pilot)
            assert "wait 2 s" in text_of(app, "code-message")
            assert field.disabled
            app.screen.ready()  # even if the judge could type at once ...
            await pilot.press(*code, "enter")
            await settle(pilot)
            assert isinstance(app.screen, CodeScreen)  # ... the right code must wait too
            assert "wait" in text_of(app, "code-message")

    async def test_codes_off_lets_the_judge_pick_themselves(self, make_event):
        path = make_event(judges=3, entrants=6, language="en", extra="\n[judging]\naccess_codes = false\n")
        with Store(load_config(path)) as store:
            app = JudgeApp(store, poll_seconds=0.02)
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.press("down", "enter")
                await pilot.pause()
                assert isinstance(app.screen, ScoringScreen) and app.screen.judge == "J2"


class TestScoring:
    async def test_instant_validation_names_the_problem_beside_the_field(self, store):
        app = judge_app(store)
        async with app.run_test(size=(120, 36)) as pilot:
            await type_scores(pilot, "abc", "11", "7.3")
            assert "is not a number" in text_of(app, "problem-inovasi")
            assert "outside the scale 1–10" in text_of(app, "problem-produktivitas")
            assert "not a multiple of 0.5" in text_of(app, "problem-pasar")
            await type_scores(pilot, "8", "9.5", "")
            assert text_of(app, "problem-inovasi") == ""
            assert text_of(app, "problem-pasar") == ""  # empty is not yet a mistake
            await pilot.press("enter")
            await settle(pilot)
            assert "no score" in text_of(app, "problem-pasar")
            assert app.focused is app.screen.form and app.screen.form.active == "pasar"
            assert store.scores.for_judge("J1") == {}

    async def test_total_updates_while_typing_and_enter_saves_durably(self, store, other):
        app = judge_app(store)
        async with app.run_test(size=(120, 36)) as pilot:
            await type_scores(pilot, "8")
            assert "32.00 / 100 · 2 criteria to go" in text_of(app, "total")  # 40 x 8 / 10 of 100
            await type_scores(pilot, "8", "7,5", "9")
            assert text_of(app, "total") == "Total: 80.75 / 100"
            await pilot.press("enter")
            await settle(pilot)
            assert "saved E01" in text_of(app, "save-state")
            stored = other.scores.sheet("J1", "E01")  # another connection sees it: committed
            assert stored.scores == {
                "inovasi": Decimal(8),
                "produktivitas": Decimal("7.5"),
                "pasar": Decimal(9),
            }
            line = app.screen.query_one("#entrants").lines["E01"]
            assert line.status == "scored" and line.total == "80.75"

    async def test_correcting_a_sheet_replaces_it(self, store):
        store.scores.submit("J1", "E03", {c: Decimal(5) for c in CRITERIA})
        app = judge_app(store)
        async with app.run_test(size=(120, 36)) as pilot:
            app.screen.query_one("#entrants").focus()
            await pilot.press("down", "down", "enter")
            await pilot.pause()
            assert app.screen.entrant == "E03"
            assert app.screen.form.values() == {c: "5" for c in CRITERIA}
            await type_scores(pilot, "6")
            await pilot.press("ctrl+s")
            await settle(pilot)
            sheet = store.scores.sheet("J1", "E03")
            assert sheet.revision == 2 and sheet.scores["inovasi"] == Decimal(6)

    async def test_recusal_needs_a_reason_and_is_stored(self, store):
        app = judge_app(store)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("ctrl+r")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert "reason is required" in text_of(app, "dialog-error")
            await pilot.press(*"my cousin", "enter")
            await settle(pilot)
            sheet = store.scores.sheet("J1", "E01")
            assert sheet.recused and sheet.reason == "my cousin"
            assert app.screen.query_one("#entrants").lines["E01"].status == "recused"
            assert "recused" in text_of(app, "save-state")

    async def test_unsaved_values_survive_looking_at_another_entrant(self, store):
        app = judge_app(store)
        async with app.run_test(size=(120, 36)) as pilot:
            await type_scores(pilot, "8", "7")
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert app.screen.entrant == "E02"
            assert app.screen.form.values() == {c: "" for c in CRITERIA}
            assert app.screen.query_one("#entrants").lines["E01"].draft
            await pilot.press("ctrl+l", "home", "enter")
            await pilot.pause()
            assert app.screen.entrant == "E01"
            assert app.screen.form.values() == {"inovasi": "8", "produktivitas": "7", "pasar": ""}
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert app.screen.form.values() == {c: "" for c in CRITERIA}
            assert store.scores.for_judge("J1") == {}

    async def test_finalising_makes_the_sheet_read_only_at_once_under_a_banner(self, store, other):
        for judge in ("J1", "J2", "J3"):
            for rank, entrant in enumerate(store.config.entrants):
                other.scores.submit(judge, entrant.id, {c: Decimal(9 - rank) for c in CRITERIA})
        app = judge_app(store)
        async with app.run_test(size=(120, 36)) as pilot:
            banner = app.screen.query_one("#locked-banner")
            assert not banner.display
            await type_scores(pilot, "2")
            other.results.finalise(actor="moderator", override="test")
            await until(pilot, lambda: banner.display)  # no save needed to find out
            assert "finalised" in text_of(app, "locked-banner")
            assert app.screen.form.disabled
            assert app.screen.form.values()["inovasi"] == "9"  # what is stored, read-only
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert "read-only" in text_of(app, "save-state")
            assert store.scores.sheet("J1", "E01").scores["inovasi"] == Decimal(9)
            assert "/" not in text_of(app, "save-state")  # never a file path

    async def test_a_database_that_stays_locked_keeps_the_typed_values(self, store, monkeypatch):
        def locked(*args, **kwargs):
            raise StoreUnavailable(store.path, "database is locked")

        monkeypatch.setattr(store.scores, "submit", locked)
        app = judge_app(store)
        async with app.run_test(size=(120, 36)) as pilot:
            await type_scores(pilot, "8", "7", "6")
            await pilot.press("enter")
            await settle(pilot)
            assert "NOT saved" in text_of(app, "save-state")
            assert "unavailable" in text_of(app, "save-state")
            assert str(store.path) not in text_of(app, "save-state")  # never a file path
            assert app.screen.form.values() == {"inovasi": "8", "produktivitas": "7", "pasar": "6"}

    async def test_an_unreachable_database_is_said_and_clears_when_back(self, store):
        from ikm_tui.app.follow import SessionEvent

        app = judge_app(store)
        async with app.run_test(size=(120, 36)) as pilot:
            await type_scores(pilot, "8")
            app.session_signal.publish(SessionEvent(None, "disk I/O error"))
            await pilot.pause()
            assert "cannot be reached" in text_of(app, "save-state")
            assert app.screen.form.values()["inovasi"] == "8"
            app.session_signal.publish(SessionEvent(store.data_version()))
            await pilot.pause()
            assert text_of(app, "save-state") == ""

    async def test_mouse_works_too(self, store):
        app = judge_app(store)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.click("#entrants", offset=(5, 1))  # second row: E02
            await pilot.pause()
            assert app.screen.entrant == "E02"
            await type_scores(pilot, "7", "7", "7")
            await pilot.click("#save")
            await settle(pilot)
            assert store.scores.sheet("J1", "E02") is not None


class TestFollowingTheSession:
    async def test_follows_the_stage_unless_the_judge_is_typing(self, store, other):
        app = judge_app(store)
        async with app.run_test(size=(120, 36)) as pilot:
            other.stage.call("E03")
            await until(pilot, lambda: app.screen.entrant == "E03")
            assert "▶ E03" in text_of(app, "entrant-title")
            assert "on stage" in text_of(app, "entrant-sub")
            await type_scores(pilot, "9")  # mid-edit
            other.stage.call("E04")
            await until(pilot, lambda: app.screen.waiting_stage == "E04")
            assert app.screen.entrant == "E03"
            assert "E04 is now on stage" in text_of(app, "notice")
            await type_scores(pilot, "9", "9", "9")
            await pilot.press("enter")
            await settle(pilot)
            assert store.scores.sheet("J1", "E03") is not None
            assert app.screen.entrant == "E04"  # the move happens after the save
            assert "E03" not in text_of(app, "save-state")  # not under E04's sheet
            assert app.screen.query_one("#entrants").lines["E03"].status == "scored"

    async def test_a_change_made_elsewhere_shows_unless_the_judge_is_typing(self, store, other):
        app = judge_app(store)
        async with app.run_test(size=(120, 36)) as pilot:
            other.scores.submit("J1", "E01", {c: Decimal(4) for c in CRITERIA})  # paper import
            await until(pilot, lambda: app.screen.form.values()["inovasi"] == "4")
            await type_scores(pilot, "6")
            other.scores.submit("J1", "E01", {c: Decimal(3) for c in CRITERIA})
            await until(pilot, lambda: app.screen.stored["E01"].scores["inovasi"] == 3)
            assert app.screen.form.values()["inovasi"] == "6"  # typed values are never lost

    async def test_a_recheck_request_shows_and_clears_on_save(self, store, other):
        store.scores.submit("J1", "E02", {c: Decimal(4) for c in CRITERIA})
        app = judge_app(store)
        async with app.run_test(size=(120, 36)) as pilot:
            other.recheck.request("J1", "E02", actor="moderator")
            await until(pilot, lambda: "E02" in app.screen.rechecks)
            assert "Please re-check: E02" in text_of(app, "notice")
            app.screen.open_sheet("E02")
            await pilot.pause()
            assert "asks you to re-check entrant E02" in text_of(app, "notice")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert other.recheck.pending_for("J1") == []
            assert not app.screen.query_one("#notice", Static).display

    async def test_never_shows_another_judges_scores(self, store, other):
        other.scores.submit("J2", "E01", {c: Decimal("9.5") for c in CRITERIA})
        other.scores.submit("J3", "E01", {c: Decimal("3.5") for c in CRITERIA})
        other.stage.call("E01")
        app = judge_app(store)
        async with app.run_test(size=(120, 36)) as pilot:
            await until(pilot, lambda: app.screen.entrant == "E01")
            other.scores.submit("J2", "E02", {c: Decimal("9.5") for c in CRITERIA})
            await pilot.pause(0.1)
            text = screen_text(app)
            assert "E01" in text and "Business 1" in text
            for foreign in ("95.00", "35.00", "9.5", "3.5", "J2", "J3"):
                assert foreign not in text
            assert app.screen.form.values() == {c: "" for c in CRITERIA}
            assert app.screen.query_one("#entrants").lines["E01"].status == "not_scored"
