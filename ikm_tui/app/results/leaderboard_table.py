"""The leaderboard as a lean Line-API table: only rows on screen are drawn, only changed rows rebuilt.

Scores arrive while the moderator reads. Textual's ``DataTable`` re-renders every visible line
for any cell update and re-sorts and re-measures every row on a reorder, which costs tens of
milliseconds at 30 entrants and a quarter of a second at 10,000. This table keeps the rows in
the engine's order as plain dicts, renders a row's two lines once per change (cached by the
row dict's identity, which the live reader keeps for unchanged entrants), and repaints only the
lines on screen that changed.

Where the highlight goes when the ranking moves (issue 16): while the moderator is navigating,
it stays on the entrant they picked; otherwise it holds its *place* (rank 1 stays highlighted
as the leaders change), and after :data:`IDLE_SECONDS` without a key it returns to the top, so
the prize places are on screen for the panel. ``Home`` and ``End`` jump to either end.
"""

from __future__ import annotations

import time
from fractions import Fraction
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, getters
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from ikm_tui.app.column_fit import NATURAL, LEAST, Grant, Want, fit
from ikm_tui.app.session_app import SessionApp

Row = dict[str, Any]

BAR_WIDTH = 12
BAR_MIN_WIDTH = 6  # "100,00" above it
EIGHTHS = " ▏▎▍▌▋▊▉"
COLUMNS = ("rank", "entrant", "total", "status", "prize")
STATUS_KEYS = tuple(
    f"status.{s}" for s in ("complete", "incomplete", "tie", "not_scored", "forfeit", "withdrawn")
)
NAME_MIN_WIDTH = 22
NAME_MAX_WIDTH = 60
GAP = 2
# Who gets width first (column_fit): the name before a full-length bar, so at 80 columns
# "E03 Rizky Ramadhan Nasution" is whole and the bar is a little shorter.
# On a phone-sized console the status goes before the prize does.
GRANTS: tuple[Grant, ...] = (
    ("rank", NATURAL),
    ("entrant", LEAST),
    ("total", LEAST),
    ("prize", NATURAL),
    ("status", NATURAL),
    ("entrant", NATURAL),
    ("total", NATURAL),
)
REQUIRED = ("rank", "entrant", "total", "prize")
ROW_HEIGHT = 2
CELLS_KEPT = 4096
"""Drawn cells kept for reuse (a few per entrant on screen; forgotten all at once past this)."""
IDLE_SECONDS = 20.0
"""After this long without a navigation key the highlight goes back to rank 1."""


def bar(total: str | None, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of ``total`` out of 100 in eighths of a cell, so gaps are seen."""
    if total is None:
        return ""
    eighths = int(Fraction(total) / 100 * width * 8)
    full, part = divmod(max(0, min(eighths, width * 8)), 8)
    return "█" * full + (EIGHTHS[part] if part else "")


class LeaderboardTable(ScrollView, can_focus=True):
    app = getters.app(SessionApp)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "to_end(False)", show=False),
        Binding("end", "to_end(True)", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "leaderboard--header",
        "leaderboard--cursor",
        "leaderboard--tier-1",
        "leaderboard--tier-2",
        "leaderboard--tier-3",
        "leaderboard--muted",
        "leaderboard--tie",
    }
    DEFAULT_CSS = """
    LeaderboardTable > .leaderboard--header { text-style: bold; }
    LeaderboardTable:focus > .leaderboard--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    LeaderboardTable > .leaderboard--cursor { background: $block-cursor-blurred-background; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rows: list[Row] = []
        self.order: list[str] = []
        self.index: dict[str, int] = {}
        self.cursor_row = 0
        self.changed: set[str] = set()  # entrants whose row was rebuilt by the last show()
        self._tiers: dict[str, int] = {}
        self._navigated_at = float("-inf")
        self._idle_timer: Timer | None = None
        self._lines: dict[str, tuple[int, int, tuple[Strip, Strip]]] = {}  # entrant -> (id, width, lines)
        self._header: tuple[int, Strip] | None = None
        self._widths_for: tuple[int, dict[str, int]] | None = None  # the width fitted last
        # Styles looked up once, not per row: each lookup walks the CSS (a third of a row's cost)
        self._looks: tuple[Style, dict[str | None, Style], Style] | None = None  # base, cells, cursor
        self._cells: dict[tuple, list[Segment]] = {}  # one cell's line, drawn, by what it shows

    # -- data ------------------------------------------------------------------------------

    def show(self, rows: list[Row], tiers: dict[str, int]) -> None:
        """Make the table show ``rows`` in this order, repainting only lines that changed.

        A row dict that is the very object shown last time is unchanged (the live reader reuses
        them), so at 10,000 entrants only the few rows a new score moved are rebuilt.
        """
        if tiers != self._tiers:
            self._tiers = dict(tiers)
            self._forget_drawn()
        keep = self.cursor_entrant() if self.navigating() else None
        before, cursor_before = self.rows, self.cursor_row
        self.rows = rows
        self.order = [row["entrant"] for row in rows]
        self.index = {entrant: i for i, entrant in enumerate(self.order)}
        self.changed = {
            row["entrant"]
            for row in rows
            if (cached := self._lines.get(row["entrant"])) is None or cached[0] != id(row)
        }
        if len(rows) != len(before):
            self.virtual_size = Size(self.size.width, 1 + ROW_HEIGHT * len(rows))
        if keep is not None and keep in self.index:
            self.cursor_row = self.index[keep]
        self.cursor_row = max(0, min(self.cursor_row, len(rows) - 1))
        self._repaint_changed(before, cursor_before)

    def _repaint_changed(self, before: list[Row], cursor_before: int) -> None:
        """Refresh the screen lines whose row (or highlight) is not what was drawn there: a
        line refreshed for nothing still costs its share of the frame."""
        top = int(self.scroll_y) // ROW_HEIGHT
        visible = self.size.height // ROW_HEIGHT + 2
        for i in range(top, min(len(self.rows), top + visible)):
            if i >= len(before) or before[i] is not self.rows[i] or self.rows[i]["entrant"] in self.changed:
                self.refresh_lines(1 + i * ROW_HEIGHT, ROW_HEIGHT)
        if len(before) > len(self.rows):
            self.refresh()
        if self.cursor_row != cursor_before:
            self.refresh_lines(1 + cursor_before * ROW_HEIGHT, ROW_HEIGHT)
            self.refresh_lines(1 + self.cursor_row * ROW_HEIGHT, ROW_HEIGHT)

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def cursor_entrant(self) -> str | None:
        return self.order[self.cursor_row] if self.rows else None

    def cell_text(self, entrant: str, column: str) -> str:
        """What one cell says, its two lines joined by a newline (for tests and screen readers)."""
        row = self.rows[self.index[entrant]]
        lines = [line.plain for line in self._cell(column, row, self._base_styles()[1])]
        return lines[0] if column == "rank" else "\n".join(lines)

    # -- navigation ------------------------------------------------------------------------

    def navigating(self) -> bool:
        return time.monotonic() - self._navigated_at < IDLE_SECONDS

    def move_cursor(self, row: int) -> None:
        """Highlight ``row`` (an index in rank order) and keep it on screen."""
        self._navigated_at = time.monotonic()
        if self._idle_timer is None:
            self._idle_timer = self.set_timer(IDLE_SECONDS, self._back_to_top_if_idle)
        else:
            self._idle_timer.reset()
        old, self.cursor_row = self.cursor_row, max(0, min(row, len(self.rows) - 1))
        self.refresh_lines(1 + old * ROW_HEIGHT, ROW_HEIGHT)
        self.refresh_lines(1 + self.cursor_row * ROW_HEIGHT, ROW_HEIGHT)
        self._scroll_to_cursor()

    def get_row_index(self, entrant: str) -> int:
        return self.index[entrant]

    def action_cursor(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor_row + direction * max(1, (self.size.height - 1) // ROW_HEIGHT))

    def action_to_end(self, last: bool) -> None:
        self.move_cursor(len(self.rows) - 1 if last else 0)

    def _back_to_top_if_idle(self) -> None:
        self._idle_timer = None
        if not self.navigating() and (self.cursor_row or self.scroll_y):
            self.refresh_lines(1 + self.cursor_row * ROW_HEIGHT, ROW_HEIGHT)
            self.cursor_row = 0
            self.scroll_to(y=0, animate=False)
            self.refresh_lines(1, ROW_HEIGHT)

    def _scroll_to_cursor(self) -> None:
        top = self.cursor_row * ROW_HEIGHT
        body = max(ROW_HEIGHT, self.size.height - 1)
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif top + ROW_HEIGHT > self.scroll_y + body:
            self.scroll_to(y=top + ROW_HEIGHT - body, animate=False)

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1:
            row = (event.y - 1 + int(self.scroll_y)) // ROW_HEIGHT
            if row < len(self.rows):
                self.move_cursor(row)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, 1 + ROW_HEIGHT * len(self.rows))
        self._forget_drawn()

    def notify_style_update(self) -> None:
        """Another theme (or focus): every line is drawn again in the styles now in force."""
        super().notify_style_update()
        self._forget_drawn()

    def _forget_drawn(self) -> None:
        self._lines.clear()
        self._header = None
        self._looks = None
        self._cells.clear()

    def _base_styles(self) -> tuple[Style, dict[str | None, Style], Style]:
        """The table's own style, the cells' styles (prize label -> style) and the cursor's."""
        if self._looks is None:
            styles: dict[str | None, Style] = {
                label: self.get_component_rich_style(f"leaderboard--tier-{tier}")
                for label, tier in self._tiers.items()
            }
            styles[None] = Style()
            styles["muted"] = self.get_component_rich_style("leaderboard--muted")
            styles["tie"] = self.get_component_rich_style("leaderboard--tie")
            cursor = self.get_component_rich_style("leaderboard--cursor")
            self._looks = (self.rich_style, styles, cursor)
        return self._looks

    # -- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            return self._header_line(width)
        line = y - 1 + int(self.scroll_y)
        index, half = divmod(line, ROW_HEIGHT)
        if index >= len(self.rows):
            return Strip.blank(width, self._base_styles()[0])
        row = self.rows[index]
        strip = self._row_lines(row, width)[half]
        if index == self.cursor_row:
            strip = strip.apply_style(self._base_styles()[2])
        return strip

    def _header_line(self, width: int) -> Strip:
        if self._header is None or self._header[0] != width:
            t = self.app.t
            labels = {
                "rank": "#",
                "entrant": t("results.col_entrant"),
                "total": t("col.total"),
                "status": t("col.status"),
                "prize": t("col.prize"),
            }
            style = self._base_styles()[0] + self.get_component_rich_style("leaderboard--header")
            cells = [(Text(labels[c], justify="right" if c == "rank" else "left"), c) for c in COLUMNS]
            self._header = (width, self._strip(cells, width, style))
        return self._header[1]

    def _row_lines(self, row: Row, width: int) -> tuple[Strip, Strip]:
        cached = self._lines.get(row["entrant"])
        if cached is not None and cached[0] == id(row) and cached[1] == width:
            return cached[2]
        base, styles, _cursor = self._base_styles()
        cells = {c: self._cell(c, row, styles) for c in COLUMNS}
        lines = (
            self._strip([(cells[c][0], c) for c in COLUMNS], width, base),
            self._strip([(cells[c][1], c) for c in COLUMNS], width, base),
        )
        self._lines[row["entrant"]] = (id(row), width, lines)
        return lines

    def _widths(self, width: int) -> dict[str, int]:
        """Each column's width at ``width``, from what the event's texts need (its names,
        prizes and the status words), so a name is cut only when nothing else can give."""
        room = min(width, self.scrollable_content_region.width or width)  # not under the scrollbar
        if self._widths_for is None or self._widths_for[0] != room:
            if self._widths_for is not None:  # the scrollbar came or went: lines drawn are stale
                self._forget_drawn()
            gap = GAP - 1  # each cell is followed by this, after one leading space
            self._widths_for = (room, fit(self._wants(), room - 1, gap, GRANTS, REQUIRED))
        return self._widths_for[1]

    def _wants(self) -> dict[str, Want]:
        t, config = self.app.t, self.app.config
        entrants = [
            max(len(f"{e.id} {e.name}"), len(f"{e.business} · {self._category(e.category)}"))
            for e in config.entrants
        ]
        name = max(NAME_MIN_WIDTH, min(NAME_MAX_WIDTH, max(entrants, default=0)))
        judges = len(config.judges)
        status = max(
            len(t("col.status")),
            len(t("results.status_decided")),
            *(len(t(key)) for key in STATUS_KEYS),
            len(f"{judges}/{judges} {t('col.judges').lower()}"),
        )
        prize = max(len(t("col.prize")), *(max(len(p.label), len(t.rupiah(p.amount))) for p in config.prizes))
        return {
            "rank": Want(3, 3),
            "entrant": Want(name, NAME_MIN_WIDTH, stretch=True),
            "total": Want(BAR_WIDTH, BAR_MIN_WIDTH, stretch=True),
            "status": Want(status, status),
            "prize": Want(prize, prize),
        }

    def _strip(self, cells: list[tuple[Text, str]], width: int, base: Style) -> Strip:
        widths = self._widths(width)
        segments: list[Segment] = [Segment(" ", base)]
        for text, column in cells:
            if column not in widths:  # dropped on a narrow screen
                continue
            # a rank that moves redraws the rank, not the whole row: cells are kept as drawn
            key = (column, text.plain, text.style, text.justify, widths[column], base)
            drawn = self._cells.get(key)
            if drawn is None:
                text = text.copy()
                right = text.justify == "right"
                text.truncate(widths[column], overflow="ellipsis", pad=not right)
                if right:
                    text.pad_left(widths[column] - text.cell_len)
                drawn = [
                    Segment(s.text, base + s.style if s.style else base)
                    for s in text.render(self.app.console)
                ]
                if len(self._cells) > CELLS_KEPT:
                    self._cells.clear()
                self._cells[key] = drawn
            segments.extend(drawn)
            segments.append(Segment(" " * (GAP - 1), base))
        return Strip(segments).adjust_cell_length(width, base)

    def _cell(self, column: str, row: Row, styles: dict[str | None, Style]) -> tuple[Text, Text]:
        """One cell of ``row``: its two lines, styled by its prize tier."""
        t = self.app.t
        style = styles.get(row["prize"], Style())
        muted = styles["muted"]
        if column == "rank":
            rank = "" if row["rank"] is None else str(row["rank"])
            return Text(rank, style=style, justify="right"), Text("")
        if column == "entrant":
            return (
                Text(f"{row['entrant']} {row['name']}", style=style),
                Text(f"{row['business']} · {self._category(row['category'])}", style=muted),
            )
        if column == "total":
            total = t.number(Fraction(row["total"])) if row["total"] else "–"
            width = self._widths(self.size.width)["total"]
            return Text(total, justify="right"), Text(bar(row["total"], width), style=style or muted)
        if column == "status":
            key = "results.status_decided" if row["decision"] else f"status.{row['status']}"
            alarm = styles["tie"] if row["status"] == "tie" else Style()
            judges = f"{row['judges']}/{row['expected_judges']} {t('col.judges').lower()}"
            return Text(t(key), style=alarm), Text(judges, style=muted)
        amount = t.rupiah(row["amount"]) if row["amount"] is not None else ""
        return Text(row["prize"] or "", style=style), Text(amount, style=style)

    def _category(self, category_id: str) -> str:
        config = self.app.config
        return config.category(category_id).name if config.has("category", category_id) else category_id
