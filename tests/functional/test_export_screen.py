"""The export screen (F4 in the moderator console), driven with Pilot on a real session file."""

from __future__ import annotations

import threading

import pytest
from textual.widgets import Checkbox, Input, Static

from ikm_tui.app.export_screen import screen as export_screen
from ikm_tui.app.export_screen.screen import ExportScreen
from ikm_tui.app.moderator import ModeratorApp
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store

from tests.export.conftest import score_event
from tests.functional.waiting import until


@pytest.fixture
def store(make_event):
    store = Store(load_config(make_event(judges=3, entrants=8, extra="[judging]\naccess_codes = false\n")))
    score_event(store)
    yield store
    store.close()


async def open_export(pilot) -> ExportScreen:
    await pilot.press("f4")
    await until(pilot, lambda: isinstance(pilot.app.screen, ExportScreen))
    await pilot.pause()
    return pilot.app.screen


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def export_to(pilot, screen, folder) -> None:
    screen.query_one("#export-folder", Input).value = str(folder)
    await pilot.press("ctrl+s")
    await until(pilot, lambda: screen.outcome is not None)
    await pilot.pause()


async def test_f4_exports_every_format_and_shows_where_they_went(store, tmp_path):
    folder = tmp_path / "for staff"  # not there yet: the screen creates it
    async with ModeratorApp(store).run_test(size=(120, 36)) as pilot:
        screen = await open_export(pilot)
        assert "every file is stamped PROVISIONAL" in shown(screen, "#export-state")
        await export_to(pilot, screen, folder)
        written = sorted(p.name for p in folder.iterdir())
        assert [n.rsplit(".", 1)[1] for n in written] == ["csv", "json", "pdf", "xlsx"]
        assert all("-provisional." in n for n in written)
        assert f"4 files written to {folder}" in shown(screen, "#export-status")
        files = shown(screen, "#export-files")
        for name in written:
            assert name in files
        assert "Results digest:" in files


async def test_only_the_chosen_formats_are_written(store, tmp_path):
    async with ModeratorApp(store).run_test(size=(120, 36)) as pilot:
        screen = await open_export(pilot)
        for fmt in ("xlsx", "csv", "json"):
            screen.query_one(f"#format-{fmt}", Checkbox).value = False
        await export_to(pilot, screen, tmp_path)
        assert [p.suffix for p in tmp_path.iterdir() if p.is_file()] == [".pdf"]


async def test_no_format_chosen_says_so(store, tmp_path):
    async with ModeratorApp(store).run_test(size=(120, 36)) as pilot:
        screen = await open_export(pilot)
        for box in screen.query(Checkbox):
            box.value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert shown(screen, "#export-status") == "Choose at least one format."
        assert screen.outcome is None


async def test_a_folder_that_is_a_file_is_reported_calmly(store, tmp_path):
    blocker = tmp_path / "report.txt"
    blocker.write_text("not a folder")
    async with ModeratorApp(store).run_test(size=(80, 24)) as pilot:
        screen = await open_export(pilot)
        await export_to(pilot, screen, blocker)
        assert screen.outcome.written == []
        assert f"{blocker}: not a folder" in shown(screen, "#export-files")
        assert pilot.app.is_running
    assert blocker.read_text() == "not a folder"


async def test_the_console_stays_live_while_files_are_written(store, tmp_path, monkeypatch):
    """The export runs in a worker thread: keys keep working until it finishes."""
    release = threading.Event()
    real = export_screen.run_export

    def slow_export(*args):
        assert release.wait(10)
        return real(*args)

    monkeypatch.setattr(export_screen, "run_export", slow_export)
    async with ModeratorApp(store).run_test(size=(120, 36)) as pilot:
        screen = await open_export(pilot)
        screen.query_one("#export-folder", Input).value = str(tmp_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Exporting" in shown(screen, "#export-status")
        await pilot.press("end", "x")  # typing still reaches the folder field
        await pilot.pause()
        assert screen.query_one("#export-folder", Input).value == f"{tmp_path}x"
        release.set()
        await until(pilot, lambda: screen.outcome is not None)
        assert len(screen.outcome.written) == 4


async def test_the_state_line_follows_finalising_in_another_process(store, tmp_path):
    async with ModeratorApp(store).run_test(size=(120, 36)) as pilot:
        screen = await open_export(pilot)
        with Store(store.config, store.path) as other:
            other.results.finalise(actor="moderator")
        await until(pilot, lambda: "Results are finalised" in shown(screen, "#export-state"))
        await export_to(pilot, screen, tmp_path)
        assert screen.outcome.provisional is False
        assert not any("provisional" in p.name for p in tmp_path.iterdir())


async def test_f4_built_ahead_behind_the_stage_shows_a_lock_made_while_it_was_hidden(store, tmp_path):
    async with ModeratorApp(store).run_test(size=(120, 36)) as pilot:
        app = pilot.app
        await until(pilot, lambda: app.built("export"))  # the console's preload
        assert not isinstance(app.screen, ExportScreen)  # the stage is still what is shown
        with Store(store.config, store.path) as other:
            other.results.finalise(actor="moderator")
        await pilot.pause(0.1)
        screen = await open_export(pilot)
        await until(pilot, lambda: "Results are finalised" in shown(screen, "#export-state"))
        assert screen.query_one("#export-folder", Input).has_focus  # typing goes to the folder
