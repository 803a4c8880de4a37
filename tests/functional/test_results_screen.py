"""The moderator's results screen (F3), driven with Pilot on a real session file."""

from __future__ import annotations

import html
import random
import re
from decimal import Decimal

import pytest
from textual.widgets import Input

from ikm_tui.app.moderator import ModeratorApp
from ikm_tui.app.results.leaderboard_table import LeaderboardTable
from ikm_tui.app.results.screen import ResultsScreen
from ikm_tui.domain.config import load_config
from ikm_tui.domain.errors import InputError
from ikm_tui.store.session import Store
from tests.conftest import REPO
from tests.functional.waiting import until

CRITERIA = ("inovasi", "produktivitas", "pasar")
# E02 and E03 tie on places 2-3 (Juara I | Juara II); J2 typed 2 for E06 (a divergent total)
VALUES = {"E01": 9, "E02": 8, "E03": 8, "E04": 7, "E05": 6.5, "E06": 6, "E07": 5, "E08": 4}


def fill(store, values=VALUES, skip=()):
    for entrant, value in values.items():
        for judge in ("J1", "J2", "J3"):
            if (judge, entrant) in skip:
                continue
            typed = 2 if (judge, entrant) == ("J2", "E06") else value
            store.scores.submit(judge, entrant, {c: Decimal(str(typed)) for c in CRITERIA})


@pytest.fixture
def store(make_event):
    store = Store(load_config(make_event(judges=3, entrants=8, extra="[judging]\naccess_codes = false\n")))
    yield store
    store.close()


def flag_lines(screen) -> list[str]:
    """The divergence-flag list as drawn, line by line."""
    flags = screen.query_one("#flags")
    return [flags.render_line(y).text for y in range(flags.scrollable_content_region.height)]


async def open_results(pilot) -> ResultsScreen:
    # after the console's preload (0.5 s in), as a moderator meets F3: the preload switches
    # to the screens it builds and back, and F3 catching up then would blur what a test counts
    await until(pilot, lambda: pilot.app.built("export"))
    await pilot.press("f3")
    await until(
        pilot, lambda: isinstance(pilot.app.screen, ResultsScreen) and pilot.app.screen.view is not None
    )
    return pilot.app.screen


async def confirm(pilot) -> None:
    """Press the dialog's OK button (a Button ignores clicks during its 0.2 s press effect)."""
    button = pilot.app.screen.query_one("#dialog-ok")
    await until(pilot, lambda: not button.has_class("-active"))
    await pilot.click("#dialog-ok")
    await pilot.pause()


def screen_text(app) -> str:
    """What the terminal shows, as plain text (the screenshot without its markup)."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def table_order(screen) -> list[str]:
    return list(screen.query_one(LeaderboardTable).order)


def cell(screen, entrant, column) -> str:
    return screen.query_one(LeaderboardTable).cell_text(entrant, column)


def app_for(store) -> ModeratorApp:
    return ModeratorApp(store, poll_seconds=0.02)


async def test_leaderboard_in_rank_order_with_tie_prizes_and_the_prize_lines(store):
    fill(store, skip={("J3", "E08")})
    async with app_for(store).run_test(size=(120, 36)) as pilot:
        screen = await open_results(pilot)
        assert table_order(screen) == ["E01", "E02", "E03", "E04", "E05", "E07", "E06", "E08"]
        assert cell(screen, "E01", "prize") == "Juara I\nRp 3.000.000"
        assert cell(screen, "E02", "status").startswith("tie")
        assert cell(screen, "E08", "status") == "incomplete\n2/3 judges"
        assert cell(screen, "E01", "total").startswith("90.00\n" + "█" * 10 + "▊")
        lines = str(screen.query_one("#lines").render())
        assert "2|3: Juara I / Juara II" in lines and "TIE" in lines
        assert "6|7: Juara III / no prize" in lines
        assert "J2 on E06: 20.00" in flag_lines(screen)[0]


async def test_a_new_score_from_another_process_updates_cells_and_keeps_the_cursor(store, other):
    fill(store, skip={("J3", "E08")})
    async with app_for(store).run_test(size=(120, 36)) as pilot:
        screen = await open_results(pilot)
        table = screen.query_one(LeaderboardTable)
        table.move_cursor(row=table.get_row_index("E04"))
        await pilot.pause()
        # J3 scores E08 high: (40 + 40 + 100) / 3 = 60 climbs from 8th to 6th, Juara III
        other.scores.submit("J3", "E08", {c: Decimal(10) for c in CRITERIA})
        await until(pilot, lambda: table_order(screen)[5] == "E08")
        assert cell(screen, "E08", "prize").startswith("Juara III")
        assert table.cursor_entrant() == "E04"
        assert table.changed == {"E08", "E07", "E06"}  # nobody above E08 was redrawn
        assert cell(screen, "E07", "prize") == "\n"


async def test_category_and_day_filters(store):
    fill(store)
    async with app_for(store).run_test(size=(120, 36)) as pilot:
        screen = await open_results(pilot)
        await pilot.press("c")  # first category: makanan (E03, E06 in make_event)
        assert table_order(screen) == ["E03", "E06"]
        await pilot.press("c", "c", "c")  # back to every category
        assert len(table_order(screen)) == 8
        await pilot.press("d")  # day 1: E01-E04
        assert table_order(screen) == ["E01", "E02", "E03", "E04"]
        assert "Day 1" in str(screen.query_one("#results-status").render())


async def test_tie_decision_modal_then_finalise_then_unlock(store):
    fill(store)
    async with app_for(store).run_test(size=(120, 36)) as pilot:
        screen = await open_results(pilot)
        await pilot.press("f")  # refused in the dialog: the tie is open
        await confirm(pilot)
        assert "need the panel's decision" in str(pilot.app.screen.query_one("#dialog-error").render())
        await pilot.press("escape")
        assert not store.results.locked()

        await pilot.press("t")
        dialog = pilot.app.screen
        assert dialog.query_one("#field-order", Input).value == "E02, E03"
        dialog.query_one("#field-order", Input).value = "E03, E02"
        dialog.query_one("#field-reason", Input).value = "more jobs created"
        dialog.query_one("#field-by", Input).focus()
        await pilot.press(*"Chair", "enter")
        await until(pilot, lambda: pilot.app.screen is screen and cell(screen, "E03", "rank") == "2")
        assert store.results.decisions()[0].decided_by == "Chair"
        assert table_order(screen)[1:3] == ["E03", "E02"]
        assert cell(screen, "E03", "status").startswith("decided by panel")
        assert "TIE; decided by the panel" in str(screen.query_one("#lines").render())

        await pilot.press("f")
        await confirm(pilot)
        await until(pilot, lambda: "FINAL" in str(screen.query_one("#results-status").render()))
        frozen = store.results.frozen()
        assert frozen.digest[:12] in str(screen.query_one("#results-status").render())

        await pilot.press("u")
        await confirm(pilot)  # no reason: refused, stays locked
        await pilot.pause()
        assert "Reason: required" == str(pilot.app.screen.query_one("#dialog-error").render())
        pilot.app.screen.query_one("#field-reason", Input).value = "typo found on E05"
        await confirm(pilot)
        await until(pilot, lambda: not store.results.locked())
        assert store.results.finalisations()[0].unlock_reason == "typo found on E05"


async def test_finalise_with_missing_sheets_needs_an_override_reason(store):
    fill(store, values=VALUES | {"E03": 7.5}, skip={("J3", "E08")})
    async with app_for(store).run_test(size=(120, 36)) as pilot:
        await open_results(pilot)
        await pilot.press("f")
        await confirm(pilot)
        assert "score sheets missing: 1" in str(pilot.app.screen.query_one("#dialog-error").render())
        pilot.app.screen.query_one("#field-override", Input).value = "J3 left ill"
        await confirm(pilot)
        await until(pilot, lambda: store.results.locked())
        assert store.results.frozen().override_reason == "J3 left ill"


async def test_divergence_flag_asks_that_judge_to_recheck(store):
    fill(store)
    async with app_for(store).run_test(size=(120, 36)) as pilot:
        pilot.app.actor = "Rina"  # the person at the keyboard
        screen = await open_results(pilot)
        await pilot.press("r")
        await until(pilot, lambda: store.recheck.pending() != [])
        request = store.recheck.pending()[0]
        assert (request.judge, request.entrant, request.requested_by) == ("J2", "E06", "Rina")
        await until(pilot, lambda: "re-check asked" in " ".join(flag_lines(screen)[:2]))


async def test_reveal_keys_step_the_board_only_after_finalising(store):
    fill(store, values=VALUES | {"E03": 7.5})  # no tie
    async with app_for(store).run_test(size=(80, 24)) as pilot:
        screen = await open_results(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert store.results.reveal_state().step == 0  # refused: nothing is locked
        store.results.finalise(actor="test")
        pilot.app.session_changed()
        await until(pilot, lambda: screen.view.frozen is not None)
        for step in (1, 2, 3, 4):
            await pilot.press("v")
            await until(pilot, lambda step=step: store.results.reveal_state().step == step)
        await pilot.press("v")  # past the full table: stays
        await pilot.pause()
        assert store.results.reveal_state().step == 4
        await pilot.press("h")
        await until(pilot, lambda: store.results.reveal_state().step == 0)
        steps = [e.detail["step"] for e in store.audit.entries() if e.action == "reveal.step"]
        assert steps == [1, 2, 3, 4, 0]


async def test_once_locked_the_screen_shows_the_frozen_rows(store, other):
    fill(store, values=VALUES | {"E03": 7.5})  # no tie
    store.results.finalise(actor="moderator")
    async with app_for(store).run_test(size=(120, 36)) as pilot:
        screen = await open_results(pilot)
        with pytest.raises(InputError, match="stage.result_locked"):
            other.stage.withdraw("E01")  # after the lock nothing that changes the result goes in
        other.stage.call("E05")  # while stage actions that leave it alone go on
        await until(pilot, lambda: store.stage.current() == "E05")
        assert table_order(screen)[0] == "E01"
        assert cell(screen, "E01", "prize").startswith("Juara I")
        assert "FINAL" in str(screen.query_one("#results-status").render())


async def test_narrow_terminal_puts_the_monitor_under_the_table(store):
    fill(store)
    async with app_for(store).run_test(size=(80, 24)) as pilot:
        screen = await open_results(pilot)
        table, side = screen.query_one(LeaderboardTable), screen.query_one("#results-side")
        assert side.region.y >= table.region.bottom and side.region.width > 60
        assert "v Reveal next" in screen_text(pilot.app)


async def test_finalise_dialog_names_missing_sheets_open_flags_and_rechecks_before_locking(store):
    fill(store, values=VALUES | {"E03": 7.5}, skip={("J3", "E08"), ("J3", "E07")})
    store.recheck.request("J1", "E04", actor="moderator")
    async with app_for(store).run_test(size=(80, 24)) as pilot:
        await open_results(pilot)
        await pilot.press("f")
        body = str(pilot.app.screen.query_one(".dialog-body").render())
        assert "Score sheets missing: 2" in body
        assert "J3 Judge 3: E07, E08" in body  # whose sheets, by name
        assert "Open divergence flags:" in body and "J2 on E06" in body
        assert "Re-check requests not answered yet: 1" in body and "J1 → E04" in body
        dialog = pilot.app.screen.query_one(".dialog").region
        assert dialog.bottom <= 24 and dialog.right <= 80  # fits a laptop screen
        await pilot.press("escape")
        assert not store.results.locked()


async def test_y_and_n_answer_a_yes_no_dialog(store):
    fill(store, values=VALUES | {"E03": 7.5})  # complete, no tie: finalising is a plain question
    async with app_for(store).run_test(size=(120, 36)) as pilot:
        screen = await open_results(pilot)
        await pilot.press("f", "n")
        assert pilot.app.screen is screen and not store.results.locked()
        await pilot.press("f", "y")
        await until(pilot, lambda: store.results.locked())


async def test_the_tie_dialog_speaks_indonesian_to_the_end(make_event):
    """No English left in the tie dialog: a missing reason is named by its label."""
    config = load_config(make_event(judges=3, entrants=8, language="id"))
    with Store(config) as store:
        fill(store)
        async with app_for(store).run_test(size=(120, 36)) as pilot:
            await open_results(pilot)
            await pilot.press("t")
            await confirm(pilot)  # order filled in, no reason, no name
            error = str(pilot.app.screen.query_one("#dialog-error").render())
            assert error == "Alasan: wajib diisi"
            assert pilot.app.focused is pilot.app.screen.query_one("#field-reason", Input)
            assert str(store.path) not in error


async def test_f3_built_ahead_behind_the_stage_shows_what_was_saved_before_it_was_first_opened(store, other):
    fill(store, skip={("J3", "E08"), ("J3", "E07")})
    async with app_for(store).run_test(size=(120, 36)) as pilot:
        app = pilot.app
        await until(pilot, lambda: app.built("results"))  # the console's preload
        assert not isinstance(app.screen, ResultsScreen)  # the stage is still what is shown
        other.scores.submit("J3", "E08", {c: Decimal(10) for c in CRITERIA})
        await pilot.pause(0.1)
        screen = await open_results(pilot)
        assert cell(screen, "E08", "status").endswith("3/3 judges")
        assert cell(screen, "E07", "status").endswith("2/3 judges")
        other.scores.submit("J3", "E07", {c: Decimal(10) for c in CRITERIA})  # and it follows on
        await until(pilot, lambda: cell(screen, "E07", "status").endswith("3/3 judges"))


def two_flags(store) -> None:
    fill(store)
    store.scores.submit("J1", "E07", {c: Decimal("1") for c in CRITERIA})  # a second flag


async def flag_list(pilot):
    """F3 open; its divergence-flag list, and the flags it lists (its blank lines left out)."""
    screen = await open_results(pilot)
    flags = screen.query_one("#flags")
    return screen, flags, [flag for _label, flag in flags.items if flag is not None]


async def test_end_in_the_flag_list_picks_the_last_flag_not_the_blank_lines_under_it(store):
    """The list is padded with blank lines (so a new score does not relayout the screen):
    they must be neither highlighted nor asked about."""
    two_flags(store)
    async with app_for(store).run_test(size=(120, 44)) as pilot:
        screen, flags, listed = await flag_list(pilot)
        assert len(listed) >= 2 and listed[0] == "J2/E06"
        assert flag_lines(screen)[-1].strip() == ""  # blank lines fill the box below the flags
        flags.focus()
        await pilot.press("end")
        await pilot.press("r")
        await until(pilot, lambda: store.recheck.pending() != [])
        assert [f"{r.judge}/{r.entrant}" for r in store.recheck.pending()] == [listed[-1]]


async def test_arrows_and_a_click_in_the_flag_list_choose_the_flag_asked_about(store):
    two_flags(store)
    async with app_for(store).run_test(size=(120, 44)) as pilot:
        _screen, flags, listed = await flag_list(pilot)
        flags.focus()
        await pilot.press("down", "down", "up", "down")  # first, second, first, second
        assert flags.chosen() == tuple(listed[1].split("/"))
        await pilot.click(flags, offset=(3, 1))  # the first flag's line (inside the border)
        assert flags.chosen() == tuple(listed[0].split("/"))
        await pilot.press("r")
        await until(pilot, lambda: store.recheck.pending() != [])
        assert [f"{r.judge}/{r.entrant}" for r in store.recheck.pending()] == [listed[0]]


async def test_the_prize_line_panel_keeps_its_height_as_new_scores_reword_it(tmp_path):
    """A swing naming another criterion or a longer score wraps to a line more or less; the
    panel keeps the most lines it has needed, so the flag list under it stays put (and the
    whole screen is not laid out again for each new score)."""
    sample = Store(load_config(REPO / "config.toml"), tmp_path / "session.db")  # the sample event
    config, rnd = sample.config, random.Random(3)

    def scores() -> dict[str, Decimal]:
        steps = int((config.scoring.max - config.scoring.min) / config.scoring.step)
        return {
            c.id: config.scoring.min + config.scoring.step * rnd.randrange(steps + 1) for c in config.criteria
        }

    for entrant in config.entrants:
        for judge in config.judges:
            sample.scores.submit(judge.id, entrant.id, scores())
    try:
        async with app_for(sample).run_test(size=(160, 45)) as pilot:
            screen = await open_results(pilot)
            panel, flags = screen.query_one("#lines"), screen.query_one("#flags-box")
            heights, tops = [], []
            for _ in range(12):
                below = screen.view.lines[-1].below.entrant.id  # just under the last prize line
                before = screen.view
                sample.scores.submit(config.judges[rnd.randrange(len(config.judges))].id, below, scores())
                pilot.app.session_changed()
                await until(pilot, lambda shown=before: screen.view is not shown)
                await pilot.pause()
                heights.append(panel.size.height)
                tops.append(flags.region.y)
            assert heights == sorted(heights) and tops == sorted(tops)  # never shrinks back
    finally:
        sample.close()
