"""The day's queue as a table: order, entrant, status (with where a no-show goes next), overtime.

Rows are keyed by entrant id; the cursor stays on the same entrant when the table refreshes,
so a judge's submission arriving mid-keystroke never moves the moderator's selection.
"""

from __future__ import annotations

from textual import getters
from textual.widgets import DataTable

from ikm_tui.app.session_app import SessionApp
from ikm_tui.domain import queue_rules as rules
from ikm_tui.domain.queue_rules import Entry, Lineup
from ikm_tui.domain.timer import overtime_text
from ikm_tui.i18n.queue_words import status_text

COLUMNS = ("order", "entrant", "status", "overtime", "name", "business", "category")


class QueueTable(DataTable):
    app = getters.app(SessionApp)

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)

    def on_mount(self) -> None:
        t = self.app.t
        labels = {
            "order": t("stage.col.order"),
            "entrant": t("col.entrant"),
            "name": t("col.name"),
            "status": t("col.status"),
            "overtime": t("stage.col.overtime"),
            "business": t("col.business"),
            "category": t("col.category"),
        }
        for column in COLUMNS:
            self.add_column(labels[column], key=column)

    @property
    def selected(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def show(self, lineup: Lineup, day: int, focus_on: str | None = None) -> None:
        """Rebuild for ``day``; keep the cursor on its entrant unless ``focus_on`` says where."""
        keep = focus_on or self.selected
        entries = rules.day_order(lineup, day)
        with self.app.batch_update():
            self.clear()
            for order, entry in enumerate(entries, 1):
                self.add_row(*self._cells(order, entry), key=entry.entrant)
            keys = [e.entrant for e in entries]
            if keep in keys:
                self.move_cursor(row=keys.index(keep), animate=False)

    def _cells(self, order: int, entry: Entry) -> list[str]:
        config, t = self.app.config, self.app.t
        who = config.entrant(entry.entrant)
        return [
            str(order),
            entry.entrant,
            status_text(t, entry, len(config.event.days)),
            overtime_text(entry.overtime_ms / 1000),
            who.name,
            who.business,
            config.category(who.category).name,
        ]
