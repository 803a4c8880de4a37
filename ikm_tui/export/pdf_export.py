"""The printable *berita acara penilaian*: the official minutes the panel and the head sign.

A4 portrait, in the event's language, with a Unicode font embedded (names like "Ni Luh Putu"
or "Ma'ruf" and ``Rp 3.000.000`` print anywhere). Page one carries what is signed: the event,
the rule, the winners by tier with the total paid out, ties and the panel's decisions, and a
signature line for every judge and the head of the office. The full ranking follows as an
appendix. Every page's footer has the page number and the results digest, so a loose page can be
matched to the locked result; until the results are finalised every page says PROVISIONAL.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from fpdf import FPDF

from ikm_tui.export import fonts
from ikm_tui.export.atomic import write_atomically
from ikm_tui.export.bundle import ResultsBundle
from ikm_tui.export.proof import decision_rows
from ikm_tui.export.wording import (
    category_name,
    date_text,
    days_text,
    entrant_label,
    moment_text,
    rule_text,
    tie_break_text,
    total_paid,
)
from ikm_tui.i18n import Messages

FONT = "DejaVu"
SIGNATURE_H = 27  # room to sign, the name and a two-line title, per pair of judges
HEAD_H = 40  # "Acknowledged by", the head's title, room to sign and the name
# Control characters have no glyph: a tab prints as a space, the rest as nothing.
UNPRINTABLE = {code: None for code in (*range(32), 127)} | {9: " ", 10: " ", 13: " "}
MARGIN = 18
STAMP_RED = (192, 0, 0)
RULE_GREY = (150, 150, 150)
HEADER_FILL = (221, 228, 238)
STRIPE_FILL = (244, 246, 249)
TIER_FILLS = ((253, 236, 200), (214, 228, 245), (218, 240, 222))

# The appendix table: (column, width in mm, right-aligned); 174 mm between the margins.
RANKING_COLUMNS = (
    ("rank", 17, True),
    ("entrant", 12, False),
    ("name", 32, False),
    ("business", 34, False),
    ("category", 17, False),
    ("total", 12, True),
    ("judges", 13, True),
    ("prize", 16, False),
    ("amount", 21, True),
)


def write_pdf(bundle: ResultsBundle, path: Path) -> Path:
    return write_atomically(path, lambda tmp: Minutes(bundle).render().output(str(tmp)))


class Minutes(FPDF):
    """One document; ``render()`` lays out every section, ``header``/``footer`` run per page."""

    def __init__(self, bundle: ResultsBundle) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.bundle = bundle
        self.config = bundle.config
        self.t = Messages(bundle.config.event.language)
        self.in_appendix = False
        # (style, size, text) -> width in mm: a ranking repeats categories, prizes and amounts
        self.widths: dict[tuple[str, float, str], float] = {}
        self.add_font(FONT, "", str(fonts.REGULAR))
        self.add_font(FONT, "B", str(fonts.BOLD))
        self.set_margins(MARGIN, 16, MARGIN)
        self.set_auto_page_break(True, margin=22)
        event = self.config.event
        self.set_title(f"{self.t('export.pdf.title')} — {event.title}")
        self.set_author(event.organiser)
        self.set_creator("ikm-tui")
        self.set_subject(self.t("export.pdf.digest", digest=bundle.digest))

    def normalize_text(self, text: str) -> str:
        """Every string drawn passes here (fpdf2 calls it): a name with a stray control
        character prints cleanly instead of as a missing glyph."""
        return super().normalize_text(text.translate(UNPRINTABLE))

    # -- every page -------------------------------------------------------------------------

    def header(self) -> None:
        if self.bundle.provisional:
            self.set_font(FONT, "B", 9)
            self.set_text_color(*STAMP_RED)
            self._cell_text(MARGIN, 8, self.w - 2 * MARGIN, 5, self.t("export.provisional"), align="C")
            self.set_text_color(0)
        self.set_y(16)
        if self.in_appendix:
            self._ranking_header()

    def footer(self) -> None:
        """Drawn after the page's content, so the watermark lies over tables, not under them."""
        t = self.t
        if self.bundle.provisional:
            self._watermark()
        self.set_y(-18)
        self.set_draw_color(*RULE_GREY)
        self.line(MARGIN, self.get_y(), self.w - MARGIN, self.get_y())
        self.set_font(FONT, "", 6.5)
        self.set_text_color(80)
        top, width = self.get_y(), self.w - 2 * MARGIN
        self._cell_text(MARGIN, top, width, 4, self.footer_lines[0], align="L")
        self.set_x(MARGIN)  # the page count is filled in at the end: cell() knows how
        self.cell(0, 4, t("export.pdf.page", page=self.page_no(), pages="{nb}"), align="R")
        self._cell_text(MARGIN, top + 4, width, 4, self.footer_lines[1], align="L")
        self._cell_text(MARGIN, top + 8, width, 4, self.footer_lines[2], align="L")
        self.set_text_color(0)

    @cached_property
    def footer_lines(self) -> tuple[str, str, str]:
        """The footer's lines besides the page number: the same on every page."""
        t, bundle = self.t, self.bundle
        generated = moment_text(bundle.generated_at, t)
        return (
            t("export.pdf.digest", digest=bundle.digest),
            t("export.pdf.head", seq=bundle.head.seq, head=bundle.head.hash),
            f"{self.config.event.title} · {t('export.pdf.generated', at=generated)}",
        )

    def _watermark(self) -> None:
        with self.local_context(fill_opacity=0.12, text_color=STAMP_RED):
            self.set_font(FONT, "B", 64)
            text = self.t("export.pdf.watermark")
            width = self.get_string_width(text)
            cx, cy = self.w / 2, self.h / 2
            with self.rotation(50, cx, cy):
                self.text(cx - width / 2, cy + 8, text)

    # -- the document -----------------------------------------------------------------------

    def render(self) -> Minutes:
        self.add_page()
        self._title_block()
        self._criteria_and_rule()
        self._winners()
        self._ties()
        self._signatures()
        self._appendix()
        return self

    def _title_block(self) -> None:
        t, event = self.t, self.config.event
        self.set_font(FONT, "B", 15)
        self.cell(0, 8, t("export.pdf.title"), align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "B", 12)
        self.multi_cell(0, 6, event.title, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(3)
        for key, value in (
            ("export.about.organiser", event.organiser),
            ("export.about.venue", event.venue),
            ("export.about.dates", days_text(event.days, t)),
        ):
            if not value:
                continue
            self.set_font(FONT, "B", 9.5)
            self.cell(32, 5.5, t(key))
            self.set_font(FONT, "", 9.5)
            self.multi_cell(0, 5.5, f": {value}", new_x="LMARGIN", new_y="NEXT")
        if self.bundle.provisional:
            self.ln(2)
            self.set_font(FONT, "B", 10)
            # red for the stamp only: the rules drawn after it keep their own colour
            with self.local_context(text_color=STAMP_RED, draw_color=STAMP_RED):
                self.multi_cell(
                    0, 7, self.t("export.provisional"), border=1, align="C", new_x="LMARGIN", new_y="NEXT"
                )
        self.ln(3)
        self.set_font(FONT, "", 9.5)
        self.multi_cell(
            0,
            5,
            t(
                "export.pdf.intro",
                judges=len(self.config.judges),
                entrants=len(self.config.entrants),
                criteria=len(self.config.criteria),
            ),
            new_x="LMARGIN",
            new_y="NEXT",
        )

    def _heading(self, text: str) -> None:
        self.ln(3)
        if self.will_page_break(20):
            self.add_page()
        self.set_font(FONT, "B", 11)
        self.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")

    def _criteria_and_rule(self) -> None:
        t = self.t
        self._heading(t("export.pdf.criteria"))
        widths = (112, 24, 38)
        self._table_header(
            (t("export.col.criterion"), t("export.col.weight"), t("export.col.scale")),
            widths,
            (False, True, True),
        )
        self.set_font(FONT, "", 9)
        for c in self.config.criteria:
            scale = f"{t.score(c.min)}–{t.score(c.max)} ({t.score(c.step)})"
            self._row((c.name, str(c.weight), scale), widths, (False, True, True))
        self._heading(t("export.pdf.rule"))
        self.set_font(FONT, "", 9)
        for line in (
            f"{t('export.about.judge_total')}: {t('export.rule.judge_total')}",
            f"{t('export.about.rule')}: {rule_text(self.config, t)}",
            f"{t('export.about.tie_break')}: {tie_break_text(self.config, t)}",
        ):
            self.multi_cell(0, 5, f"•  {line}", align="L", new_x="LMARGIN", new_y="NEXT")

    def _winners(self) -> None:
        t = self.t
        self._heading(t("export.pdf.winners"))
        winners = [row for row in self.bundle.rows if row["prize"] is not None]
        if not winners:
            self.set_font(FONT, "", 9)
            self.cell(0, 6, t("export.pdf.no_winners"), new_x="LMARGIN", new_y="NEXT")
            return
        widths = (20, 19, 39, 44, 20, 32)
        right = (False, True, False, False, True, True)
        self._table_header(
            (
                t("col.prize"),
                t("col.rank"),
                t("col.name"),
                t("col.business"),
                t("col.total"),
                t("col.amount"),
            ),
            widths,
            right,
        )
        tiers = {prize.label: i for i, prize in enumerate(self.config.prizes)}
        self.set_font(FONT, "", 9)
        for row in winners:
            fill = TIER_FILLS[tiers.get(row["prize"], 0) % len(TIER_FILLS)]
            self._row(
                (
                    row["prize"],
                    str(row["rank"]),
                    row["name"],
                    row["business"],
                    self._points(row["total"]),
                    t.rupiah(row["amount"]),
                ),
                widths,
                right,
                fill=fill,
            )
        self.set_font(FONT, "B", 9.5)
        self.cell(sum(widths[:-1]), 7, t("export.pdf.total_paid"), border="T", align="R")
        self.cell(
            widths[-1],
            7,
            t.rupiah(total_paid(self.bundle.rows)),
            border="T",
            align="R",
            new_x="LMARGIN",
            new_y="NEXT",
        )

    def _ties(self) -> None:
        t, config = self.t, self.config
        self._heading(t("export.pdf.ties"))
        self.set_font(FONT, "", 9)
        lines = []
        for item in decision_rows(self.bundle):
            names = ", ".join(entrant_label(config, e) for e in item.entrants)
            if item.kind == "tie":
                lines.append(
                    t(
                        "export.pdf.open_tie",
                        rank=item.rank,
                        entrants=names,
                        prizes=" / ".join(p or "–" for p in item.prizes),
                        blocks=t("export.tie_blocks"),
                    )
                )
            elif item.kind == "decision":
                ordered = " › ".join(entrant_label(config, e) for e in item.entrants)
                lines.append(
                    t(
                        "export.pdf.decision",
                        rank=item.rank or "–",
                        entrants=ordered,
                        reason=item.reason,
                        by=item.by,
                    )
                )
            elif item.kind == "finalised":
                line = t("export.pdf.finalised", at=moment_text(item.at, t), by=item.by)
                if item.reason:
                    line += t("export.pdf.override", reason=item.reason)
                lines.append(line)
            else:
                lines.append(
                    t("export.pdf.unlocked", at=moment_text(item.at, t), by=item.by, reason=item.reason)
                )
        for line in lines or [t("export.pdf.no_ties")]:
            self.multi_cell(0, 5, f"•  {line}", align="L", new_x="LMARGIN", new_y="NEXT")

    def _signatures(self) -> None:
        t, event = self.t, self.config.event
        judges = self.config.judges
        rows_needed = (len(judges) + 1) // 2
        needed = 30 + min(rows_needed, 6) * SIGNATURE_H + HEAD_H  # a big panel runs on
        self.ln(4)
        if self.will_page_break(needed):
            self.add_page()
        self.set_font(FONT, "", 9.5)
        self.multi_cell(0, 5, t("export.pdf.closing"), new_x="LMARGIN", new_y="NEXT")
        self.ln(2)
        signed_on = date_text(self.bundle.generated_at.date(), t)
        place = event.venue or event.organiser
        self.cell(
            0,
            5,
            t("export.pdf.place_date", venue=place, date=signed_on) if place else signed_on,
            align="R",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        self.ln(2)
        self.set_font(FONT, "B", 10)
        self.cell(0, 6, t("export.pdf.panel"), new_x="LMARGIN", new_y="NEXT")
        column = (self.w - 2 * MARGIN) / 2
        for index, judge in enumerate(judges):
            x = MARGIN + (index % 2) * column
            if index % 2 == 0:
                if self.get_y() + SIGNATURE_H > self.page_break_trigger:
                    self.add_page()
                top = self.get_y()
            self._signature(x, top, column - 6, f"{index + 1}. {judge.name}", judge.title)
            if index % 2 == 1 or index == len(judges) - 1:
                self.set_xy(MARGIN, top + SIGNATURE_H)
        self.ln(4)
        if self.get_y() + HEAD_H > self.page_break_trigger:
            self.add_page()
        x = self.w - MARGIN - column
        top = self.get_y()
        self.set_xy(x, top)
        self.set_font(FONT, "", 9.5)
        self.cell(column, 5, t("export.pdf.acknowledged"), new_x="LEFT", new_y="NEXT")
        self.multi_cell(
            column, 5, event.head_title or t("export.pdf.head_default"), new_x="LEFT", new_y="NEXT"
        )
        self._signature(x, self.get_y(), column - 6, event.head_name or "", "")
        self.set_xy(MARGIN, self.get_y() + 24)

    def _signature(self, x: float, top: float, width: float, name: str, title: str) -> None:
        """Room to sign, a line, the name under it and the judge's title in small print."""
        line_y = top + 13
        self.set_draw_color(0)
        self.line(x, line_y, x + width, line_y)
        self.set_xy(x, line_y + 0.8)
        self.set_font(FONT, "B", 8.5)
        self.cell(width, 4.5, self._fit(name, width), new_x="LEFT", new_y="NEXT")
        if title:
            self.set_font(FONT, "", 7)
            self.multi_cell(width, 3.2, title, align="L")

    # -- the appendix: the full ranking -----------------------------------------------------

    def _appendix(self) -> None:
        self.in_appendix = False
        self.ranking_widths = self._ranking_widths()
        self.add_page()
        self.set_font(FONT, "B", 11)
        self.cell(0, 7, self.t("export.pdf.appendix"), new_x="LMARGIN", new_y="NEXT")
        self._ranking_header()
        self.in_appendix = True  # from the next page on, header() repeats the column names
        self.set_font(FONT, "", 7.5)
        bottom = self.h - 22
        t, config = self.t, self.config
        statuses: dict[str, str] = {}
        widths, right = self.ranking_widths, [r for _, _, r in RANKING_COLUMNS]
        for index, row in enumerate(self.bundle.rows):
            status = statuses.setdefault(row["status"], t(f"status.{row['status']}"))
            values = (
                "" if row["rank"] is None else str(row["rank"]),
                row["entrant"],
                row["name"],
                row["business"],
                category_name(config, row["category"]),
                self._points(row["total"]) if row["total"] else "–",
                f"{row['judges']}/{row['expected_judges']}",
                row["prize"] or ("" if row["rank"] else status),
                t.rupiah(row["amount"]) if row["amount"] is not None else "",
            )
            self._row(
                values,
                widths,
                right,
                line=3.4,
                pad=0.8,
                fill=STRIPE_FILL if index % 2 else None,
                bottom=bottom,
            )

    def _ranking_widths(self) -> list[float]:
        """The entrant code is never cut: its column grows to the longest code, and the name
        and business columns (which may wrap) give up the room."""
        self.set_font(FONT, "", 7.5)
        widths: dict[str, float] = {c: w for c, w, _ in RANKING_COLUMNS}
        longest = max((self._width(e.id) for e in self.config.entrants), default=0)
        extra = min(max(longest + 2.5 - widths["entrant"], 0), 24)
        widths["entrant"] += extra
        widths["name"] -= extra / 2
        widths["business"] -= extra / 2
        return [widths[c] for c, _, _ in RANKING_COLUMNS]

    def _ranking_header(self) -> None:
        t = self.t
        labels = {
            "rank": t("col.rank"),
            "entrant": t("export.col.code"),
            "name": t("col.name"),
            "business": t("col.business"),
            "category": t("col.category"),
            "total": t("col.total"),
            "judges": t("col.judges"),
            "prize": t("col.prize"),
            "amount": t("col.amount"),
        }
        self._table_header(
            [labels[c] for c, _, _ in RANKING_COLUMNS],
            self.ranking_widths,
            [r for _, _, r in RANKING_COLUMNS],
            size=7.5,
        )
        self.set_font(FONT, "", 7.5)

    # -- small helpers ----------------------------------------------------------------------

    def _table_header(self, labels, widths, right, *, size: float = 8.5) -> None:
        """The column names on a shaded band, drawn the way ``cell()`` would place them (the
        appendix repeats this on each of its pages; ``cell()`` costs a lot more than ``text()``)."""
        self.set_font(FONT, "B", size)
        y = self.get_y()
        self.set_fill_color(*HEADER_FILL)
        self.rect(self.l_margin, y, sum(widths), 6, style="F")
        self.set_fill_color(0)  # = the text colour, so text() needs no colour of its own
        x = self.l_margin
        for label, width, r in zip(labels, widths, right):
            self._cell_text(x, y, width, 6, self._fit(label, width - 2), align="R" if r else "L")
            x += width
        self.set_xy(self.l_margin, y + 6)

    def _cell_text(self, x: float, y: float, width: float, height: float, text: str, *, align: str) -> None:
        """``text`` where ``cell(width, height, text, align=align)`` at (x, y) prints it (one
        cell margin in, or centred), on the baseline fpdf2 gives a one-line cell."""
        if not text:
            return
        if align == "R":
            left = x + width - self.c_margin - self._width(text)
        elif align == "C":
            left = x + (width - self._width(text)) / 2
        else:
            left = x + self.c_margin
        self.text(left, y + 0.5 * height + 0.3 * self.font_size, text)

    def _row(
        self,
        values,
        widths,
        right,
        *,
        fill=None,
        line: float = 4.2,
        pad: float = 0.8,
        bottom: float | None = None,
    ) -> None:
        """One table row drawn with ``text()`` (many times cheaper than ``cell()``, which counts
        at 10,000 entrants); a value too long for its column wraps onto more lines, so a
        winner's name is never cut."""
        cells = [self._wrap(str(v), w - 2) for v, w in zip(values, widths)]
        height = max(len(c) for c in cells) * line + 2 * pad
        if self.get_y() + height > (bottom or self.page_break_trigger):
            self.add_page()
        y = self.get_y()
        if fill:
            self.set_fill_color(*fill)
            self.rect(MARGIN, y, sum(widths), height, style="F")
            self.set_fill_color(0)  # = the text colour, so text() needs no colour of its own
        x = MARGIN
        for lines, width, r in zip(cells, widths, right):
            for n, text in enumerate(lines):
                if not text:
                    continue  # most of a ranking has no prize and no amount: nothing to draw
                offset = width - 1 - self._width(text) if r else 1
                self.text(x + offset, y + pad + (n + 1) * line - line * 0.22, text)
            x += width
        self.set_y(y + height)

    def _width(self, text: str) -> float:
        """``get_string_width`` for our plain text (no markdown, no shaping), from the font's
        width table: the library's general path costs more than drawing the text itself.
        Remembered per font style and size, since a ranking repeats most of its texts."""
        key = (self.font_style, self.font_size_pt, text)
        width = self.widths.get(key)
        if width is None:
            font = self.current_font
            assert font is not None  # set_font() ran before any text is measured
            width = self.widths[key] = float(font.get_text_width(text, self.font_size_pt, None)[1] / self.k)
        return width

    def _wrap(self, text: str, width: float) -> list[str]:
        """Greedy word wrap to ``width``; a single word longer than the column is cut."""
        if not text or self._width(text) <= width:
            return [text]
        lines, current = [], ""
        for word in text.split():
            candidate = f"{current} {word}" if current else word
            if self._width(candidate) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = word if self._width(word) <= width else self._fit(word, width)
        lines.append(current)
        return lines

    def _fit(self, text: str, width: float) -> str:
        """Cut text that would run into the next column, marking the cut with an ellipsis."""
        if not text or self._width(text) <= width:
            return text or ""
        while text and self._width(text + "…") > width:
            text = text[:-1]
        return text.rstrip() + "…"

    def _points(self, total: str | None) -> str:
        """A total as the event's readers write it: ``83,25`` in Indonesian."""
        if total is None:
            return "–"
        return self.t.decimal(total)
