"""The leaderboard as a DataTable that updates in place: keyed rows, changed cells only.

Scores arrive while the moderator reads; rebuilding the table would flicker and lose the
cursor, so each refresh compares cell by cell, updates only what changed (inside one
``batch_update``), re-sorts once if the order moved, and keeps the cursor on the same entrant.
Each row is two lines: who (code, owner / business, category), total over its bar, status over
judges counted, prize over amount.
"""

from __future__ import annotations

from fractions import Fraction

from rich.text import Text
from textual.widgets import DataTable

BAR_WIDTH = 12
EIGHTHS = " ▏▎▍▌▋▊▉"
COLUMNS = ("rank", "entrant", "total", "status", "prize")
NAME_WIDTH = 22
# the row fields each column shows: a new score that only shifts ranks rebuilds only ranks
USES = {
    "rank": ("rank", "prize"),
    "entrant": ("entrant", "name", "business", "category", "prize"),
    "total": ("total", "prize"),
    "status": ("status", "decision", "judges", "expected_judges"),
    "prize": ("prize", "amount"),
}


def bar(total: str | None, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of ``total`` out of 100 in eighths of a cell, so gaps are seen."""
    if total is None:
        return ""
    eighths = int(Fraction(total) / 100 * width * 8)
    full, part = divmod(max(0, min(eighths, width * 8)), 8)
    return "█" * full + (EIGHTHS[part] if part else "")


def _same(a: Text, b: Text) -> bool:
    """Rich's Text equality ignores the base style, which is how a row shows its prize tier."""
    return a == b and a.style == b.style


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class LeaderboardTable(DataTable):
    COMPONENT_CLASSES = {
        "leaderboard--tier-1",
        "leaderboard--tier-2",
        "leaderboard--tier-3",
        "leaderboard--muted",
        "leaderboard--tie",
    }

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self.order: list[str] = []
        self.shown: dict[str, dict] = {}  # entrant -> the row dict its cells were built from

    def on_mount(self) -> None:
        t = self.app.t
        labels = {
            "rank": "#",
            "entrant": t("results.col_entrant"),
            "total": t("col.total"),
            "status": t("col.status"),
            "prize": t("col.prize"),
        }
        widths = {"rank": 3, "entrant": NAME_WIDTH, "total": BAR_WIDTH, "status": 16, "prize": 12}
        for key in COLUMNS:
            self.add_column(labels[key], key=key, width=widths[key])

    def show(self, rows: list[dict], tiers: dict[str, int]) -> None:
        """Make the table show ``rows`` in this order, touching only what changed.

        A row dict that is the very object shown last time is unchanged (the live reader
        reuses them), so at 10,000 entrants only the few rows a new score moved are rebuilt.
        """
        styles = self._styles(tiers)
        order = [row["entrant"] for row in rows]
        wanted = {row["entrant"]: row for row in rows}
        keep = self.cursor_entrant()
        with self.app.batch_update():
            gone = [e for e in self.order if e not in wanted]
            if len(gone) > 100:  # a filter changed: remove_row is O(n) each, start afresh
                self.clear()
                self.shown.clear()
                self.order = []
                gone = []
            for entrant in gone:
                self.remove_row(entrant)
                self.shown.pop(entrant, None)
            for entrant, row in wanted.items():
                before = self.shown.get(entrant)
                if before is row:
                    continue
                if entrant not in self.rows:
                    self.add_row(*(self._cell(c, row, styles) for c in COLUMNS), key=entrant, height=2)
                else:
                    for column in COLUMNS:
                        if before is not None and all(before[f] == row[f] for f in USES[column]):
                            continue
                        cell = self._cell(column, row, styles)
                        if not _same(self.get_cell(entrant, column), cell):
                            self.update_cell(entrant, column, cell)
                self.shown[entrant] = row
            if order != self.order:
                position = {e: i for i, e in enumerate(order)}
                self.sort("entrant", key=lambda cell: position[cell.plain.split(" ", 1)[0]])
            self.order = order
            if keep in wanted:
                self.move_cursor(row=self.get_row_index(keep), animate=False)

    def cursor_entrant(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def _styles(self, tiers: dict[str, int]) -> dict:
        """Rich styles from the stylesheet, looked up once per refresh (prize label -> style)."""
        styles = {
            label: self.get_component_rich_style(f"leaderboard--tier-{tier}") for label, tier in tiers.items()
        }
        styles[None] = ""
        styles["muted"] = self.get_component_rich_style("leaderboard--muted")
        styles["tie"] = self.get_component_rich_style("leaderboard--tie")
        return styles

    def _cell(self, column: str, row: dict, styles: dict) -> Text:
        """One cell of ``row``: two lines, styled by its prize tier, never wrapping."""
        t = self.app.t
        style = styles.get(row["prize"], "")
        muted = styles["muted"]
        if column == "rank":
            return Text("" if row["rank"] is None else str(row["rank"]), style=style, justify="right")
        if column == "entrant":
            cell = Text.assemble(
                (clip(f"{row['entrant']} {row['name']}", NAME_WIDTH), style),
                "\n",
                (clip(f"{row['business']} · {self._category(row['category'])}", NAME_WIDTH), muted),
            )
        elif column == "total":
            cell = Text.assemble(
                t.number(Fraction(row["total"])) if row["total"] else "–",
                "\n",
                (bar(row["total"]), style or muted),
                justify="right",
            )
        elif column == "status":
            key = "results.status_decided" if row["decision"] else f"status.{row['status']}"
            alarm = styles["tie"] if row["status"] == "tie" else ""
            cell = Text.assemble(
                (t(key), alarm),
                "\n",
                (f"{row['judges']}/{row['expected_judges']} {t('col.judges').lower()}", muted),
            )
        else:
            cell = Text.assemble(
                (row["prize"] or "", style),
                "\n",
                (t.rupiah(row["amount"]) if row["amount"] is not None else "", style),
            )
        cell.no_wrap, cell.overflow = True, "ellipsis"  # a long word must not eat line two
        return cell

    def _category(self, category_id: str) -> str:
        config = self.app.config
        return config.category(category_id).name if config.has("category", category_id) else category_id
