"""The screens at 50, 80, 120 and 200 columns, in Indonesian, with the sample event's real
names (longer words than English and the test events' "Owner 1"): no name cut while space is
left over, nothing running off the right edge, no dialog wider than the screen."""

from __future__ import annotations

import re

import pytest

from ikm_tui.app.judge.app import JudgeApp
from ikm_tui.app.judge.scoring_screen import ScoringScreen
from ikm_tui.app.moderator import ModeratorApp
from ikm_tui.app.record_dialogs import WhoDialog
from ikm_tui.app.stage.queue_table import QueueTable
from ikm_tui.domain.config import load_config
from ikm_tui.store.access import Grant
from ikm_tui.store.session import Store
from tests.functional.seen import inside_screen, screen_text
from tests.functional.sample_reveal import revealed_board_text
from tests.functional.waiting import until

SIZES = [(200, 60), (120, 36), (80, 24), (50, 40)]


@pytest.fixture(params=["with schedule", "without schedule"])
def event(request, sample_config_path):
    """The sample event (Indonesian), as shipped and with its ``[schedule]`` taken out."""
    if request.param == "without schedule":
        text = sample_config_path.read_text(encoding="utf-8")
        text = re.sub(r"\n\[schedule\].*?\n\]\n", "\n", text, flags=re.S)
        assert "[schedule]" not in text
        sample_config_path.write_text(text, encoding="utf-8")
    config = load_config(sample_config_path)
    assert config.event.language == "id"
    return config


@pytest.fixture
def store(event):
    with Store(event) as store:
        yield store


def day_one_names(store) -> list[str]:
    config = store.config
    return [e.name for e in config.entrants if e.day == 1]


async def queue_on_screen(pilot) -> QueueTable:
    table = pilot.app.screen.query_one(QueueTable)
    await until(pilot, lambda: table.row_count > 0 and table.columns_shown != ())
    await pilot.pause()
    return table


@pytest.mark.parametrize("size", [(200, 60), (120, 36), (80, 24)])
async def test_the_queue_shows_every_name_in_full_on_one_line(store, size):
    async with ModeratorApp(store, poll_seconds=0.05).run_test(size=size) as pilot:
        table = await queue_on_screen(pilot)
        text = screen_text(pilot.app)
        visible = day_one_names(store)[: table.size.height - 2]
        assert visible and all(name in text for name in visible), text
        assert table.max_scroll_x == 0  # nothing runs off the right edge
        if store.config.schedule is not None:
            assert "08:30" in text and "08:42" in text  # the planned times stay


async def test_at_120_columns_the_business_shows_too_and_nothing_runs_off_the_right(store):
    async with ModeratorApp(store, poll_seconds=0.05).run_test(size=(120, 36)) as pilot:
        table = await queue_on_screen(pilot)
        assert "business" in table.columns_shown
        assert table.max_scroll_x == 0
        assert "Keripik Tempe" in screen_text(pilot.app)


async def test_at_50_columns_a_long_name_takes_two_lines_rather_than_being_cut(store):
    async with ModeratorApp(store, poll_seconds=0.05).run_test(size=(50, 40)) as pilot:
        table = await queue_on_screen(pilot)
        assert table.max_scroll_x == 0
        text = screen_text(pilot.app)
        for name in day_one_names(store)[:4]:  # on screen under the stacked stage panels
            assert all(word in text for word in name.split()), name


async def test_a_no_show_keeps_what_happens_next_readable_at_80_columns(store):
    async with ModeratorApp(store, poll_seconds=0.05).run_test(size=(80, 24)) as pilot:
        table = await queue_on_screen(pilot)
        await pilot.press("x", "y")  # E01 did not come
        await until(pilot, lambda: "tidak hadir" in str(table.get_cell("E01", "status")))
        table.move_cursor(row=table.get_row_index("E01"), animate=False)  # now at the end of the day
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "dipanggil nanti" in text and "Sari Wulandari" in text
        assert table.max_scroll_x == 0


async def test_at_80x24_the_judges_box_stays_in_view_with_a_long_name_and_a_note_on_stage(sample_store):
    """E03 (a name and a business that both wrap) on stage with a note: the moderator still
    sees whose sheets are in, and who is next."""
    sample_store.stage.call("E03", actor="test")
    sample_store.stage.set_message("Mohon diakhiri", actor="test")
    async with ModeratorApp(sample_store, poll_seconds=0.05).run_test(size=(80, 24)) as pilot:
        await queue_on_screen(pilot)
        await pilot.pause()
        rows = screen_text(pilot.app).splitlines()
        keys = next(i for i, row in enumerate(rows) if "Mulai/Jeda" in row)
        above_keys = "\n".join(rows[:keys])
        assert "Juri" in above_keys and "J1" in above_keys
        assert any("E03" in row and row.count("·") == len(sample_store.config.judges) for row in rows[:keys])
        assert "Berikutnya" in above_keys and "Sari Wulandari" in above_keys


@pytest.mark.parametrize("size", SIZES)
async def test_who_is_at_the_keyboard_fits_the_screen(sample_store, size):
    app = ModeratorApp(sample_store, ask_who="root", poll_seconds=0.05)
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WhoDialog))
        await pilot.pause()
        box = app.screen.query_one("#who-dialog")
        assert inside_screen(box, size)
        assert app.t("who.title") in screen_text(app)


async def judge_sheet(pilot) -> None:
    await until(pilot, lambda: isinstance(pilot.app.screen, ScoringScreen))
    await until(pilot, lambda: "Keripik Tempe" in screen_text(pilot.app))


@pytest.mark.parametrize("size", SIZES)
async def test_the_judge_sheet_shows_each_criterion_scale_in_full(sample_store, size):
    """ "bobot 25% · 1–10, kelipatan 0,5": the step is what a judge needs, and it was cut at 80."""
    app = JudgeApp(sample_store, grant=Grant("J4", None), poll_seconds=0.05)
    async with app.run_test(size=size) as pilot:
        await judge_sheet(pilot)
        text = screen_text(app)
        assert "bobot 25% · 1–10, kelipatan 0,5" in text
        assert "bobot 15% · 1–10, kelipatan 0,5" in text


@pytest.mark.parametrize("size", [(200, 60), (120, 36)])
async def test_on_a_wide_screen_the_judge_list_shows_whole_business_names(sample_store, size):
    app = JudgeApp(sample_store, grant=Grant("J4", None), poll_seconds=0.05)
    async with app.run_test(size=size) as pilot:
        await judge_sheet(pilot)
        text = screen_text(app)
        for business in ("Sablon & Percetakan Daeng Jaya", "Gerabah Tanah Liat Kang Asep"):
            assert business in text


@pytest.mark.parametrize("size", SIZES)
async def test_f2_tables_stay_inside_the_screen_and_names_take_the_room_left(sample_store, size):
    async with ModeratorApp(sample_store, poll_seconds=0.05).run_test(size=size) as pilot:
        await pilot.press("f2")
        screen = pilot.app.screen
        await until(
            pilot, lambda: screen.query("#judges-table") and screen.query_one("#judges-table").row_count
        )
        await pilot.pause()
        judges, matrix = screen.query_one("#judges-table"), screen.query_one("#matrix")
        assert judges.max_scroll_x == 0 and matrix.max_scroll_x == 0  # nothing past the right edge
        text = screen_text(pilot.app)
        assert "J5" in text and "Belum" in text
        if size[0] >= 120:
            assert all(judge.name in text for judge in sample_store.config.judges)
        if size[0] >= 80:
            assert "Dr. Ir. Bambang Sutrisno" in text  # not cut at 16 while columns run off


@pytest.mark.parametrize("size", [(200, 60), (120, 36), (80, 24)])
async def test_f3_shows_whole_names_and_businesses(sample_store, size):
    """The bar gives way before a name: at 80 columns "E03 Rizky Ramadhan Nasution" is whole."""
    async with ModeratorApp(sample_store, poll_seconds=0.05).run_test(size=size) as pilot:
        await pilot.press("f3")
        await until(pilot, lambda: "Sari Wulandari" in screen_text(pilot.app))
        text = screen_text(pilot.app)
        for entrant in sample_store.config.entrants[:3]:  # on screen at 80x24
            assert f"{entrant.id} {entrant.name}" in text
            assert entrant.business in text
        assert "belum dinilai" in text and "0/5 juri" in text


async def test_f4_formats_stack_on_a_phone_sized_console(sample_store):
    async with ModeratorApp(sample_store, poll_seconds=0.05).run_test(size=(50, 40)) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: "Folder tujuan" in screen_text(pilot.app))
        text = screen_text(pilot.app)
        assert "PDF umpan balik tiap peserta" in text and "PDF sertifikat dan piagam" in text


@pytest.mark.parametrize("step", [1, 2, 3, 4])
async def test_every_reveal_step_fits_a_50_column_board(sample_config, step):
    """Names whole (a long one may wrap in the full table), amounts whole, nothing cut."""
    snapshot, text = await revealed_board_text(sample_config, step, (50, 40))
    for prize in sample_config.prizes[len(sample_config.prizes) - min(step, 3) :]:
        for row in snapshot.tier(prize.label):
            assert all(word in text for word in row["name"].split()), (step, row["name"])
    if step == 4:
        assert "Rp 3.000.000" in text and "Rp 1.800.000" in text
    assert "…" not in text


async def test_new_codes_dialog_names_every_judge_whole_at_50_columns(sample_store):
    async with ModeratorApp(sample_store, poll_seconds=0.05).run_test(size=(50, 40)) as pilot:
        await pilot.press("f2")
        await until(pilot, lambda: pilot.app.screen.query("#judges-table"))
        await pilot.press("a")  # codes for every judge who has none
        await until(pilot, lambda: pilot.app.screen.query("#codes-box"))
        await pilot.pause()
        assert inside_screen(pilot.app.screen.query_one("#codes-box"), (50, 40))
        text = screen_text(pilot.app)
        for judge in sample_store.config.judges:
            assert all(word in text for word in judge.name.split()), judge.name
