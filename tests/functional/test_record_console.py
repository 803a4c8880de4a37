"""The moderator console on the event record: it asks who is at the keyboard, records every
action under that name, offers the review of a changed config.toml, and never crashes on one."""

from __future__ import annotations

from decimal import Decimal

import pytest
from textual import events
from textual.widgets import Input, Static

from ikm_tui.app.moderator import ModeratorApp
from ikm_tui.app.record_dialogs import ReviewDialog, WhoDialog
from ikm_tui.app.stage.screen import StageScreen
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.functional.waiting import until


@pytest.fixture
def event(make_event):
    path = make_event(judges=2, entrants=8, language="en")
    with Store(load_config(path)) as store:
        values = ("9.5", "9", "8.5", "8", "7.5", "7", "6.5", "6")
        for e, value in zip([f"E0{i}" for i in range(1, 9)], values):
            for j in ("J1", "J2"):
                store.scores.submit(j, e, {c.id: Decimal(value) for c in store.config.criteria})
        store.stage.call("E08", actor="Sari")
    return path


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


async def opening_question(pilot) -> Input:
    """The name field of the question the console asks just after its first frame."""
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, WhoDialog) and app.screen.query("#who-name"))
    return app.screen.query_one("#who-name", Input)


def totals(store) -> list:
    return [(s.entrant.id, s.rank, s.total) for s in store.ranking().standings]


async def test_the_console_asks_who_is_at_the_keyboard_and_records_it(event):
    with Store(load_config(event)) as store:
        app = ModeratorApp(store, ask_who="root")
        async with app.run_test(size=(120, 40)) as pilot:
            name = await opening_question(pilot)
            assert name.value == "root"  # offered: the operating-system user
            name.value = ""
            await pilot.press(*"Rina", "enter")
            await until(pilot, lambda: not isinstance(app.screen, WhoDialog))
            assert app.actor == "Rina"
            await pilot.press("n")  # E08 is done; next
            await until(pilot, lambda: store.audit.entries()[-1].action == "queue.next")
        assert store.audit.entries()[-1].actor == "Rina"


async def test_a_file_that_breaks_the_scores_is_reviewed_refused_and_never_crashes_a_screen(event):
    with Store(load_config(event)) as store:
        before = totals(store)
    edit(event, "max = 10", "max = 5")
    edit(
        event,
        '[[judges]]\nid = "J1"',
        '[[criteria]]\nid = "digital"\nname = "Digital"\nweight = 10\n\n[[judges]]\nid = "J1"',
    )
    text = event.read_text(encoding="utf-8")
    event.write_text(text[: text.index('[[entrants]]\nid = "E08"')], encoding="utf-8")  # on stage
    with Store(load_config(event)) as store:
        app = ModeratorApp(store)
        async with app.run_test(size=(120, 40)) as pilot:
            await until(
                pilot, lambda: isinstance(app.screen, ReviewDialog) and app.screen.query("#review-text")
            )
            text = str(app.screen.query_one("#review-text", Static).render())
            assert "scoring.max: 10 → 5" in text
            assert "entrant E08 cannot be removed: they are on stage" in text
            assert "criterion Digital cannot be added" in text
            assert not app.screen.query("#review-apply")  # refused: only "keep the record"
            await pilot.press("escape")
            await until(pilot, lambda: not isinstance(app.screen, ReviewDialog))
            for key in ("f3", "f2", "f4", "f1"):
                await pilot.press(key)
                await pilot.pause(0.2)
            assert app.is_running
        assert totals(store) == before and store.revision.revision == 1


async def test_an_allowed_amendment_is_applied_from_the_console_with_a_reason(event):
    edit(event, 'title = "Test Event"', 'title = "Test Event 2022"')
    with Store(load_config(event)) as store:
        app = ModeratorApp(store)
        async with app.run_test(size=(120, 40)) as pilot:
            app.actor = "Rina"
            await until(
                pilot, lambda: isinstance(app.screen, ReviewDialog) and app.screen.query("#review-text")
            )
            assert "the winners do not change" in str(app.screen.query_one("#review-text", Static).render())
            await pilot.press(*"typo", "enter")
            await until(pilot, lambda: not isinstance(app.screen, ReviewDialog))
        assert store.revision.revision == 2 and store.config.event.title == "Test Event 2022"
        last = store.audit.entries()[-1]
        assert (last.action, last.actor, last.detail["reason"]) == ("event.amend", "Rina", "typo")


async def test_keys_typed_into_the_opening_question_while_f3_is_built_behind_it_all_arrive(event):
    with Store(load_config(event)) as store:
        app = ModeratorApp(store, ask_who="root")
        async with app.run_test(size=(120, 40)) as pilot:
            name = await opening_question(pilot)
            name.value = ""
            for letter in "Rina Sari Wulandari":  # typed across the preload (0.5 s after the frame)
                await pilot.press(letter if letter != " " else "space")
                await pilot.pause(0.04)
            assert isinstance(app.screen, WhoDialog) and name.has_focus
            assert name.value == "Rina Sari Wulandari"


class TypedAhead(ModeratorApp):
    """A console whose first keys are already waiting when it starts: typed while it loaded, or
    arriving in one burst over SSH, before the opening question is on screen."""

    def on_mount(self) -> None:
        for key in (*"wawan", "enter"):  # w: withdraw, n: next — but this is someone's name
            self.post_message(events.Key(key, "\r" if key == "enter" else key))


async def test_keys_typed_before_the_opening_question_shows_go_into_it_not_to_the_stage(event):
    with Store(load_config(event)) as store:
        before = store.audit.entries()[-1]
        app = TypedAhead(store, ask_who="root")
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: app.actor == "wawan")
            await pilot.pause(0.1)
            assert isinstance(app.screen, StageScreen)  # no confirmation ("withdraw …?") either
        assert store.audit.entries()[-1] == before  # no stage action ran
