"""F4: the feedback reports are a choice; certificates before finalising fail with the reason."""

from __future__ import annotations

from textual.widgets import Checkbox, Static

from ikm_tui.app.moderator import ModeratorApp
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.feedback.conftest import score_with_notes
from tests.functional.test_export_screen import export_to, open_export


async def test_f4_writes_a_folder_of_reports_and_refuses_certificates_before_finalising(make_event, tmp_path):
    store = Store(load_config(make_event(judges=3, entrants=6, extra="[judging]\naccess_codes = false\n")))
    score_with_notes(store)
    try:
        async with ModeratorApp(store).run_test(size=(120, 36)) as pilot:
            screen = await open_export(pilot)
            assert not screen.query_one("#format-feedback", Checkbox).value  # asked for after the event
            for fmt in ("xlsx", "pdf", "csv", "json"):
                screen.query_one(f"#format-{fmt}", Checkbox).value = False
            screen.query_one("#format-feedback", Checkbox).value = True
            screen.query_one("#format-certificates", Checkbox).value = True
            await export_to(pilot, screen, tmp_path / "out")
            (folder,) = [p for p in (tmp_path / "out").iterdir() if p.is_dir()]
            assert "feedback" in folder.name and folder.name.endswith("-provisional")
            assert sorted(p.name for p in folder.iterdir())[:2] == [
                "E01-business-1.pdf",
                "E02-business-2.pdf",
            ]
            files = str(screen.query_one("#export-files", Static).render())
            assert "certificates are made only from finalised results" in files
    finally:
        store.close()
