"""The workbook staff keep: Leaderboard, Scores, Decisions, Audit and About sheets.

Numbers are numbers (a total with two decimals, an amount formatted in rupiah) so the office's
spreadsheet can add them up; every sheet has a heading row that says PROVISIONAL until the
results are finalised, a frozen header, an autofilter and readable column widths. The workbook is
streamed (openpyxl's write-only mode) because a big event has tens of thousands of score rows.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from ikm_tui import __version__
from ikm_tui.export.atomic import write_atomically
from ikm_tui.export.bundle import ResultsBundle
from ikm_tui.export.proof import decision_rows, sheet_rows
from ikm_tui.export.wording import (
    category_name,
    days_text,
    entrant_label,
    moment_text,
    rule_text,
    tie_break_text,
    total_paid,
)
from ikm_tui.i18n import Messages

TOTAL_FORMAT = "0.00"
RUPIAH_FORMAT = '"Rp "#,##0'  # Indonesian Excel shows Rp 3.000.000
HEADING = Font(bold=True, size=13)
STAMP = Font(bold=True, size=13, color="C00000")
HEADER = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
FIRST_DATA_ROW = 3  # row 1: heading, row 2: column names


def write_xlsx(bundle: ResultsBundle, path: Path) -> Path:
    return write_atomically(path, lambda tmp: build_workbook(bundle).save(tmp))


def build_workbook(bundle: ResultsBundle) -> Workbook:
    t = Messages(bundle.config.event.language)
    book = Workbook(write_only=True)
    _leaderboard(book, bundle, t)
    _scores(book, bundle, t)
    _decisions(book, bundle, t)
    _audit(book, bundle, t)
    _about(book, bundle, t)
    return book


def sheet_title(bundle: ResultsBundle, t: Messages, key: str) -> str:
    """The tab name; PROVISIONAL in front until the results are finalised."""
    name = t(f"export.sheet.{key}")
    return f"{t('export.tab_provisional')} {name}"[:31] if bundle.provisional else name


class _Sheet:
    """A write-only sheet with our heading, header row, widths, frozen panes and filter."""

    def __init__(
        self,
        book: Workbook,
        bundle: ResultsBundle,
        t: Messages,
        key: str,
        headers: list[str],
        widths: list[int],
    ) -> None:
        self.ws = book.create_sheet(sheet_title(bundle, t, key))
        for index, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width
        self.ws.freeze_panes = f"A{FIRST_DATA_ROW}"
        heading = f"{bundle.config.event.title} — {t(f'export.sheet.{key}')}"
        if bundle.provisional:
            heading = f"{t('export.provisional')} — {heading}"
        self.ws.append([self.cell(heading, STAMP if bundle.provisional else HEADING)])
        self.ws.append([self.cell(h, HEADER, fill=HEADER_FILL) for h in headers])
        self.columns = len(headers)
        self.rows = 0

    def cell(
        self, value, font: Font | None = None, *, fmt: str | None = None, fill: PatternFill | None = None
    ) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws, _clean(value))
        if isinstance(value, str):
            cell.data_type = "s"  # text starting with "=" stays text, never a formula
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if fmt is not None:
            cell.number_format = fmt
        return cell

    def column_format(self, fmt: str) -> _Formatted:
        """Cells of one column in ``fmt`` (see :class:`_Formatted`); one per column."""
        return _Formatted(self.cell(None, fmt=fmt))

    def append(self, values: list) -> None:
        self.ws.append([_text_safe(self, v) for v in values])
        self.rows += 1

    def append_plain(self, values: list) -> None:
        """A row whose text was already made safe (:meth:`safe`): 50,000 score rows skip the
        per-value check."""
        self.ws.append(values)
        self.rows += 1

    def safe(self, texts: dict[str, object], value: str | None) -> object:
        """:func:`_text_safe` for a text that repeats down a column (a judge's name, a state),
        remembered in ``texts``; a would-be formula gets a text cell of its own each time."""
        if value is None:
            return None
        known = texts.get(value)
        if known is None:
            known = _text_safe(self, value)
            if not isinstance(known, str):
                return known
            texts[value] = known
        return known

    def close(self) -> None:
        last = get_column_letter(self.columns)
        self.ws.auto_filter.ref = f"A2:{last}{FIRST_DATA_ROW - 1 + max(self.rows, 1)}"


class _Formatted:
    """One styled cell reused down a column. A write-only sheet writes each row out as it is
    appended, so a single cell, built and styled once, carries every row's value; openpyxl
    would otherwise build and style a fresh cell for each of 50,000 rows."""

    def __init__(self, cell: WriteOnlyCell) -> None:
        self.cell = cell

    def __call__(self, value: object) -> WriteOnlyCell:
        self.cell.value = value
        return self.cell


def _text_safe(sheet: _Sheet, value):
    """Plain values pass straight through; only text that openpyxl would take for a formula
    needs a cell of its own."""
    if isinstance(value, str):
        if value.startswith("="):
            return sheet.cell(value)
        return _clean(value)
    return value


def _clean(value):
    """Drop the control characters an XLSX file cannot hold (a name pasted from somewhere
    odd), instead of failing the whole workbook; the CSV and JSON keep them."""
    if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _number(text: str | None) -> float | None:
    return None if text is None else float(Decimal(text))


def _leaderboard(book: Workbook, bundle: ResultsBundle, t: Messages) -> None:
    headers = [
        t("col.rank"),
        t("col.entrant"),
        t("col.name"),
        t("col.business"),
        t("col.category"),
        t("col.total"),
        t("col.judges"),
        t("export.col.expected"),
        t("col.prize"),
        t("col.amount"),
        t("col.status"),
        t("export.col.overtime"),
        t("export.col.decision"),
    ]
    sheet = _Sheet(
        book, bundle, t, "leaderboard", headers, [8, 10, 28, 32, 14, 10, 8, 10, 12, 16, 16, 14, 40]
    )
    config = bundle.config
    total, amount = sheet.column_format(TOTAL_FORMAT), sheet.column_format(RUPIAH_FORMAT)
    for row in bundle.rows:
        decision = row["decision"]
        sheet.append(
            [
                row["rank"],
                row["entrant"],
                row["name"],
                row["business"],
                category_name(config, row["category"]),
                total(_number(row["total"])),
                row["judges"],
                row["expected_judges"],
                row["prize"],
                amount(row["amount"]),
                t(f"status.{row['status']}"),
                bundle.overtime.get(row["entrant"], 0),
                decision["reason"] if decision else None,
            ]
        )
    sheet.close()


def _scores(book: Workbook, bundle: ResultsBundle, t: Messages) -> None:
    config = bundle.config
    headers = [t("col.entrant"), t("col.name"), t("export.col.judge"), t("export.col.judge_name")]
    headers += [f"{c.name} ({c.id})" for c in config.criteria]
    headers += [t("export.col.judge_total"), t("export.col.sheet"), t("export.col.reason")]
    headers.append(t("export.col.note"))
    widths = [10, 28, 8, 28] + [14] * len(config.criteria) + [12, 14, 30, 50]
    sheet = _Sheet(book, bundle, t, "scores", headers, widths)
    names = {e.id: e.name for e in config.entrants}
    judges = {j.id: j.name for j in config.judges}
    states = {s: t(f"export.sheet_state.{s}") for s in ("scored", "recused", "missing")}
    notes = {(e, j): text for e, pairs in bundle.notes.items() for j, text in pairs}
    total = sheet.column_format(TOTAL_FORMAT)
    numbers: dict[str, float] = {}  # a score's or a total's text -> its number, each once

    def number(text: str) -> float:
        value = numbers.get(text)
        if value is None:
            value = numbers[text] = float(Decimal(text))
        return value

    texts: dict[str, object] = {}  # text -> as written (made safe once)
    safe = sheet.safe
    for item in sheet_rows(bundle):
        judge_total = item.judge_total
        sheet.append_plain(
            [
                safe(texts, item.entrant),
                safe(texts, names.get(item.entrant, "")),
                safe(texts, item.judge),
                safe(texts, judges.get(item.judge, "")),
                *(None if s is None else number(s) for s in item.scores),
                None if judge_total is None else total(number(judge_total)),
                states[item.state],
                safe(texts, item.reason or None),
                safe(texts, notes.get((item.entrant, item.judge))),
            ]
        )
    sheet.close()


def _decisions(book: Workbook, bundle: ResultsBundle, t: Messages) -> None:
    headers = [
        t("export.col.kind"),
        t("col.rank"),
        t("export.col.entrants"),
        t("export.col.prizes"),
        t("export.col.reason"),
        t("export.col.by"),
        t("export.col.at"),
        t("export.col.digest"),
    ]
    sheet = _Sheet(book, bundle, t, "decisions", headers, [22, 8, 48, 26, 48, 18, 20, 66])
    config = bundle.config
    rows = decision_rows(bundle)
    for item in rows:
        reason = t("export.tie_blocks") if item.kind == "tie" else item.reason
        sheet.append(
            [
                t(f"export.kind.{item.kind}"),
                item.rank,
                "; ".join(entrant_label(config, e) for e in item.entrants) or None,
                " / ".join(p or "–" for p in item.prizes) or None,
                reason or None,
                item.by or None,
                moment_text(item.at, t) or None,
                item.digest or None,
            ]
        )
    if not rows:
        sheet.append([t("export.no_decisions")])
    sheet.close()


def _audit(book: Workbook, bundle: ResultsBundle, t: Messages) -> None:
    headers = [
        t("export.col.seq"),
        t("export.col.at"),
        t("export.col.actor"),
        t("export.col.action"),
        t("export.col.subject"),
        t("export.col.detail"),
        t("export.col.hash"),
    ]
    sheet = _Sheet(book, bundle, t, "audit", headers, [7, 30, 18, 18, 18, 70, 66])
    for entry in bundle.audit:
        sheet.append(
            [
                entry.seq,
                entry.at,
                entry.actor,
                entry.action,
                entry.subject,
                json.dumps(entry.detail, ensure_ascii=False, sort_keys=True),
                entry.hash,
            ]
        )
    sheet.close()


def _about(book: Workbook, bundle: ResultsBundle, t: Messages) -> None:
    config = bundle.config
    event = config.event
    sheet = _Sheet(book, bundle, t, "about", [t("export.col.item"), t("export.col.value")], [30, 90])
    status = t("export.provisional") if bundle.provisional else t("export.final")
    lines = [
        ("export.about.status", sheet.cell(status, STAMP if bundle.provisional else HEADER)),
        ("export.about.event", event.title),
        ("export.about.organiser", event.organiser),
        ("export.about.venue", event.venue),
        ("export.about.dates", days_text(event.days, t)),
        ("export.about.rule", rule_text(config, t)),
        ("export.about.judge_total", t("export.rule.judge_total")),
        ("export.about.tie_break", tie_break_text(config, t)),
        ("export.about.judges", len(config.judges)),
        ("export.about.entrants", len(config.entrants)),
    ]
    rows = [(t(key), value) for key, value in lines]
    for criterion in config.criteria:
        rows.append(
            (
                f"{t('export.col.criterion')} {criterion.id}",
                f"{criterion.name} — {t('export.col.weight')} {criterion.weight}, "
                f"{t('export.col.scale')} {t.score(criterion.min)}–{t.score(criterion.max)} "
                f"({t.score(criterion.step)})",
            )
        )
    for prize in config.prizes:
        rows.append(
            (
                t("export.about.prize", label=prize.label),
                t("export.prize_line", count=prize.count, amount=t.rupiah(prize.amount)),
            )
        )
    rows.append((t("export.about.total_paid"), sheet.cell(total_paid(bundle.rows), fmt=RUPIAH_FORMAT)))
    for item in bundle.finalisations:
        if not item.unlocked_at:
            rows.append(
                (t("export.about.finalised"), f"{moment_text(item.finalised_at, t)} — {item.finalised_by}")
            )
    rows += [
        (t("export.about.digest"), bundle.digest),
        (t("export.about.head"), f"#{bundle.head.seq} {bundle.head.hash}"),
        (t("export.about.generated"), bundle.generated_at.isoformat(timespec="seconds")),
        (t("export.about.program"), f"ikm-tui {__version__}"),
    ]
    for label, value in rows:
        sheet.append([sheet.cell(label, HEADER), value])
    sheet.close()
