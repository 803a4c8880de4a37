"""The one screen base: keys in the event's language, the session as a message, writes in a
worker with one error path, and the two shared dialogs."""

from __future__ import annotations

import threading

import pytest
from textual.notifications import Notify

from ikm_tui.app.dialogs import ConfirmDialog, Field, FormDialog
from ikm_tui.app.footer import KeyBar
from ikm_tui.app.moderator import ModeratorApp
from ikm_tui.app.stage.screen import StageScreen
from ikm_tui.domain.config import load_config
from ikm_tui.domain.errors import InputError
from ikm_tui.store.session import Store
from tests.functional.waiting import until

SIZE = (120, 36)


@pytest.fixture
def store(make_event):
    store = Store(load_config(make_event(judges=3, entrants=8, language="id")))
    yield store
    store.close()


def key_bar(app) -> str:
    return str(app.screen.query_one(KeyBar).render())


async def test_keys_and_fkeys_show_in_the_event_language(store):
    async with ModeratorApp(store, poll_seconds=0.02).run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = key_bar(pilot.app)
        assert "Mulai/Jeda" in bar and "Panggung" in bar  # a screen key and an F-key
        assert "stage.key" not in bar and "mode." not in bar
        await pilot.press("x")  # a dialog's own keys, translated too
        assert isinstance(pilot.app.screen, ConfirmDialog)
        assert "Ya" in key_bar(pilot.app) and "Tidak" in key_bar(pilot.app)


async def test_another_process_write_arrives_as_a_message(store, other):
    async with ModeratorApp(store, poll_seconds=0.02).run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, StageScreen)
        other.stage.next()
        await until(pilot, lambda: screen.snapshot is not None and screen.snapshot.state.entrant == "E01")


async def test_a_screen_of_another_mode_catches_up_when_shown_not_while_hidden(store, other):
    """A new score on F3 must not also pay for redrawing the stage nobody sees; F1 is up to
    date the moment it is shown again."""
    async with ModeratorApp(store, poll_seconds=0.02).run_test(size=SIZE) as pilot:
        stage = pilot.app.screen
        assert isinstance(stage, StageScreen)
        await pilot.press("f3")
        results = pilot.app.screen
        await until(pilot, lambda: getattr(results, "view", None) is not None)
        other.stage.next()
        other.scores.submit("J1", "E01", {c.id: c.min for c in store.config.criteria})
        scored = lambda: any(r["entrant"] == "E01" and r["judges"] == 1 for r in results.view.rows)  # noqa: E731
        await until(pilot, scored)  # F3 followed at once
        assert stage.snapshot is not None and stage.snapshot.state.entrant is None  # the stage slept
        await pilot.press("f1")
        name = store.config.entrant("E01").name
        await until(pilot, lambda: name in str(stage.query_one("#on-stage-name").render()))


async def test_writes_run_off_the_ui_thread_in_order_and_a_refusal_is_one_message(store):
    told: list[str] = []

    def hook(message) -> None:
        if isinstance(message, Notify):
            told.append(message.notification.message)

    async with ModeratorApp(store, poll_seconds=0.02).run_test(size=SIZE, message_hook=hook) as pilot:
        screen = pilot.app.screen
        ui_thread = threading.get_ident()
        seen: list[tuple[str, bool]] = []

        def step(name: str):
            def do() -> str:
                seen.append((name, threading.get_ident() == ui_thread))
                if name == "refused":
                    raise InputError("E09", "queue.unknown_entrant", entrant="E09")
                return name

            return do

        done: list[str] = []
        for name in ("first", "refused", "third"):
            screen.write(step(name), done.append)
        await until(pilot, lambda: not screen.writing)
        assert seen == [("first", False), ("refused", False), ("third", False)]
        assert done == ["first", "third"]
        await until(pilot, lambda: any(text.startswith("E09") for text in told))


async def test_a_refused_form_keeps_what_was_typed(store):
    async with ModeratorApp(store, poll_seconds=0.02).run_test(size=SIZE) as pilot:

        def refuse(values) -> None:
            raise InputError("form", "queue.unknown_entrant", entrant="E09")

        results: list[object] = []
        form = FormDialog("Judul", "", [Field("reason", "Alasan", "semula")], ok="OK", action=refuse)
        await pilot.app.push_screen(form, results.append)
        await pilot.click("#dialog-ok")
        await until(pilot, lambda: "form" in str(form.query_one("#dialog-error").render()))
        assert form.values() == {"reason": "semula"}
        assert pilot.app.screen is form and results == []
        await pilot.press("escape")
        assert results == [None]
