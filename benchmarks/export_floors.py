"""The libraries alone, writing the same rows the csv module writes (benchmarks/export.py).

Each writer here puts every non-empty value of the rows into a file as plain values, with no
layout of ours: what a library costs per cell before we add anything. openpyxl and fpdf2 are
the project's libraries; XlsxWriter and ReportLab are the field's other standard writers, shown
when installed (``pip install XlsxWriter reportlab rl-accel``) so the floor of a switch is
measured, not guessed. ``None`` from :func:`floors` means "not installed".
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

from ikm_tui.export import fonts

Writer = Callable[[list[list], Path], None]

# The PDF floor's layout: nine columns 19 mm apart, 4.2 mm rows, a new page below 270 mm.
PDF_COLUMNS = [18 + 19 * i for i in range(9)]
PDF_TOP, PDF_BOTTOM, PDF_LINE, PDF_SIZE = 20.0, 270.0, 4.2, 7.5


def write_with_openpyxl(rows: list[list], path: Path) -> None:
    """openpyxl's write-only mode, one sheet, no styles."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("rows")
    for row in rows:
        sheet.append(row)
    book.save(path)


def write_with_xlsxwriter(rows: list[list], path: Path) -> None:
    """XlsxWriter in constant_memory mode (rows streamed to disk, strings inline), each value
    written with its typed call (the cheapest path: ``write()`` first guesses the type)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    sheet = book.add_worksheet("rows")
    text, number = sheet.write_string, sheet.write_number
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, str):
                text(r, c, value)
            else:
                number(r, c, value)
    book.close()


def _fpdf2(*, embedded: bool, compress: bool) -> Writer:
    def write(rows: list[list], path: Path) -> None:
        from fpdf import FPDF

        pdf = FPDF(unit="mm", format="A4")
        pdf.set_compression(compress)
        if embedded:
            pdf.add_font("DejaVu", "", str(fonts.REGULAR))
        pdf.set_auto_page_break(False)
        pdf.add_page()
        pdf.set_font("DejaVu" if embedded else "Helvetica", "", PDF_SIZE)
        y = PDF_TOP
        for row in rows:
            if y > PDF_BOTTOM:
                pdf.add_page()
                y = PDF_TOP
            for x, value in zip(PDF_COLUMNS, row):
                if value is not None and value != "":
                    pdf.text(x, y, str(value))
            y += PDF_LINE
        pdf.output(str(path))

    return write


write_with_fpdf2 = _fpdf2(embedded=True, compress=True)
"""fpdf2, our embedded DejaVu font, one ``text()`` per cell: the floor our PDF writer stands on."""


def _reportlab(*, embedded: bool) -> Writer:
    def write(rows: list[list], path: Path) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas

        font = "Helvetica"
        if embedded:
            font = "DejaVu"
            if font not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(font, str(fonts.REGULAR)))
        page = canvas.Canvas(str(path), pagesize=A4, pageCompression=1)
        xs = [x * mm for x in PDF_COLUMNS]
        top = A4[1]
        lines = page.beginText()
        lines.setFont(font, PDF_SIZE)
        y = PDF_TOP
        for row in rows:
            if y > PDF_BOTTOM:
                page.drawText(lines)
                page.showPage()
                lines = page.beginText()
                lines.setFont(font, PDF_SIZE)
                y = PDF_TOP
            baseline = top - y * mm
            for x, value in zip(xs, row):
                if value is not None and value != "":
                    lines.setTextOrigin(x, baseline)
                    lines.textOut(str(value))
            y += PDF_LINE
        page.drawText(lines)
        page.save()

    return write


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def reportlab_accelerated() -> bool:
    """ReportLab's C helpers (the rl-accel package) make it about a third cheaper."""
    return _installed("_rl_accel")


def floors() -> dict[str, list[tuple[str, Writer | None]]]:
    """Per format, (label, writer or None when its library is not installed)."""
    xlsxwriter = _installed("xlsxwriter")
    reportlab = _installed("reportlab")
    return {
        "xlsx": [
            ("openpyxl write-only", write_with_openpyxl),
            ("XlsxWriter constant_memory", write_with_xlsxwriter if xlsxwriter else None),
        ],
        "pdf": [
            ("fpdf2 text(), DejaVu embedded", write_with_fpdf2),
            ("fpdf2 text(), DejaVu, no compression", _fpdf2(embedded=True, compress=False)),
            ("fpdf2 text(), core Helvetica [looks different]", _fpdf2(embedded=False, compress=True)),
            ("ReportLab text object, DejaVu embedded", _reportlab(embedded=True) if reportlab else None),
            (
                "ReportLab text object, core Helvetica [looks different]",
                _reportlab(embedded=False) if reportlab else None,
            ),
        ],
    }
