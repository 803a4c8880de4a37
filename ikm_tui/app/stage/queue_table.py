"""The day's queue as a table: order, entrant, status (a no-show says what happens next), overtime.

Rows are keyed by entrant id; the cursor stays on the same entrant when the table refreshes,
so a judge's submission arriving mid-keystroke never moves the moderator's selection. With a
``[schedule]`` the table also shows each entrant's planned time and the day's breaks as rows of
their own (keyed ``break:…``, never a target of a queue action).
"""

from __future__ import annotations

from textual import getters
from textual.widgets import DataTable

from ikm_tui.app.session_app import SessionApp
from ikm_tui.domain import queue_rules as rules
from ikm_tui.domain.queue_rules import Entry, Lineup
from ikm_tui.domain.schedule import Slot
from ikm_tui.domain.schedule_config import clock_text
from ikm_tui.domain.timer import overtime_text
from ikm_tui.i18n.queue_words import status_text

COLUMNS = ("order", "entrant", "status", "overtime", "name", "business", "category")
BREAK_KEY = "break:"


class QueueTable(DataTable):
    app = getters.app(SessionApp)

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.columns_shown: tuple[str, ...] = COLUMNS

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
            "planned": t("schedule.col.planned"),
        }
        if self.app.config.schedule is not None:
            self.columns_shown = ("order", "planned") + COLUMNS[1:]
        for column in self.columns_shown:
            self.add_column(labels[column], key=column)

    @property
    def selected(self) -> str | None:
        """The highlighted entrant (None on a break row)."""
        key = self._cursor_key()
        return None if key is None or key.startswith(BREAK_KEY) else key

    def _cursor_key(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def show(
        self, lineup: Lineup, day: int, focus_on: str | None = None, plan: list[Slot] | None = None
    ) -> None:
        """Rebuild for ``day``; keep the cursor on its entrant unless ``focus_on`` says where.
        ``plan`` (the day's slots, with a schedule) adds planned times and break rows."""
        keep = focus_on or self._cursor_key()
        entries = rules.day_order(lineup, day)
        planned = {s.entrant: s.start for s in plan or [] if s.entrant}
        breaks = [s for s in plan or [] if s.is_break]
        keys: list[str] = []
        with self.app.batch_update():
            self.clear()
            for order, entry in enumerate(entries, 1):
                while breaks and entry.entrant in planned and breaks[0].start <= planned[entry.entrant]:
                    keys.append(self._add_break(breaks.pop(0)))
                self.add_row(*self._cells(order, entry, planned.get(entry.entrant)), key=entry.entrant)
                keys.append(entry.entrant)
            for pause in breaks:
                keys.append(self._add_break(pause))
            if keep in keys:
                self.move_cursor(row=keys.index(keep), animate=False)

    def _add_break(self, pause: Slot) -> str:
        key = f"{BREAK_KEY}{pause.start:g}"
        text = self.app.t(
            "schedule.break_row", label=pause.label, start=clock_text(pause.start), end=clock_text(pause.end)
        )
        cells = {column: "" for column in self.columns_shown}
        cells["planned"], cells["name"] = clock_text(pause.start), text
        self.add_row(*(cells[c] for c in self.columns_shown), key=key)
        return key

    def _cells(self, order: int, entry: Entry, planned: float | None = None) -> list[str]:
        config, t = self.app.config, self.app.t
        who = config.entrant(entry.entrant)
        cells = {
            "order": str(order),
            "planned": clock_text(planned) if planned is not None else "",
            "entrant": entry.entrant,
            "status": status_text(t, entry),
            "overtime": overtime_text(entry.overtime_ms / 1000),
            "name": who.name,
            "business": who.business,
            "category": config.category(who.category).name,
        }
        return [cells[c] for c in self.columns_shown]
