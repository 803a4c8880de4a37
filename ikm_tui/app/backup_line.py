"""One line on every moderator screen: when the session was last copied off the laptop, and
where — or, in amber, which backup folder is missing, full or failing, and since when."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters
from textual.content import Content
from textual.widgets import Static

from ikm_tui.app.session_app import SessionApp
from ikm_tui.app.text_update import set_text
from ikm_tui.i18n import Messages

if TYPE_CHECKING:  # the service itself is imported after the console's first frame
    from ikm_tui.backup.service import TargetStatus


class BackupLine(Static):
    app = getters.app(SessionApp)

    DEFAULT_CSS = """
    BackupLine {
        height: 1;
        width: 1fr;
        padding: 0 1;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    BackupLine.-problem {
        color: $warning;
        text-style: bold;
    }
    """

    def on_mount(self) -> None:
        watch = getattr(self.app, "backup", None)  # only the moderator console backs up
        if watch is None or not watch.configured:
            self.display = False
            return
        watch.signal.subscribe(self, self.show)
        self.show(list(watch.statuses.values()))

    def show(self, statuses: list[TargetStatus]) -> None:
        text, problem = describe(statuses, self.app.t)
        self.set_class(problem, "-problem")
        set_text(self, Content(text), layout=False)  # one line, whatever it says (CSS above)


def describe(statuses: list[TargetStatus], t: Messages) -> tuple[str, bool]:
    """The line's text, and whether it is a warning."""
    good = [s for s in statuses if s.ok]
    bad = [s for s in statuses if s.state not in ("ok", "waiting")]
    waiting = [s for s in statuses if s.state == "waiting"]
    ok_part = ""
    if good:
        oldest = min(s.copied_at for s in good if s.copied_at)
        ok_part = _folders(good)
        ok_time = oldest.strftime("%H:%M:%S")
    if bad:
        parts = []
        for status in bad:
            last = status.copied_at.strftime("%H:%M:%S") if status.copied_at else t("backup.line.never")
            problem = t(f"backup.problem.{status.state}", detail=status.detail)
            parts.append(t("backup.line.problem", folder=status.folder, problem=problem, last=last))
        if good:
            parts.append(t("backup.line.also_ok", time=ok_time, folders=ok_part))
        return " ".join(parts), True
    if good and not waiting:
        return t("backup.line.ok", time=ok_time, folders=ok_part), False
    return t("backup.line.waiting", folders=_folders(waiting or statuses)), False


def _folders(statuses: list[TargetStatus]) -> str:
    return " ✓ ".join(str(s.folder) for s in statuses)
