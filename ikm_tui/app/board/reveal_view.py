"""The board's reveal: the winners tier by tier, Juara III first, then the full table.

It reads ONLY the frozen snapshot (never live scores) and builds ONLY what the current step
allows: a later tier's name, business or amount is never put into any widget before its step,
so no frame — not even a half-drawn one — can show it. Stepping back (or an unlock) clears it.

On a short projector (under ``SHORT_ROWS`` rows, e.g. 80×24) the current tier keeps its names
and businesses but drops the big amount digits (the amount stays, in words), and the earlier
tiers are listed by name only; on a narrow one the full table leaves out the category, and on a
very narrow one (a phone-sized terminal) the business too. So every line fits the screen, names
whole.
"""

from __future__ import annotations

from rich.align import Align
from rich.table import Table
from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Digits, Static

from ikm_tui.app.board.view_choice import REVEAL as REVEAL
from ikm_tui.app.session_app import SessionApp
from ikm_tui.domain.numbers import rupiah
from ikm_tui.domain.snapshot import Snapshot, revealed_tiers


SHORT_ROWS = 32
WIDE_TABLE = 100  # columns the full winners' table needs to show the category too
BUSINESS_TABLE = 70  # ... and the business (under it, as on a phone-sized terminal: names only)


class RevealView(Vertical):
    app = getters.app(SessionApp)

    DEFAULT_CLASSES = "board-view"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: tuple[int, Snapshot | None] = (0, None)

    @property
    def short(self) -> bool:
        return 0 < self.size.height < SHORT_ROWS

    def on_resize(self) -> None:
        if self.shown[0] > 0:
            self.show(*self.shown)

    def compose(self) -> ComposeResult:
        yield Static("", id="reveal-heading")
        with Center(id="reveal-tier-box"):
            yield Static("", id="reveal-tier")
        yield Static("", id="reveal-winners")
        with Center(id="reveal-amount-box"):
            yield Digits("", id="reveal-amount")
        yield Static("", id="reveal-amount-label", classes="board-label")
        yield Static("", id="reveal-earlier")
        yield Static("", id="reveal-table")

    def show(self, step: int, snapshot: Snapshot | None) -> None:
        """Fill in what ``step`` reveals of ``snapshot``; anything else stays empty."""
        self.shown = (step, snapshot)
        if snapshot is None or step <= 0:
            self.clear()
            return
        t = self.app.t
        tiers = revealed_tiers(snapshot.prizes, step)
        full = step > len(snapshot.prizes)
        self._set("#reveal-heading", t("reveal.heading"))
        if full:
            for part in ("#reveal-tier", "#reveal-winners", "#reveal-amount-label", "#reveal-earlier"):
                self._set(part, "")
            self.query_one("#reveal-amount", Digits).update("")
            self.query_one("#reveal-amount-box").display = False
            self.query_one("#reveal-tier-box").display = False
            self._set("#reveal-heading", "")
            self._set("#reveal-table", self._table(snapshot, tiers))
            return
        current, earlier = tiers[-1], tiers[:-1]
        self._set("#reveal-tier", current["label"].upper())
        self._set("#reveal-winners", self._winners(snapshot.tier(current["label"])))
        self.query_one("#reveal-amount", Digits).update(rupiah(current["amount"])[3:])
        self.query_one("#reveal-amount-box").display = not self.short
        self.query_one("#reveal-tier-box").display = True
        self._set("#reveal-amount-label", t("reveal.each", amount=rupiah(current["amount"])))
        self._set("#reveal-earlier", self._earlier(snapshot, earlier))
        self._set("#reveal-table", "")

    def clear(self) -> None:
        for static in self.query(Static):
            static.update("")
            static.display = False
        for box in ("#reveal-tier-box", "#reveal-amount-box"):
            self.query_one(box).display = False
        self.query_one("#reveal-amount", Digits).update("")

    def _set(self, selector: str, content) -> None:
        """Fill one part; an empty part takes no room (no empty banner on the full table)."""
        static = self.query_one(selector, Static)
        static.update(content)
        static.display = bool(content.plain if isinstance(content, Text) else content)

    def _category(self, category_id: str) -> str:
        config = self.app.config
        return config.category(category_id).name if config.has("category", category_id) else category_id

    def _winners(self, rows: list[dict]) -> Text:
        text = Text(justify="center")
        for index, row in enumerate(rows):
            text.append(("\n" if index else "") + f"{row['name']}\n", style="bold")
            text.append(f"{row['business']} · {self._category(row['category'])}\n")
        return text

    def _earlier(self, snapshot: Snapshot, tiers: list[dict]) -> Text:
        text = Text(justify="center", style="dim")
        for tier in reversed(tiers):
            rows = snapshot.tier(tier["label"])
            if self.short:
                names = ", ".join(r["name"] for r in rows)
            else:
                names = ", ".join(f"{r['name']} ({r['business']})" for r in rows)
            text.append(f"{tier['label']}: {names}\n")
        return text

    def _table(self, snapshot: Snapshot, tiers: list[dict]) -> Align:
        t = self.app.t
        table = Table(
            title=t("reveal.full_table"),
            expand=False,
            title_style="bold",
            caption=t("reveal.total_paid", amount=rupiah(sum(r["amount"] for r in snapshot.winners()))),
        )
        # on a narrow projector the category gives way and only the business may wrap; on a
        # very narrow one the business goes too and a long name wraps (never cut)
        narrow = 0 < self.size.width < WIDE_TABLE
        very_narrow = 0 < self.size.width < BUSINESS_TABLE
        keys = ["col.prize", "col.name", "col.business", "col.category", "col.amount"]
        if narrow:
            keys.remove("col.category")
        if very_narrow:
            keys.remove("col.business")
        wraps = "col.name" if very_narrow else "col.business"
        for key in keys:
            table.add_column(
                t(key),
                justify="right" if key == "col.amount" else "left",
                no_wrap=key != wraps,
            )
        for tier in reversed(tiers):  # Juara I first at the end of the ceremony
            for row in snapshot.tier(tier["label"]):
                cells = {
                    "col.prize": tier["label"],
                    "col.name": row["name"],
                    "col.business": row["business"],
                    "col.category": self._category(row["category"]),
                    "col.amount": rupiah(row["amount"]),
                }
                table.add_row(*(cells[key] for key in keys), style="bold")
        return Align.center(table)
