"""A feedback report for every start-up: how the panel saw the business, criterion by criterion.

One A4 page per entrant (a second when the judges wrote a lot), in the event's language, for a
business owner rather than for staff: the total, a bar chart of the panel's score on each
criterion next to the middle and the best of the field, the two strongest and the two weakest
criteria in words, and the judges' notes — unattributed unless ``[feedback] attribute_notes``.
A start-up that did not present gets a short page saying so. Rank and prize appear only once
the results are finalised; before that every page is stamped SEMENTARA.

Speed: the reports are drawn once, as the combined document for printing, and each entrant's
own file is cut out of it with pypdf — fpdf2 spends ~40 ms per document just reading the font,
which a thousand separate documents would pay a thousand times.
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from pathlib import Path

from ikm_tui.domain.numbers import decimal_text
from ikm_tui.domain.feedback import EntrantFeedback, field_feedback, sheets_from_scores
from ikm_tui.export.atomic import write_files_atomically
from ikm_tui.export.bundle import ResultsBundle
from ikm_tui.export.page_cut import PageCutter
from ikm_tui.export.pdf_base import FONT, STAMP_RED, TEXT_GREY, EventDocument
from ikm_tui.export.wording import category_name, date_text

OWN = (31, 78, 140)  # the entrant's bar
MEDIAN = (160, 160, 160)  # the field's middle
BEST = (120, 180, 120)  # the field's best
PANEL_FILL = (232, 239, 248)
GRID = (215, 215, 215)
NOTE_FILL = (248, 246, 238)
BOTTOM = 20.0  # keep clear of the footer


def write_feedback(bundle: ResultsBundle, folder: Path) -> Path:
    """Every entrant's report and the combined one into ``folder``; returns the folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    document = FeedbackReports(bundle).render()
    data = bytes(document.output())
    files = {combined_name(bundle): data}
    cutter = PageCutter(data, title=document.report_title, author=bundle.config.event.organiser)
    for entrant, (first, last) in document.entrant_pages.items():
        files[report_name(bundle, entrant)] = cutter.pages(first, last)
    return write_files_atomically(folder, files)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def report_name(bundle: ResultsBundle, entrant_id: str) -> str:
    """``E01-keripik-tempe-sari-rasa.pdf``: the code sorts the folder, the business names it."""
    entrant = bundle.config.entrant(entrant_id)
    name = slug(entrant.business)[:60].strip("-")
    return f"{entrant_id}-{name}.pdf" if name else f"{entrant_id}.pdf"


def combined_name(bundle: ResultsBundle) -> str:
    from ikm_tui.i18n import Messages

    t = Messages(bundle.config.event.language)
    marker = "-" + slug(t("export.pdf.watermark")) if bundle.provisional else ""
    return f"{slug(t('feedback.file_all'))}{marker}.pdf"


class FeedbackReports(EventDocument):
    """All reports in one document; ``entrant_pages[entrant] = (first, last)`` page numbers."""

    def __init__(self, bundle: ResultsBundle) -> None:
        t_title = _title(bundle)
        super().__init__(bundle, title=t_title)
        self.report_title = t_title
        self.entrant_pages: dict[str, tuple[int, int]] = {}
        self.feedback = field_feedback(bundle.config, sheets_from_scores(bundle.scores), bundle.statuses)
        self.rows = {row["entrant"]: row for row in bundle.rows}
        self.ranked = sum(1 for row in bundle.rows if row["rank"] is not None)
        self.judge_names = {j.id: j.name for j in bundle.config.judges}
        self.content_w = self.w - 2 * self.margin

    def render(self) -> FeedbackReports:
        for entrant in self.config.entrants:
            first = self.page + 1
            self.add_page()  # draws the previous page's footer: name this page only after it
            self.footer_note = f"{entrant.id} · {entrant.business}"
            y = self._top(entrant.id)
            report = self.feedback[entrant.id]
            if report.presented:
                self._report(entrant.id, report, y)
            else:
                self._absent(entrant.id, y)
            self.entrant_pages[entrant.id] = (first, self.page)
        return self

    # -- the top of every report ------------------------------------------------------------

    def _top(self, entrant_id: str) -> float:
        t, event, m = self.t, self.config.event, self.margin
        entrant = self.config.entrant(entrant_id)
        self.set_font(FONT, "", 8)
        self.set_text_color(*TEXT_GREY)
        self.text(m, 17, self.fit(f"{event.organiser} · {event.venue}".strip(" ·"), self.content_w))
        self.set_text_color(0)
        self.set_font(FONT, "B", 10.5)
        y = self.paragraph(m, 19, event.title, self.content_w, 5)
        self.set_font(FONT, "B", 17)
        self.text(m, y + 8, t("feedback.title"))
        self.set_font(FONT, "", 9)
        self.set_text_color(*TEXT_GREY)
        self.text(m, y + 13, t("feedback.subtitle"))
        self.set_text_color(0)
        y += 17
        self.set_font(FONT, "B", 13)
        business = self.wrap(entrant.business, self.content_w - 8)[:2]
        self.set_font(FONT, "", 9)
        details = t(
            "feedback.who",
            name=entrant.name,
            category=category_name(self.config, entrant.category),
            code=entrant.id,
            day=entrant.day,
            date=date_text(event.days[entrant.day - 1], t),
        )
        detail_lines = self.wrap(details, self.content_w - 8)
        height = 4 + len(business) * 6 + len(detail_lines) * 4.4 + 3
        self.set_fill_color(*PANEL_FILL)
        self.rect(m, y, self.content_w, height, style="F")
        self.set_font(FONT, "B", 13)
        below = self.lines(m + 4, y + 3, business, 6)
        self.set_font(FONT, "", 9)
        self.lines(m + 4, below + 0.5, detail_lines, 4.4)
        y += height + 3
        if self.provisional:
            self.set_font(FONT, "B", 9)
            self.set_text_color(*STAMP_RED)
            self.set_draw_color(*STAMP_RED)
            text = self.wrap(t("feedback.provisional"), self.content_w - 6)
            self.rect(m, y, self.content_w, len(text) * 4.5 + 2.5)
            self.lines(m + 3, y + 1.2, text, 4.5)
            self.set_text_color(0)
            self.set_draw_color(0)
            y += len(text) * 4.5 + 5
        return y

    # -- a start-up that did not present ----------------------------------------------------

    def _absent(self, entrant_id: str, y: float) -> None:
        t = self.t
        status = self.bundle.statuses.get(entrant_id, "")
        reason = t(f"feedback.absent.{status}") if status in ("withdrawn", "forfeit") else ""
        self.set_font(FONT, "B", 12)
        self.text(self.margin, y + 8, t("feedback.absent.title"))
        self.set_font(FONT, "", 10)
        text = t("feedback.absent.body", reason=reason).strip()
        self.paragraph(self.margin, y + 12, text, self.content_w, 5.2)

    # -- a report ---------------------------------------------------------------------------

    def _report(self, entrant_id: str, report: EntrantFeedback, y: float) -> None:
        y = self._summary(entrant_id, y)
        y = self._chart(report, y + 2)
        y = self._highlights(report, y + 2)
        y = self._notes(entrant_id, y + 2)
        self._explain(report, y + 2)

    def _summary(self, entrant_id: str, y: float) -> float:
        t, m = self.t, self.margin
        row = self.rows.get(entrant_id, {})
        tiles = [(t("feedback.total"), self.points(row.get("total")), t("feedback.of_100"))]
        if self.provisional:
            tiles.append((t("feedback.rank"), "…", t("feedback.after_final")))
            tiles.append((t("feedback.prize"), "…", t("feedback.after_final")))
        else:
            rank = row.get("rank")
            tiles.append(
                (
                    t("feedback.rank"),
                    str(rank) if rank else "–",
                    t("feedback.of_ranked", count=self.ranked) if rank else t("feedback.not_ranked"),
                )
            )
            prize = row.get("prize")
            tiles.append(
                (
                    t("feedback.prize"),
                    prize or "–",
                    t.rupiah(row.get("amount")) if prize else t("feedback.no_prize"),
                )
            )
        gap = 4
        width = (self.content_w - gap * (len(tiles) - 1)) / len(tiles)
        for i, (label, value, small) in enumerate(tiles):
            x = m + i * (width + gap)
            self.set_draw_color(*GRID)
            self.rect(x, y, width, 19)
            self.set_font(FONT, "", 8)
            self.set_text_color(*TEXT_GREY)
            self.text(x + 3, y + 4.5, self.fit(label, width - 6))
            self.set_text_color(0)
            self.set_font(FONT, "B", 15)
            self.text(x + 3, y + 11.5, self.fit(value, width - 6))
            self.set_font(FONT, "", 8)
            self.text(x + 3, y + 16.5, self.fit(small, width - 6))
        self.set_draw_color(0)
        return y + 21

    def _heading(self, text: str, y: float) -> float:
        self.set_font(FONT, "B", 11)
        self.text(self.margin, y + 5, text)
        return y + 7.5

    def _chart(self, report: EntrantFeedback, y: float) -> float:
        """Three bars per criterion — the entrant, the field's middle, the field's best — each
        as a share of the criterion's maximum, with its value printed beside it."""
        t, m = self.t, self.margin
        y = self._heading(t("feedback.chart"), y)
        self.set_font(FONT, "", 7.5)
        x = m
        for colour, label in (
            (OWN, t("feedback.legend.own")),
            (MEDIAN, t("feedback.legend.median")),
            (BEST, t("feedback.legend.best")),
        ):
            self.set_fill_color(*colour)
            self.rect(x, y, 3, 3, style="F")
            self.text(x + 4.2, y + 2.6, label)
            x += 4.2 + self.width(label) + 7
        y += 5
        label_w, value_w = 60.0, 13.0
        bar_x, bar_w = m + label_w, self.content_w - label_w - value_w
        total_weight = sum(c.weight for c in self.config.criteria)
        for view in report.criteria:
            c = view.criterion
            self.set_font(FONT, "B", 8)
            name = self.wrap(c.name, label_w - 3)[:2]
            self.set_font(FONT, "", 7)
            share = Fraction(c.weight) / Fraction(total_weight) * 100
            sub = t("feedback.weight", share=self.t.number(share, 0), max=score_text(c.max, t.language))
            row_h = max(3 * 3.1 + 2.5, len(name) * 3.6 + 4.5)
            self.set_draw_color(*GRID)
            self.line(m, y, m + self.content_w, y)
            self.set_font(FONT, "B", 8)
            below = self.lines(m, y + 1, name, 3.6)
            self.set_font(FONT, "", 7)
            self.set_text_color(*TEXT_GREY)
            self.text(m, below + 3, sub)
            self.set_text_color(0)
            bars: tuple[tuple[Fraction | None, tuple[int, int, int]], ...] = (
                (view.own, OWN),
                (view.median, MEDIAN),
                (view.best, BEST),
            )
            for i, (value, colour) in enumerate(bars):
                top = y + 1.5 + i * 3.1
                self.set_fill_color(245, 245, 245)
                self.rect(bar_x, top, bar_w, 2.5, style="F")
                if value is not None:
                    filled = float(Fraction(value) / Fraction(c.max)) if c.max else 0.0
                    self.set_fill_color(*colour)
                    self.rect(bar_x, top, max(bar_w * min(filled, 1.0), 0.3), 2.5, style="F")
                self.set_font(FONT, "B" if i == 0 else "", 7)
                self.text(bar_x + bar_w + 1.5, top + 2.2, self._score(value))
            y += row_h
        self.line(m, y, m + self.content_w, y)
        self.set_draw_color(0)
        return y + 1

    def _highlights(self, report: EntrantFeedback, y: float) -> float:
        t = self.t
        for key, views, with_help in (
            ("feedback.strong", report.strongest, False),
            ("feedback.weak", report.weakest, True),
        ):
            if not views:
                continue
            y = self._heading(t(key), y)
            for view in views:
                if view.own is None or view.median is None:
                    continue
                side = "above" if view.own > view.median else "below" if view.own < view.median else "equal"
                sentence = t(
                    f"feedback.compare.{side}",
                    criterion=view.criterion.name,
                    own=self._score(view.own),
                    median=self._score(view.median),
                    best=self._score(view.best),
                )
                if with_help and view.criterion.description:
                    sentence += " " + t("feedback.looks_at", description=view.criterion.description)
                y = self._bullet(sentence, y)
            y += 1
        return y

    def _bullet(self, text: str, y: float, *, size: float = 9, leading: float = 4.4) -> float:
        self.set_font(FONT, "", size)
        lines = self.wrap(text, self.content_w - 6)
        if y + len(lines) * leading > self.h - BOTTOM:
            y = self._continue()
        self.text(self.margin + 1, y + leading * 0.75, "•")
        return self.lines(self.margin + 5, y, lines, leading) + 0.8

    def _continue(self) -> float:
        """A long report runs onto a second page of the same entrant, which says whose it is."""
        self.add_page()
        self.set_font(FONT, "B", 9)
        self.set_text_color(*TEXT_GREY)
        self.text(
            self.margin, 17, self.fit(self.t("feedback.continued", who=self.footer_note), self.content_w)
        )
        self.set_text_color(0)
        return 21

    def _notes(self, entrant_id: str, y: float) -> float:
        t = self.t
        notes = self.bundle.notes.get(entrant_id, [])
        if y + 16 > self.h - BOTTOM:
            y = self._continue()
        y = self._heading(t("feedback.notes"), y)
        if not notes:
            self.set_font(FONT, "", 9)
            self.set_text_color(*TEXT_GREY)
            self.text(self.margin, y + 3.5, t("feedback.no_notes"))
            self.set_text_color(0)
            return y + 6
        attribute = self.config.feedback.attribute_notes
        for judge, text in notes:
            self.set_font(FONT, "", 9)
            lines = self.wrap(text, self.content_w - 8)
            leading = 4.4
            height = len(lines) * leading + 3 + (4 if attribute else 0)
            if y + height > self.h - BOTTOM:
                y = self._continue()
            self.set_fill_color(*NOTE_FILL)
            self.rect(self.margin, y, self.content_w, height, style="F")
            self.set_font(FONT, "", 9)
            if right_to_left(text) and self.shaping(True):
                below = self._shaped_lines(lines, y + 1.5, leading)
                self.shaping(False)
            else:
                below = self.lines(self.margin + 4, y + 1.5, lines, leading)
            if attribute:
                self.set_font(FONT, "", 7.5)
                self.set_text_color(*TEXT_GREY)
                self.text(self.margin + 4, below + 3, f"— {self.judge_names.get(judge, judge)}")
                self.set_text_color(0)
            y += height + 2
        return y

    def _shaped_lines(self, lines: list[str], y: float, leading: float) -> float:
        """A right-to-left note: ``cell`` (which, unlike ``text``, shapes), aligned right."""
        for line in lines:
            self.set_xy(self.margin + 4, y)
            self.cell(self.content_w - 8, leading, line, align="R")
            y += leading
        return y

    def _explain(self, report: EntrantFeedback, y: float) -> None:
        from ikm_tui.export.wording import rule_text

        self.set_font(FONT, "", 7)
        text = self.t(
            "feedback.explain",
            rule=rule_text(self.config, self.t),
            field=report.field_size,
        )
        lines = self.wrap(text, self.content_w)
        if y + len(lines) * 3.3 > self.h - BOTTOM:
            y = self._continue()
        self.set_text_color(*TEXT_GREY)
        self.lines(self.margin, y, lines, 3.3)
        self.set_text_color(0)

    def _score(self, value: Fraction | None) -> str:
        return self.t.number(value)


def right_to_left(text: str) -> bool:
    """Arabic or Hebrew letters: without shaping they would print unjoined and reversed."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def score_text(value, language: str) -> str:
    """A scale's bound as written on the form: ``10``, ``7,5``."""
    text = decimal_text(value)
    return text.replace(".", ",") if language == "id" else text


def _title(bundle: ResultsBundle) -> str:
    from ikm_tui.i18n import Messages

    return Messages(bundle.config.event.language)("feedback.title")
