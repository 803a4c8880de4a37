"""The moderator console: one app, one mode per area, switched with the F-keys.

Each area is a screen in its own package (``stage/``, ``progress/``, ``results/``,
``export_screen/``) so they can grow without stepping on each other.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import UnknownModeError
from textual.binding import Binding, BindingType
from textual.screen import Screen

from ikm_tui.app.backup_watch import BackupReport, BackupWatch
from ikm_tui.app.session_app import THEME_CSS, SessionApp
from ikm_tui.app.stage.projector import STAGE_CSS
from ikm_tui.app.stage.screen import StageScreen

if TYPE_CHECKING:
    from ikm_tui.cli.context import Context
    from ikm_tui.store.session import Store


def _progress_screen() -> Screen[None]:
    """F2-F4 are imported on first use: the console's first frame needs only the stage."""
    from ikm_tui.app.progress.screen import ProgressScreen

    return ProgressScreen()


def _results_screen() -> Screen[None]:
    from ikm_tui.app.results.screen import ResultsScreen

    return ResultsScreen()


def _export_screen() -> Screen[None]:
    from ikm_tui.app.export_screen.screen import ExportScreen

    return ExportScreen()


class ModeratorApp(SessionApp):
    CSS_PATH = [THEME_CSS, STAGE_CSS]  # the stage is not mounted as a mode's screen (see get_default_screen)
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        # "stage" is added once the stage exists (see get_default_screen)
        "progress": _progress_screen,
        "results": _results_screen,
        "export": _export_screen,
    }
    DEFAULT_MODE = "stage"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "switch_mode('stage')", "mode.stage", id="mode.stage"),
        Binding("f2", "switch_mode('progress')", "mode.progress", id="mode.progress"),
        Binding("f3", "switch_mode('results')", "mode.results", id="mode.results"),
        Binding("f4", "switch_mode('export')", "mode.export", id="mode.export"),
        Binding("ctrl+q", "quit", "app.key.quit", id="app.quit", priority=True),
    ]
    BUILT_AHEAD = ("progress", "results", "export")
    """Screens the preload builds behind the stage, so that their first key only shows them:
    building one on its key cost F2 ~250 ms, most of it Textual re-reading every stylesheet
    for the new screen's CSS."""
    PRELOAD_SECONDS = 0.5
    """After the first frame, the F2-F4 code is loaded while the moderator reads the stage, so
    the first F-key press does not wait for imports either."""

    def get_default_screen(self) -> Screen[Any]:
        """The stage, made as the app's first screen rather than as a mode's: Textual mounts a
        mode's first screen inside its start-up batch, so the stage's first frame was drawn and
        thrown away (~40 ms of the first frame). ``on_mount`` then names it the "stage" mode.
        Textual loads a mode's screen CSS, not the default screen's: the app loads stage.tcss."""
        return StageScreen()

    def on_mount(self) -> None:
        # Textual runs every class's on_mount along the MRO: SessionApp's runs without super()
        self.add_mode("stage", StageScreen)  # F1: the stage made at start (its stack exists)
        self.set_timer(self.PRELOAD_SECONDS, self._preload_screens)
        self.call_after_refresh(self.backup.start)  # no disk work before the first frame
        self.call_after_refresh(gc.enable)  # `ikm-tui` paused the collector for the start-up
        if self.ask_who is None:
            self.offer_review()
        else:
            # the stage's first frame, then the question: pushed at once, the dialog's own
            # styles and a second, dimmed drawing of the stage held the first frame back by
            # ~100 ms. Keys typed meanwhile are held for the dialog (see on_event).
            self.call_after_refresh(self._ask_who)

    def __init__(
        self, store: Store, *, ask_who: str | None = None, poll_seconds: float | None = None
    ) -> None:
        """``ask_who``: first ask who is at the keyboard, offering this name."""
        super().__init__(store, poll_seconds=poll_seconds)
        self.ask_who = ask_who
        self.backup = BackupWatch(self)
        self.held_keys: list[events.Key | events.Paste] | None = [] if ask_who is not None else None
        """Keys (and pastes) typed before the opening question is on screen, in order: they
        belong to the question, never to the stage's one-key actions (``n``, ``x``, ``w`` …)."""

    async def on_event(self, event: events.Event) -> None:
        if (
            self.held_keys is not None
            and isinstance(event, (events.Key, events.Paste))
            and not event.is_forwarded
        ):
            self.held_keys.append(event)
            return
        await super().on_event(event)

    def _ask_who(self) -> None:
        from ikm_tui.app.record_dialogs import WhoDialog  # after the first frame, like the question

        if self.ask_who is not None:
            self.push_screen(WhoDialog(self.ask_who, on_ready=self._release_held_keys), self._at_the_keyboard)

    def _release_held_keys(self) -> None:
        """The question has its input focused: what was typed ahead is typed into it now."""
        held, self.held_keys = self.held_keys or [], None
        for event in held:
            again = (
                events.Key(event.key, event.character)
                if isinstance(event, events.Key)
                else events.Paste(event.text)
            )
            # as from the terminal: a key sent by the dialog would stop bubbling at the dialog,
            # before Enter reaches the input's binding
            again.set_sender(self)
            self.post_message(again)

    def _at_the_keyboard(self, name: str | None) -> None:
        if name:
            self.actor = name
        self.offer_review()

    def offer_review(self) -> None:
        """config.toml differs from the record: show the amendment before anything else."""
        if self.store.pending():
            from ikm_tui.app.record_dialogs import ReviewDialog

            self.push_screen(ReviewDialog(), lambda _applied: self.session_changed())

    def on_unmount(self) -> None:
        self.backup.stop()

    def _preload_screens(self) -> None:
        """Load the F2-F4 code, and build those screens behind the screen in use: their first
        key then only shows them (the leaderboard reads its data when first shown; see
        ResultsScreen)."""
        if not self.is_running:  # closing already: building screens now races the shutdown
            return
        _import_screens()
        current = self.current_mode
        try:
            with self.batch_update():  # nothing of the round trip reaches the terminal
                for mode in self.BUILT_AHEAD:
                    if not self.built(mode):
                        self.switch_mode(mode)
                self.switch_mode(current)
        except UnknownModeError:
            return  # the console is closing (its modes are gone): nothing to build for
        # the start-up's garbage, now, while the moderator reads the stage; what is left lives
        # all day, and no later full pass need walk it (see app/idle_gc.py)
        gc.collect()
        gc.freeze()

    def built(self, mode: str) -> bool:
        """The mode's screen exists (built ahead, or the moderator pressed its key first)."""
        try:
            self.get_screen_stack(mode)
        except KeyError:
            return False
        return True

    def on_backup_report(self, message: BackupReport) -> None:
        self.backup.show(message.status)


def _import_screens() -> None:
    import ikm_tui.app.export_screen.screen
    import ikm_tui.app.progress.screen
    import ikm_tui.app.results.screen  # noqa: F401


def run_moderator(ctx: Context) -> int:
    ModeratorApp(ctx.store(), ask_who=ctx.actor).run()
    return 0
