"""F2 on the moderator console: the live judges x entrants matrix and the access codes."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from textual.widgets import DataTable, Static

from ikm_tui.app.moderator import ModeratorApp
from ikm_tui.app.dialogs import ConfirmDialog
from ikm_tui.app.progress.dialogs import ShowCodes
from ikm_tui.app.progress.screen import ProgressScreen
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.functional.waiting import until

CRITERIA = ("inovasi", "produktivitas", "pasar")
CODE = re.compile(r"^[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$")


@pytest.fixture
def store(make_event):
    store = Store(load_config(make_event(judges=3, entrants=6, language="en")))
    yield store
    store.close()


async def open_progress(pilot) -> ProgressScreen:
    await pilot.press("f2")
    await until(pilot, lambda: isinstance(pilot.app.screen, ProgressScreen))
    await pilot.pause()
    return pilot.app.screen


def matrix_cell(screen, entrant: str, judge: str) -> str:
    return str(screen.query_one("#matrix", DataTable).get_cell(entrant, judge))


def shown_codes(app) -> list[str]:
    return [str(w.render()) for w in app.screen.query(".code-value").results(Static)]


async def test_matrix_follows_other_processes_and_shows_no_scores(store, other):
    app = ModeratorApp(store, poll_seconds=0.02)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_progress(pilot)
        assert matrix_cell(screen, "E01", "J1") == "·"
        other.scores.submit("J1", "E01", {c: Decimal("9.5") for c in CRITERIA})
        other.scores.recuse("J2", "E01", "cousin")
        other.recheck.request("J3", "E02", actor="moderator")
        await until(pilot, lambda: matrix_cell(screen, "E01", "J1") == "✓")
        await until(pilot, lambda: matrix_cell(screen, "E02", "J3") == "·!")
        assert matrix_cell(screen, "E01", "J2") == "⊘"
        judges = screen.query_one("#judges-table", DataTable)
        assert judges.get_row("J1")[3:6] == ["1", "0", "5"]  # scored, recused, pending
        assert judges.get_row("J3")[6] == "1"  # re-check requested
        headers = [str(c.label) for c in judges.ordered_columns]
        assert headers[-1] == "Re-check" and not any(h.startswith("progress.") for h in headers)
        cells = [str(c) for row in range(6) for c in screen.query_one("#matrix", DataTable).get_row_at(row)]
        assert not any("95" in c or "9.5" in c for c in cells)


async def test_one_key_issues_a_code_shown_once_and_reissue_asks_first(store):
    app = ModeratorApp(store, poll_seconds=0.02)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_progress(pilot)
        screen.query_one("#judges-table", DataTable).focus()
        await pilot.press("down", "c")  # J2
        await until(pilot, lambda: isinstance(app.screen, ShowCodes))
        (code,) = shown_codes(app)
        assert CODE.match(code)
        assert store.access.verify(code, "J2").grant is not None
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ProgressScreen))
        assert "issued" in str(screen.query_one("#judges-table", DataTable).get_cell("J2", "code"))

        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, ProgressScreen))
        assert store.access.verify(code, "J2").grant is not None  # nothing changed

        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, ShowCodes))
        (new,) = shown_codes(app)
        assert new != code
        assert store.access.verify(code, "J2").grant is None
        assert store.access.verify(new, "J2").grant is not None


async def test_codes_for_all_missing_judges_in_one_dialog(store):
    kept = store.access.issue("J1", actor="moderator")
    app = ModeratorApp(store, poll_seconds=0.02)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ShowCodes))
        assert len(shown_codes(app)) == 2
        assert store.access.verify(kept, "J1").grant is not None
        await pilot.press("escape")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)  # nobody is missing a code now


async def test_f_asks_the_judge_of_the_cell_to_recheck_and_f_again_withdraws(store):
    store.scores.submit("J2", "E03", {c: Decimal(2) for c in CRITERIA})
    app = ModeratorApp(store, poll_seconds=0.02)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_progress(pilot)
        matrix = screen.query_one("#matrix", DataTable)
        matrix.focus()
        matrix.move_cursor(row=2, column=3)  # E03 x J2
        await pilot.press("f")
        await pilot.pause()
        assert [(r.judge, r.entrant) for r in store.recheck.pending()] == [("J2", "E03")]
        await until(pilot, lambda: matrix_cell(screen, "E03", "J2") == "✓!")
        await pilot.press("f")
        await pilot.pause()
        assert store.recheck.pending() == []


async def test_k_prints_access_cards_after_asking_and_voids_every_old_code(store):
    old = store.access.issue("J1", actor="moderator")
    app = ModeratorApp(store, poll_seconds=0.02)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_progress(pilot)
        await pilot.press("k")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        cards = store.path.resolve().parent / "access-cards.pdf"
        await until(pilot, lambda: cards.exists(), timeout=20)
    assert store.access.verify(old, "J1").outcome == "wrong"
    assert all(store.access.issued().values())


async def test_b_clears_every_wrong_code_brake(store):
    store.access.issue("J2", actor="moderator")
    for _ in range(4):
        store.access.verify("ZZZ-ZZZ", "J2", address="10.0.0.9")
    app = ModeratorApp(store, poll_seconds=0.02)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_progress(pilot)
        await pilot.press("b")
        await until(pilot, lambda: not store.access.brakes())


async def test_withdrawn_and_forfeited_entrants_are_nobodys_pending_work(store, other, capsys):
    """F2 and ``ikm-tui progress`` agree: an entrant out of the queue is not "pending"."""
    other.stage.withdraw("E02")
    other.stage.no_show("E03")
    other.stage.move_to_day("E03", 2)
    other.stage.no_show("E03")  # second absence, last day: forfeit
    app = ModeratorApp(store, poll_seconds=0.02)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_progress(pilot)
        judges = screen.query_one("#judges-table", DataTable)
        assert judges.get_row("J1")[5] == "4"  # 6 entrants, two of them out
        assert matrix_cell(screen, "E02", "J1") == "–"
        assert matrix_cell(screen, "E03", "J2") == "–"
    from ikm_tui.cli import main

    assert main(["--config", str(store.config.path), "progress"]) == 0
    out = capsys.readouterr().out
    assert "J1 0/4" in out
    assert main(["--config", str(store.config.path), "progress", "--json"]) == 0
    rows = {r["entrant"]: r for r in __import__("json").loads(capsys.readouterr().out)}
    assert rows["E02"]["judges"]["J1"]["status"] == "out"
