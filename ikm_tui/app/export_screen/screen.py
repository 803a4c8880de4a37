"""F4 in the moderator console: choose formats and a folder, export, see where the files went.

The files are written in a worker thread, so the console stays live (the stage timer keeps
ticking) while a big workbook or the minutes are built.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.content import Content
from textual.binding import Binding
from textual.containers import Container, Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Header, Input, Label, Static

from ikm_tui.app.backup_line import BackupLine
from ikm_tui.app.export_screen.run import Outcome, run_export
from ikm_tui.app.follow import SessionChanged
from ikm_tui.app.footer import KeyBar
from ikm_tui.app.session_screen import SessionScreen
from ikm_tui.export.formats import WRITERS

FORMATS = ("xlsx", "pdf", "csv", "json", "feedback", "certificates")  # the order staff want them in
# Ticked when the screen opens; the start-ups' files are asked for once, after the event.
CHOSEN_AT_START = ("xlsx", "pdf", "csv", "json")


class ExportScreen(SessionScreen[None]):
    CSS_PATH = "export_screen.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (64, "-wide")]  # narrow: one format a line
    AUTO_FOCUS = "#export-folder"  # type a folder, press Enter; formats are a Shift+Tab away
    BINDINGS = [
        Binding("ctrl+s", "export", "export.binding.run", id="export.run"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.outcome: Outcome | None = None  # the last run's result (tests and the view read it)
        self.running = False

    def compose(self) -> ComposeResult:
        t = self.app.t
        yield Header()
        with VerticalScroll(id="export-body"):
            yield Label(t("export.screen.title"), id="export-title")
            yield Static(id="export-state")
            yield Label(t("export.screen.formats"), classes="export-label")
            with Container(id="export-formats"):
                for fmt in FORMATS:
                    if fmt in WRITERS:
                        yield Checkbox(
                            t(f"export.format.{fmt}"), value=fmt in CHOSEN_AT_START, id=f"format-{fmt}"
                        )
            yield Label(t("export.screen.folder"), classes="export-label")
            with Horizontal(id="export-where"):
                yield Input(str(Path.cwd()), id="export-folder")
                yield Button(t("export.screen.run"), id="export-run", variant="primary")
            yield Static(t("export.screen.idle"), id="export-status")
            yield Static(id="export-files")
        yield BackupLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_state()

    def on_session_changed(self, message: SessionChanged) -> None:
        self.show_state()

    def show_state(self) -> None:
        """Finalised or not, re-read whenever the session changes (cheap: one query)."""
        t = self.app.t
        try:
            locked = self.app.store.results.locked()
        except Exception:  # noqa: BLE001 - an unreachable database shows up when exporting
            return
        state = self.query_one("#export-state", Static)
        state.update(t("export.screen.state_final") if locked else t("export.screen.state_provisional"))
        state.set_class(not locked, "provisional")

    def chosen_formats(self) -> list[str]:
        return [fmt for fmt in FORMATS if fmt in WRITERS and self.query_one(f"#format-{fmt}", Checkbox).value]

    def folder(self) -> Path:
        text = self.query_one("#export-folder", Input).value.strip()
        return Path(text or ".").expanduser()

    def action_export(self) -> None:
        if self.running:
            return
        t = self.app.t
        formats = self.chosen_formats()
        status = self.query_one("#export-status", Static)
        if not formats:
            status.update(t("export.screen.none_chosen"))
            return
        self.running = True
        status.update(t("export.screen.working"))
        self.query_one("#export-run", Button).disabled = True
        self.export_in_background(formats, self.folder())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-run":
            self.action_export()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_export()

    @work(thread=True, exclusive=True, group="export")
    def export_in_background(self, formats: list[str], folder: Path) -> None:
        outcome = run_export(self.app.store, formats, folder, self.app.t)
        self.app.call_from_thread(self.show_outcome, outcome)

    def show_outcome(self, outcome: Outcome) -> None:
        t = self.app.t
        self.outcome = outcome
        self.running = False
        self.query_one("#export-run", Button).disabled = False
        folder = outcome.folder.resolve()
        self.query_one("#export-status", Static).update(
            Text(t("export.screen.done", count=len(outcome.written), folder=folder))
        )
        lines: list[Content] = []  # theme colours, so a light or high-contrast theme holds
        for fmt, path in outcome.written:
            what = f"{fmt:<5} {_size(path):>7}"
            lines.append(
                Content.from_markup("[$success bold]✓[/] [bold]$what[/]  $name", what=what, name=path.name)
            )
        for fmt, detail in outcome.failed:
            text = t("export.screen.failed", fmt=fmt, detail=detail) if fmt else detail
            lines.append(Content.from_markup("[$error bold]✗[/] $text", text=text))
        if outcome.digest:
            digest = t("export.pdf.digest", digest=outcome.digest)
            lines.append(Content.from_markup("[$text-muted]$digest[/]", digest=digest))
        self.query_one("#export-files", Static).update(Content("\n").join(lines))


def _size(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError:
        return "?"
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1000:.0f} kB" if size >= 1000 else f"{size} B"
