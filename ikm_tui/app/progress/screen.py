"""F2 on the moderator console: who has scored whom, live, and the judges' access codes.

Two tables: one row per judge (code issued?, how far along), and the matrix — one row per
entrant, one column per judge — showing only statuses: scored, pending, recused, re-check
requested. Scores never appear here; the leaderboard has its own screen. Cells are keyed and
only changed ones are rewritten, so the cursor stays put while judges save.
"""

from __future__ import annotations

import datetime as dt

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from ikm_tui.app.backup_line import BackupLine
from ikm_tui.app.column_fit import LEAST, NATURAL, Want, fit, two_line_width
from ikm_tui.app.dialogs import ConfirmDialog
from ikm_tui.app.follow import SessionChanged
from ikm_tui.app.footer import KeyBar
from ikm_tui.app.progress.dialogs import ShowCodes
from ikm_tui.app.session_screen import SessionScreen
from ikm_tui.app.marks import Marks, marks_of
from ikm_tui.store.progress import OUT, PENDING, RECUSED, SCORED, JudgeProgress

FIXED_COLUMNS = 2  # entrant, business; the judges' columns follow
NOTES_COLUMN = "notes"  # after the judges: how many notes the entrant has
NAME_MIN = 16  # a judge's name is cut no shorter than this (then the table scrolls)
BUSINESS_MIN = 8


def cell(status: str, recheck: bool, marks: Marks) -> Text:
    glyph, style = {
        SCORED: ("✓", marks.done),
        RECUSED: ("⊘", marks.quiet),
        PENDING: ("·", Style()),
        OUT: ("–", marks.quiet),
    }[status]
    if recheck:
        return Text(f"{glyph}!", style=marks.attention)
    return Text(glyph, style=style)


class ProgressScreen(SessionScreen[None]):
    CSS_PATH = "progress.tcss"
    BINDINGS = [
        Binding("c", "issue_code", "progress.key.code", id="progress.code"),
        Binding("a", "issue_missing", "progress.key.codes_missing", id="progress.codes_missing"),
        Binding("f", "toggle_recheck", "progress.key.recheck", id="progress.recheck"),
        Binding("k", "print_cards", "progress.key.cards", id="progress.cards"),
        Binding("b", "clear_brakes", "progress.key.brakes", id="progress.brakes"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[tuple[str, str], Text | str] = {}
        self.judge_rows: dict[str, tuple[str, ...]] = {}
        self.stage_entrant: str | None = None
        self.widths: tuple[int, int] | None = None  # judge name, business: fitted to the screen
        self.judge_columns: dict[str, int] = {}  # the judges table's, fitted (narrow: two-line headers)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="progress-legend")
        yield DataTable(id="judges-table", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="matrix", cursor_type="cell", zebra_stripes=True)
        yield BackupLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#progress-legend", Static).update(self.app.t("progress.legend"))
        # the tables are filled on the first Resize, at the widths they get: fitted to no
        # width now, both would be built twice

    def on_resize(self) -> None:
        if self.fit_columns():
            self.refresh_all()

    def fit_columns(self) -> bool:
        """Judge names and businesses as wide as the screen allows: cut (with "…") only when
        the other columns leave no room. Rebuilds the tables when the widths change."""
        t, config = self.app.t, self.app.config
        keys = ("judge", "name", "code", "scored", "recused", "pending", "recheck")
        judges = self.query_one("#judges-table", DataTable)
        matrix = self.query_one("#matrix", DataTable)
        if not judges.scrollable_content_region.width:
            return False  # not laid out yet: its Resize fits them
        code = max(
            len(t(k, time="00:00"))
            for k in ("progress.code_off", "progress.code_issued", "progress.code_none")
        )
        digits = len(str(len(config.entrants)))
        labels = {k: t(f"progress.col.{k}") for k in keys}
        need = {k: max(len(labels[k]), digits) for k in keys}
        need["judge"] = max(need["judge"], *(len(j.id) for j in config.judges))
        need["code"] = max(need["code"], code)
        longest_name = max(len(j.name) for j in config.judges)
        counts = keys[3:]
        wants = {k: Want(need[k], need[k]) for k in ("judge", "code")}
        wants["name"] = Want(max(longest_name, need["name"]), min(longest_name, NAME_MIN), stretch=True)
        for k in counts:  # "Tidak menilai" over a count: a two-line header before a cut name
            wants[k] = Want(need[k], max(two_line_width([labels[k]]), digits))
        grants = [("judge", NATURAL), ("name", LEAST), ("pending", LEAST), ("scored", LEAST)]
        grants += [("recused", LEAST), ("recheck", LEAST), ("code", NATURAL), ("name", NATURAL)]
        grants += [(k, NATURAL) for k in counts]
        required = ("judge", "name", "pending")
        fitted = fit(wants, judges.scrollable_content_region.width, 2, grants, required)
        shown = [k for k in keys if k in fitted]  # a phone-sized console drops what it must
        need |= fitted
        name = need["name"]
        entrant = max(len(t("progress.col.entrant")), *(len(f"▶ {e.id}") for e in config.entrants))
        fixed = 2 + entrant + 2 + sum(max(len(j.id), 2) + 2 for j in config.judges)
        fixed += len(t("progress.col.notes")) + 2
        longest_business = max(len(e.business) for e in config.entrants)
        room = matrix.scrollable_content_region.width
        if not matrix.show_vertical_scrollbar:  # kept free: the columns are fitted before the
            room -= matrix.styles.scrollbar_size_vertical  # rows (and the judges above) arrive
        business = _room(room - fixed, longest_business, BUSINESS_MIN)
        if self.widths == (name, business) and self.judge_columns == {k: need[k] for k in shown}:
            return False
        self.widths = (name, business)
        self.judge_columns = {k: need[k] for k in shown}
        judges.clear(columns=True)
        judges.header_height = 2 if any(need[k] < len(labels[k]) for k in shown) else 1
        for key in shown:
            judges.add_column(labels[key], key=key, width=need[key])
        matrix.clear(columns=True)
        matrix.add_column(t("progress.col.entrant"), key="entrant")
        matrix.add_column(t("progress.col.business"), key="business", width=business)
        for judge in config.judges:
            matrix.add_column(judge.id, key=judge.id)
        matrix.add_column(t("progress.col.notes"), key=NOTES_COLUMN)  # how many, never the text
        self.cells.clear()
        self.judge_rows.clear()
        return True

    def on_session_changed(self, message: SessionChanged) -> None:
        if message.error is None:
            self.refresh_all()

    # -- drawing ----------------------------------------------------------------------------

    def refresh_all(self) -> None:
        if self.widths is None:
            return  # not laid out yet: the first Resize fits the columns and fills them
        store = self.app.store
        progress = store.progress.matrix()
        self.stage_entrant = store.stage.current()
        with self.app.batch_update():
            self.show_judges(progress, store.access.issued())
            self.show_matrix(progress)

    def show_judges(self, progress: JudgeProgress, issued: dict[str, str | None]) -> None:
        t = self.app.t
        table = self.query_one("#judges-table", DataTable)
        codes_on = self.app.config.judging.access_codes
        for judge in self.app.config.judges:
            if not codes_on:
                code = t("progress.code_off")
            elif at := issued.get(judge.id):
                code = t("progress.code_issued", time=_clock(at))
            else:
                code = t("progress.code_none")
            asked = sum(1 for (j, _e) in progress.rechecks if j == judge.id)
            cells = {
                "judge": judge.id,
                "name": _cut(judge.name, self.widths[0] if self.widths else NAME_MIN),
                "code": code,
                "scored": str(progress.count(judge.id, SCORED)),
                "recused": str(progress.count(judge.id, RECUSED)),
                "pending": str(progress.count(judge.id, PENDING)),
                "recheck": str(asked) if asked else "",
            }
            row = tuple(cells[k] for k in self.judge_columns)
            before = self.judge_rows.get(judge.id)
            if before is None:
                table.add_row(*row, key=judge.id)
            elif before != row:
                for column, old, new in zip(table.columns, before, row):
                    if old != new:
                        table.update_cell(judge.id, column, new)
            self.judge_rows[judge.id] = row

    def show_matrix(self, progress: JudgeProgress) -> None:
        table = self.query_one("#matrix", DataTable)
        config = self.app.config
        if not table.row_count:
            for entrant in config.entrants:
                business = _cut(entrant.business, self.widths[1] if self.widths else BUSINESS_MIN)
                blanks = (Text("") for _ in range(len(config.judges) + 1))  # the judges, then notes
                table.add_row(entrant.id, business, *blanks, key=entrant.id)
        marks = marks_of(self.app)
        for entrant in config.entrants:
            label = ("▶ " if entrant.id == self.stage_entrant else "  ") + entrant.id
            if self.cells.get(("", entrant.id)) != label:
                table.update_cell(entrant.id, "entrant", label)
                self.cells[("", entrant.id)] = label
            for judge in config.judges:
                shown = cell(
                    progress.status(judge.id, entrant.id), progress.recheck_asked(judge.id, entrant.id), marks
                )
                key = (judge.id, entrant.id)
                if self.cells.get(key) != shown:
                    table.update_cell(entrant.id, judge.id, shown)
                    self.cells[key] = shown
            count = progress.notes.get(entrant.id, 0)
            notes = str(count) if count else ""
            if self.cells.get((NOTES_COLUMN, entrant.id)) != notes:
                table.update_cell(entrant.id, NOTES_COLUMN, notes)
                self.cells[(NOTES_COLUMN, entrant.id)] = notes

    # -- which judge / cell ------------------------------------------------------------------

    def selected_judge(self) -> str | None:
        matrix = self.query_one("#matrix", DataTable)
        if self.focused is matrix and self._judge_column(matrix.cursor_column):
            return self.app.config.judges[matrix.cursor_column - FIXED_COLUMNS].id
        judges = self.query_one("#judges-table", DataTable)
        if judges.row_count and self.focused is not matrix:
            return self.app.config.judges[judges.cursor_row].id
        return None

    def selected_cell(self) -> tuple[str, str] | None:
        matrix = self.query_one("#matrix", DataTable)
        if not self._judge_column(matrix.cursor_column) or not matrix.row_count:
            return None
        return (
            self.app.config.judges[matrix.cursor_column - FIXED_COLUMNS].id,
            self.app.config.entrants[matrix.cursor_row].id,
        )

    def _judge_column(self, column: int) -> bool:
        return FIXED_COLUMNS <= column < FIXED_COLUMNS + len(self.app.config.judges)

    # -- actions ----------------------------------------------------------------------------

    def action_issue_code(self) -> None:
        t = self.app.t
        judge = self.selected_judge()
        if judge is None:
            self.notify(t("progress.pick_judge"), severity="warning")
            return
        person = self.app.config.judge(judge)
        if not self.app.store.access.issued().get(judge):
            self.issue([judge])
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.issue([judge])

        self.app.push_screen(
            ConfirmDialog(
                t("progress.reissue_question", judge=judge, name=person.name),
                yes=t("progress.button_yes"),
                no=t("progress.button_no"),
            ),
            answered,
        )

    def action_issue_missing(self) -> None:
        issued = self.app.store.access.issued()
        missing = [j.id for j in self.app.config.judges if not issued.get(j.id)]
        if not missing:
            self.notify(self.app.t("progress.none_missing"))
            return
        self.issue(missing)

    def issue(self, judges: list[str]) -> None:
        """Issue now and show the codes once; they live only in the dialog until it closes.

        Hashing a code takes a moment (scrypt): it runs in the write worker, never on the UI."""
        access, config = self.app.store.access, self.app.config

        def issue_all() -> list[tuple[str, str, str]]:
            return [(j, config.judge(j).name, access.issue(j, actor=self.app.actor)) for j in judges]

        self.write(issue_all, lambda lines: self.app.push_screen(ShowCodes(lines)))

    def action_print_cards(self) -> None:
        """New codes for every judge, printed on access cards beside the database (asked first:
        every earlier code, card and sign-in stops working)."""
        from ikm_tui.serve.cards import default_address, default_path, issue_cards

        t, store = self.app.t, self.app.store
        path = default_path(store)

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(
                    lambda: issue_cards(store, path, address=default_address(), actor=self.app.actor),
                    lambda _: self.notify(t("progress.cards_written", path=path), timeout=15),
                    failed=lambda message: self.notify(
                        t("progress.cards_failed", detail=message), severity="error", timeout=15
                    ),
                )

        question = t("progress.cards_question")
        self.app.push_screen(
            ConfirmDialog(question, yes=t("progress.button_yes"), no=t("progress.button_no")), answered
        )

    def action_clear_brakes(self) -> None:
        """Wrong codes typed on any phone stop delaying anyone (a judge who mistyped, say)."""
        access, t = self.app.store.access, self.app.t

        def clear() -> tuple[list[str], int]:
            held = [b.target for b in access.brakes()]
            return held, access.clear_brakes(None, actor=self.app.actor)

        def cleared(outcome: tuple[list[str], int]) -> None:
            held, count = outcome
            text = t("access.brakes_cleared", count=count) if count else t("access.brakes_none")
            self.notify(text + (": " + ", ".join(held) if held else ""))

        self.write(clear, cleared)

    def action_toggle_recheck(self) -> None:
        t = self.app.t
        chosen = self.selected_cell()
        if chosen is None:
            self.notify(t("progress.pick_cell"), severity="warning")
            return
        judge, entrant = chosen
        rechecks = self.app.store.recheck
        if any(r.entrant == entrant for r in rechecks.pending_for(judge)):
            self.write(
                lambda: rechecks.cancel(judge, entrant, actor=self.app.actor),
                lambda _: self.notify(t("progress.recheck_cancelled", judge=judge, entrant=entrant)),
            )
        else:
            self.write(
                lambda: rechecks.request(judge, entrant, actor=self.app.actor),
                lambda _: self.notify(t("progress.recheck_asked", judge=judge, entrant=entrant)),
            )


def _clock(at: str) -> str:
    try:
        return dt.datetime.fromisoformat(at).astimezone().strftime("%H:%M")
    except ValueError:
        return at


def _room(free: int, longest: int, least: int) -> int:
    """A column's width: all it needs if there is room, else what is free, never under ``least``."""
    return max(least, min(longest, free))


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"
