"""The one base of every ikm-tui screen (and dialog): typed app, translated keys, the session
as a message, and store writes off the UI thread with one error path.

A screen built on it:

* reaches ``self.app.store`` / ``.config`` / ``.t`` typed (``getters.app``);
* shows its bindings in the event's language (``active_bindings``, Textual's public read path);
* gets ``on_session_changed(message)`` whenever any process changes the session (set
  ``FOLLOW_SESSION = False`` for screens that do not care) — while it is on screen; a screen
  of another mode (F1-F4) gets the newest change it missed when it is shown again;
* writes through :meth:`SessionScreen.write`: the store call runs in a worker thread (it may wait
  on another process's lock, or hash a code) in the order asked; success publishes the change
  to every screen, posts :class:`Saved`, then calls ``then``; a refusal or an unreachable
  database is told to the user through :meth:`write_failed` — nothing typed is touched.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from textual import getters, work
from textual.binding import ActiveBinding
from textual.message import Message
from textual.screen import ModalScreen, Screen, ScreenResultType

from ikm_tui.app.follow import SessionChanged, SessionEvent
from ikm_tui.app.keys import translate_active
from ikm_tui.app.session_app import SessionApp
from ikm_tui.domain.errors import InputError
from ikm_tui.store.database import StoreUnavailable

T = TypeVar("T")

WRITES = "session-write"
"""The worker group of every store write a screen makes."""


@dataclass
class _Write(Generic[T]):
    do: Callable[[], T]
    then: Callable[[T], object] | None
    failed: Callable[[str], None] | None


class Saved(Message):
    """A store write of this screen is durable; ``result`` is what the store returned."""

    def __init__(self, result: object) -> None:
        super().__init__()
        self.result = result


class SessionScreen(Screen[ScreenResultType]):
    app = getters.app(SessionApp)

    FOLLOW_SESSION: ClassVar[bool] = True
    """Subscribe to :class:`SessionChanged` on mount."""

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._writes: deque[_Write[Any]] = deque()
        self._writing = False
        self._missed: SessionEvent | None = None  # the newest change while another mode was shown

    def on_mount(self) -> None:
        # Textual calls every class's on_mount along the MRO: subclasses need no super() call.
        if self.FOLLOW_SESSION:
            self.app.session_signal.unsubscribe(self)  # at most one subscription
            self.app.session_signal.subscribe(self, self._session_moved, immediate=True)

    @property
    def shown(self) -> bool:
        """On screen: in the current mode's stack (a screen under a dialog is seen, dimmed)."""
        return self in self.app.screen_stack

    def _session_moved(self, event: SessionEvent) -> None:
        """A screen of another mode catches up when shown, not on every change: nobody sees
        it meanwhile, and its refresh would stall the screen in use (the stage's queue cost
        F3 several milliseconds of every new score)."""
        if self.shown:
            self.post_message(SessionChanged(event))
        else:
            self._missed = event

    def on_screen_resume(self) -> None:
        # the top screen resumes (a mode switch, a dialog closing): whatever it shows catches up
        for screen in self.app.screen_stack:
            if isinstance(screen, SessionScreen) and screen._missed is not None:
                event, screen._missed = screen._missed, None
                screen.post_message(SessionChanged(event))

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys shown in the key bar and help panel, labelled in the event's language."""
        return translate_active(super().active_bindings, self.app.t)

    def on_session_changed(self, message: SessionChanged) -> None:
        """Override to refresh; the base does nothing."""

    # -- writing ---------------------------------------------------------------------------

    @property
    def writing(self) -> bool:
        """A write of this screen is running or waiting its turn."""
        return self._writing or bool(self._writes)

    def write(
        self,
        do: Callable[[], T],
        then: Callable[[T], object] | None = None,
        *,
        failed: Callable[[str], None] | None = None,
    ) -> None:
        """Run ``do`` (one store call) in a worker thread, after any earlier write of this screen.

        ``then(result)`` runs on the UI thread once it is durable; ``failed(message)`` (default:
        :meth:`write_failed`) if the store refused or could not be reached.
        """
        self._writes.append(_Write(do, then, failed))
        if not self._writing:
            self._next_write()

    def problem_text(self, exc: InputError | StoreUnavailable) -> str:
        """A refusal as people read it: the session database is named by no file path (a
        judge must never see one); a file or line the user handed us still is."""
        if isinstance(exc, StoreUnavailable) or exc.place == str(self.app.store.path):
            return self.app.t(exc.code, **exc.params)
        return exc.render(self.app.t)

    def write_failed(self, message: str) -> None:
        """The one way a refused write is told: a notification; the screen keeps its values."""
        self.notify(message, severity="error", timeout=8)

    def _next_write(self) -> None:
        if not self._writes:
            self._writing = False
            return
        self._writing = True
        self._run_write(self._writes.popleft())

    @work(thread=True, group=WRITES)
    def _run_write(self, job: _Write[Any]) -> None:
        try:
            result = job.do()
        except (InputError, StoreUnavailable) as exc:
            self.app.call_from_thread(self._write_done, job, None, exc)
        except Exception as exc:  # noqa: BLE001 - the user sees a message, never a traceback
            self.app.call_from_thread(self._write_done, job, None, f"{type(exc).__name__}: {exc}")
        else:
            self.app.call_from_thread(self._write_done, job, result, None)

    def _write_done(
        self, job: _Write[Any], result: object, problem: InputError | StoreUnavailable | str | None
    ) -> None:
        try:
            if problem is not None:
                text = problem if isinstance(problem, str) else self.problem_text(problem)
                (job.failed or self.write_failed)(text)
            else:
                self.app.session_changed()
                self.post_message(Saved(result))
                if job.then is not None:
                    job.then(result)
        finally:
            self._next_write()


class SessionModal(SessionScreen[ScreenResultType], ModalScreen[ScreenResultType]):
    """A dialog over a session screen: same base, dims what is under it, takes the keys."""

    # ModalScreen's look, restated: through SessionScreen, Screen's opaque background would win.
    DEFAULT_CSS = """
    SessionModal {
        layout: vertical;
        overflow-y: auto;
        background: $background 60%;
        &:ansi {
            background: transparent;
        }
    }
    """
    FOLLOW_SESSION = False
