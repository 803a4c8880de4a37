"""The day's queue as a table: order, entrant, status (a no-show says what happens next), overtime.

Rows are keyed by entrant id; the cursor stays on the same entrant when the table refreshes,
so a judge's submission arriving mid-keystroke never moves the moderator's selection. With a
``[schedule]`` the table also shows each entrant's planned time and the day's breaks as rows of
their own (keyed ``break:…``, never a target of a queue action).

The columns are fitted to the table's width (``column_fit``) each time it is drawn and when the
window is resized. The moderator needs the entrant's code, name and status on every screen; the
planned time and any overtime next; the running number, business and category only where there
is room (:data:`GRANTS`). A name too long for a narrow screen wraps onto a second line rather
than being cut, and business and category shrink with an ellipsis or go.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events, getters
from textual.widgets import DataTable

from ikm_tui.app.session_app import SessionApp
from ikm_tui.app.column_fit import LEAST, NATURAL, Grant, Want, fit, two_line_width
from ikm_tui.domain import queue_rules as rules
from ikm_tui.domain.queue_rules import Lineup
from ikm_tui.domain.schedule import Slot
from ikm_tui.domain.schedule_config import clock_text
from ikm_tui.domain.timer import overtime_text
from ikm_tui.i18n.queue_words import status_text

COLUMNS = ("order", "planned", "entrant", "name", "status", "overtime", "business", "category")
WRAPPING = ("name", "status")  # a row grows a line rather than cut these
SHORTENED = ("business", "category")  # these end in "…" instead
BREAK_KEY = "break:"
GRANTS: tuple[Grant, ...] = (
    ("entrant", NATURAL),
    ("name", LEAST),
    ("status", LEAST),
    ("planned", LEAST),
    ("overtime", LEAST),
    ("name", NATURAL),  # the name gets the free width before the extras come back
    ("status", NATURAL),
    ("planned", NATURAL),
    ("overtime", NATURAL),
    ("order", NATURAL),
    ("business", LEAST),
    ("category", LEAST),
    ("business", NATURAL),
    ("category", NATURAL),
)
REQUIRED = ("entrant", "name", "status")  # drawn even when nothing fits


@dataclass(frozen=True)
class Shown:
    """What the table shows, kept so a resize can draw it again at the new width."""

    lineup: Lineup
    day: int
    plan: list[Slot] | None


class QueueTable(DataTable):
    app = getters.app(SessionApp)

    def __init__(self, *, expected_width: Callable[[], int] | None = None, **kwargs) -> None:
        """``expected_width``: the width the columns will have once laid out, worked out from
        the terminal's, so the rows filled at mount are fitted once (see :meth:`_inner_width`)."""
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.columns_shown: tuple[str, ...] = ()
        self.shown: Shown | None = None
        self.laid_out_for = 0  # the width the columns were last fitted to
        self.expected_width = expected_width

    @property
    def selected(self) -> str | None:
        """The highlighted entrant (None on a break row)."""
        key = self._cursor_key()
        return None if key is None or key.startswith(BREAK_KEY) else key

    def _cursor_key(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def on_resize(self, event: events.Resize) -> None:
        if self.shown is not None and self._inner_width() != self.laid_out_for:
            self.show(self.shown.lineup, self.shown.day, plan=self.shown.plan)

    def show(
        self, lineup: Lineup, day: int, focus_on: str | None = None, plan: list[Slot] | None = None
    ) -> None:
        """Rebuild for ``day``; keep the cursor on its entrant unless ``focus_on`` says where.
        ``plan`` (the day's slots, with a schedule) adds planned times and break rows."""
        self.shown = Shown(lineup, day, plan)
        keep = focus_on or self._cursor_key()
        rows = self._rows(lineup, day, plan)
        self.laid_out_for = self._inner_width()
        widths = fit(self._wants(rows), self.laid_out_for, 2 * self.cell_padding, GRANTS, REQUIRED)
        self.columns_shown = tuple(c for c in COLUMNS if c in widths)
        with self.app.batch_update():
            self.clear(columns=True)
            for column in self.columns_shown:
                self.add_column(self._label(column, widths[column]), width=widths[column], key=column)
            for key, cells in rows:
                fits = all(cell_len(cells[c]) <= widths[c] for c in WRAPPING)
                self.add_row(
                    *(self._cell(c, cells[c]) for c in self.columns_shown),
                    key=key,
                    height=1 if fits else None,
                )
            keys = [key for key, _cells in rows]
            if keep in keys:
                self.move_cursor(row=keys.index(keep), animate=False)

    def _inner_width(self) -> int:
        """The width for the columns, less a vertical scrollbar's (kept free so the columns
        do not jump when the queue grows longer than the screen).

        Before the first layout (rows filled at mount) the table has no width yet: the expected
        one is used. Fitted to none, every name would wrap and each row be measured, and the
        first Resize would build the whole table again (most of the console's first frame)."""
        width = self.size.width
        if not width and self.expected_width is not None:
            width = self.expected_width()
        return max(0, width - self.styles.scrollbar_size_vertical)

    def _rows(self, lineup: Lineup, day: int, plan: list[Slot] | None) -> list[tuple[str, dict[str, str]]]:
        """Each row's key and cells by column, entrants in order with the breaks between them."""
        config, t = self.app.config, self.app.t
        planned = {s.entrant: s.start for s in plan or [] if s.entrant}
        breaks = [s for s in plan or [] if s.is_break]
        rows: list[tuple[str, dict[str, str]]] = []
        for order, entry in enumerate(rules.day_order(lineup, day), 1):
            while breaks and entry.entrant in planned and breaks[0].start <= planned[entry.entrant]:
                rows.append(self._break_row(breaks.pop(0)))
            who = config.entrant(entry.entrant)
            start = planned.get(entry.entrant)
            cells = {
                "order": str(order),
                "planned": clock_text(start) if start is not None else "",
                "entrant": entry.entrant,
                "status": status_text(t, entry),
                "overtime": overtime_text(entry.overtime_ms / 1000),
                "name": who.name,
                "business": who.business,
                "category": config.category(who.category).name,
            }
            rows.append((entry.entrant, cells))
        rows.extend(self._break_row(pause) for pause in breaks)
        return rows

    def _break_row(self, pause: Slot) -> tuple[str, dict[str, str]]:
        text = self.app.t(
            "schedule.break_row", label=pause.label, start=clock_text(pause.start), end=clock_text(pause.end)
        )
        cells = dict.fromkeys(COLUMNS, "")
        cells["planned"], cells["name"] = clock_text(pause.start), text
        return f"{BREAK_KEY}{pause.start:g}", cells

    def _wants(self, rows: list[tuple[str, dict[str, str]]]) -> dict[str, Want]:
        """Each column's widths, from its cells and headers; planned and overtime only when
        they hold something (no ``[schedule]``, nobody over time: no column)."""
        wants: dict[str, Want] = {}
        for column in COLUMNS:
            widest = max((cell_len(cells[column]) for _key, cells in rows), default=0)
            if column in ("planned", "overtime") and widest == 0:
                continue
            label, short = (cell_len(text) for text in self._labels(column))
            natural = max(widest, label)
            if column in ("planned", "overtime"):
                wants[column] = Want(natural, max(widest, short))
            elif column in WRAPPING:  # at worst two lines a row
                texts = [cells[column] for _key, cells in rows]
                wants[column] = Want(natural, min(natural, max(label, two_line_width(texts))), True)
            elif column in SHORTENED:
                wants[column] = Want(natural, min(natural, max(label, 12)), True)
            else:
                wants[column] = Want(natural, natural)
        return wants

    def _labels(self, column: str) -> tuple[str, str]:
        """The column's header, and the shorter one for a narrow column."""
        t = self.app.t
        keys = {
            "order": ("stage.col.order",) * 2,
            "planned": ("schedule.col.planned", "schedule.col.planned_short"),
            "entrant": ("col.entrant",) * 2,
            "name": ("col.name",) * 2,
            "status": ("col.status",) * 2,
            "overtime": ("stage.col.overtime", "stage.col.overtime_short"),
            "business": ("col.business",) * 2,
            "category": ("col.category",) * 2,
        }[column]
        return t(keys[0]), t(keys[1])

    def _label(self, column: str, width: int) -> str:
        label, short = self._labels(column)
        return label if cell_len(label) <= width else short

    @staticmethod
    def _cell(column: str, text: str) -> str | Text:
        return Text(text, no_wrap=True, overflow="ellipsis") if column in SHORTENED else text
