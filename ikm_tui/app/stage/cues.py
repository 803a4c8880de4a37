"""The moderator's cues from the stage console: ``+``/``-`` a minute, notes to the presenter.

Each is one audited store action (the same as ``ikm-tui stage``); the board follows it through
the session like any other change. The number keys send the ready-made notes, ``m`` a typed
one, ``0`` takes the note down; calling the next entrant clears it too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from ikm_tui.i18n.cue_words import PRESETS, preset_text
from ikm_tui.store.stage import StageState

if TYPE_CHECKING:
    from ikm_tui.app.session_app import SessionApp

MINUTE_S = 60

CUE_BINDINGS = [
    Binding("plus,equals_sign", "adjust(1)", "cue.key.plus", key_display="+", id="stage.plus"),
    Binding("minus", "adjust(-1)", "cue.key.minus", key_display="-", id="stage.minus"),
    Binding("1", "preset(1)", "cue.key.presets", key_display=f"1–{PRESETS}", id="stage.preset"),
    *(Binding(str(n), f"preset({n})", "", show=False, id=f"stage.preset{n}") for n in range(2, PRESETS + 1)),
    Binding("m", "write_message", "cue.key.write", id="stage.write_message"),
    Binding("0", "clear_message", "cue.key.clear", id="stage.clear_message"),
]


class StageCues:
    """Actions of the stage screen's cue keys (mixed into :class:`StageScreen`)."""

    app: SessionApp
    notify: Callable[..., Any]
    stage_write: Callable[..., None]

    def action_adjust(self, minutes: int) -> None:
        t, stage = self.app.t, self.app.store.stage

        def told(state: StageState) -> None:
            sign = "+" if minutes > 0 else "−"
            phase = t(f"stage.phase.{state.clock.phase}")
            self.notify(t("cue.adjusted", sign=sign, minutes=abs(minutes), phase=phase))

        self.stage_write(lambda: stage.adjust_time(minutes * MINUTE_S, actor=self.app.actor), after=told)

    def action_preset(self, number: int) -> None:
        self._send(preset_text(self.app.t, number))

    def action_clear_message(self) -> None:
        self._send("")

    def action_write_message(self) -> None:
        from ikm_tui.app.dialogs import Field, FormDialog  # not needed for the console's first frame

        t = self.app.t
        field = Field("message", "", required=t("cue.dialog.empty"))

        def send(values: dict[str, str]) -> StageState:
            return self.app.store.stage.set_message(values["message"], actor=self.app.actor)

        self.app.push_screen(
            FormDialog(
                t("cue.dialog.title"), t("cue.dialog.body"), [field], ok=t("cue.dialog.ok"), action=send
            ),
            lambda sent: self._told(sent) if isinstance(sent, StageState) else None,
        )

    def _send(self, text: str) -> None:
        self.stage_write(
            lambda: self.app.store.stage.set_message(text, actor=self.app.actor), after=self._told
        )

    def _told(self, state: StageState) -> None:
        t = self.app.t
        self.notify(t("cue.sent", text=state.message) if state.message else t("cue.cleared"))
