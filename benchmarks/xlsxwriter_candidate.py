"""Our staff workbook written with XlsxWriter instead of openpyxl: a measured candidate, not used
by the app.

The same five sheets, values, number formats, bold and coloured headings, shaded header band,
column widths, frozen header and autofilter as ikm_tui/export/xlsx_export.py, written in
XlsxWriter's constant_memory mode (rows streamed to disk). ``benchmarks/export.py`` times it as
"our writer on XlsxWriter" and, with ``--compare``, reads both workbooks back with openpyxl and
counts every cell whose value, number format, font or fill differs. Needs ``pip install
XlsxWriter``.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter

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
from ikm_tui.export.xlsx_export import FIRST_DATA_ROW, RUPIAH_FORMAT, TOTAL_FORMAT, _clean, sheet_title
from ikm_tui.i18n import Messages

PIXELS_PER_WIDTH = 7  # openpyxl's raw width N is N * 7 pixels of Calibri 11's digit


def write_xlsx(bundle: ResultsBundle, path: Path) -> Path:
    return write_atomically(path, lambda tmp: build(bundle, tmp))


def build(bundle: ResultsBundle, path: Path) -> None:
    t = Messages(bundle.config.event.language)
    book = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    styles = {
        "heading": book.add_format({"bold": True, "font_size": 13}),
        "stamp": book.add_format({"bold": True, "font_size": 13, "font_color": "#C00000"}),
        "header": book.add_format({"bold": True}),
        "band": book.add_format({"bold": True, "pattern": 1, "fg_color": "#DDE4EE"}),
        "total": book.add_format({"num_format": TOTAL_FORMAT}),
        "rupiah": book.add_format({"num_format": RUPIAH_FORMAT}),
    }
    _leaderboard(book, styles, bundle, t)
    _scores(book, styles, bundle, t)
    _decisions(book, styles, bundle, t)
    _audit(book, styles, bundle, t)
    _about(book, styles, bundle, t)
    book.close()


class _Sheet:
    def __init__(self, book, styles, bundle, t, key: str, headers: list[str], widths: list[int]) -> None:
        self.ws = ws = book.add_worksheet(sheet_title(bundle, t, key))
        for index, width in enumerate(widths):
            ws.set_column_pixels(index, index, width * PIXELS_PER_WIDTH)
        ws.freeze_panes(FIRST_DATA_ROW - 1, 0)
        heading = f"{bundle.config.event.title} — {t(f'export.sheet.{key}')}"
        if bundle.provisional:
            heading = f"{t('export.provisional')} — {heading}"
        ws.write_string(0, 0, _clean(heading), styles["stamp" if bundle.provisional else "heading"])
        for column, header in enumerate(headers):
            ws.write_string(1, column, _clean(header), styles["band"])
        self.columns = len(headers)
        self.row = FIRST_DATA_ROW - 1

    def append(self, values: list[Any], formats: list[Any] | None = None) -> None:
        ws, r = self.ws, self.row
        for column, value in enumerate(values):
            fmt = formats[column] if formats else None
            if value is None:
                if fmt is not None:  # openpyxl writes an empty cell in the column's format
                    ws.write_blank(r, column, None, fmt)
            elif isinstance(value, str):
                ws.write_string(r, column, _clean(value), fmt)
            else:
                ws.write_number(r, column, value, fmt)
        self.row += 1

    def close(self) -> None:
        rows = self.row - (FIRST_DATA_ROW - 1)
        self.ws.autofilter(1, 0, FIRST_DATA_ROW - 2 + max(rows, 1), self.columns - 1)


def _number(text: str | None) -> float | None:
    return None if text is None else float(Decimal(text))


def _leaderboard(book, styles, bundle: ResultsBundle, t: Messages) -> None:
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
    widths = [8, 10, 28, 32, 14, 10, 8, 10, 12, 16, 16, 14, 40]
    sheet = _Sheet(book, styles, bundle, t, "leaderboard", headers, widths)
    config = bundle.config
    formats = [None] * 5 + [styles["total"]] + [None] * 3 + [styles["rupiah"]] + [None] * 3
    for row in bundle.rows:
        decision = row["decision"]
        values = [
            row["rank"],
            row["entrant"],
            row["name"],
            row["business"],
            category_name(config, row["category"]),
            _number(row["total"]),
            row["judges"],
            row["expected_judges"],
            row["prize"],
            row["amount"],
            t(f"status.{row['status']}"),
            bundle.overtime.get(row["entrant"], 0),
            decision["reason"] if decision else None,
        ]
        sheet.append(values, formats)
    sheet.close()


def _scores(book, styles, bundle: ResultsBundle, t: Messages) -> None:
    config = bundle.config
    headers = [t("col.entrant"), t("col.name"), t("export.col.judge"), t("export.col.judge_name")]
    headers += [f"{c.name} ({c.id})" for c in config.criteria]
    headers += [t("export.col.judge_total"), t("export.col.sheet"), t("export.col.reason")]
    headers.append(t("export.col.note"))
    widths = [10, 28, 8, 28] + [14] * len(config.criteria) + [12, 14, 30, 50]
    sheet = _Sheet(book, styles, bundle, t, "scores", headers, widths)
    names = {e.id: e.name for e in config.entrants}
    judges = {j.id: j.name for j in config.judges}
    states = {s: t(f"export.sheet_state.{s}") for s in ("scored", "recused", "missing")}
    notes = {(e, j): text for e, pairs in bundle.notes.items() for j, text in pairs}
    numbers: dict[str, float] = {}
    texts: dict[str, str] = {}

    def number(text: str) -> float:
        value = numbers.get(text)
        if value is None:
            value = numbers[text] = float(Decimal(text))
        return value

    def clean(value: str | None) -> str | None:
        if value is None:
            return None
        known = texts.get(value)
        if known is None:
            known = texts[value] = _clean(value)
        return known

    ws = sheet.ws
    text, write_number, total = ws.write_string, ws.write_number, styles["total"]
    r = sheet.row
    for item in sheet_rows(bundle):
        people = (item.entrant, names.get(item.entrant, ""), item.judge, judges.get(item.judge, ""))
        for column, value in enumerate(people):
            text(r, column, clean(value))
        column = 4
        for score in item.scores:
            if score is not None:
                write_number(r, column, number(score))
            column += 1
        if item.judge_total is not None:  # no total: no cell, as openpyxl's writer leaves it
            write_number(r, column, number(item.judge_total), total)
        text(r, column + 1, states[item.state])
        reason, note = clean(item.reason or None), clean(notes.get((item.entrant, item.judge)))
        if reason is not None:
            text(r, column + 2, reason)
        if note is not None:
            text(r, column + 3, note)
        r += 1
    sheet.row = r
    sheet.close()


def _decisions(book, styles, bundle: ResultsBundle, t: Messages) -> None:
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
    sheet = _Sheet(book, styles, bundle, t, "decisions", headers, [22, 8, 48, 26, 48, 18, 20, 66])
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


def _audit(book, styles, bundle: ResultsBundle, t: Messages) -> None:
    headers = [
        t("export.col.seq"),
        t("export.col.at"),
        t("export.col.actor"),
        t("export.col.action"),
        t("export.col.subject"),
        t("export.col.detail"),
        t("export.col.hash"),
    ]
    sheet = _Sheet(book, styles, bundle, t, "audit", headers, [7, 30, 18, 18, 18, 70, 66])
    for entry in bundle.audit:
        detail = json.dumps(entry.detail, ensure_ascii=False, sort_keys=True)
        sheet.append([entry.seq, entry.at, entry.actor, entry.action, entry.subject, detail, entry.hash])
    sheet.close()


def _about(book, styles, bundle: ResultsBundle, t: Messages) -> None:
    config = bundle.config
    event = config.event
    sheet = _Sheet(book, styles, bundle, t, "about", [t("export.col.item"), t("export.col.value")], [30, 90])
    status = t("export.provisional") if bundle.provisional else t("export.final")
    lines: list[tuple[str, Any]] = [
        ("export.about.status", (status, styles["stamp" if bundle.provisional else "header"])),
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
    rows: list[tuple[str, Any]] = [(t(key), value) for key, value in lines]
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
    rows.append((t("export.about.total_paid"), (total_paid(bundle.rows), styles["rupiah"])))
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
        fmt = None
        if isinstance(value, tuple):
            value, fmt = value
        sheet.append([label, value], [styles["header"], fmt])
    sheet.close()


def _look(cell: Any) -> tuple:
    """What a reader sees of a cell: value, number format, bold, size, colour and fill (ARGB
    alpha ignored: openpyxl writes 00, XlsxWriter FF; both mean an opaque colour)."""
    font, fill = cell.font, cell.fill
    colour = font.color.rgb[-6:] if font.color is not None and font.color.type == "rgb" else None
    shade = fill.fgColor.rgb[-6:] if fill.fill_type else None
    size = 11.0 if font.sz is None else float(font.sz)  # no size = the workbook's Calibri 11
    return (cell.value, cell.number_format, bool(font.b), size, colour, fill.fill_type, shade)


def _widths(sheet: Any) -> dict[int, float]:
    """Column number -> width, with ranges (<col min max>) spread over their columns."""
    found = {}
    for dimension in sheet.column_dimensions.values():
        if dimension.width:
            for column in range(dimension.min, dimension.max + 1):
                found[column] = round(dimension.width, 2)
    return found


def compare(ours: Path, theirs: Path) -> list[str]:
    """Every difference a reader could see between two workbooks, read back with openpyxl."""
    from openpyxl import load_workbook

    a, b = load_workbook(ours), load_workbook(theirs)
    if a.sheetnames != b.sheetnames:
        return [f"sheets {a.sheetnames} != {b.sheetnames}"]
    found = []
    for name in a.sheetnames:
        x, y = a[name], b[name]
        for what, left, right in (
            ("size", (x.max_row, x.max_column), (y.max_row, y.max_column)),
            ("frozen", x.freeze_panes, y.freeze_panes),
            ("filter", x.auto_filter.ref, y.auto_filter.ref),
            ("widths", _widths(x), _widths(y)),
        ):
            if left != right:
                found.append(f"{name} {what}: {left} != {right}")
        for row_x, row_y in zip(x.iter_rows(), y.iter_rows()):
            for cell_x, cell_y in zip(row_x, row_y):
                if _look(cell_x) != _look(cell_y):
                    found.append(f"{name}!{cell_x.coordinate}: {_look(cell_x)} != {_look(cell_y)}")
    return found
