"""Blank paper score forms, the backup when a laptop fails: one page per judge and day.

Each page lists that day's entrants in queue order with one box per criterion (its scale and
step printed under the name), a recusal box and a note box, and ends with the judge's signature
line. The columns are exactly those of ``scores import`` (:func:`~ikm_tui.domain.score_csv.columns`,
the judge being the page's), and each header shows the CSV column name, so staff type a form
straight into the CSV ``ikm-tui forms --csv`` writes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from ikm_tui.domain.config import Config, Entrant, Judge
from ikm_tui.domain.score_csv import columns
from ikm_tui.export.atomic import write_bytes_atomically
from ikm_tui.export.feedback_pdf import score_text
from ikm_tui.export.pdf_base import FONT, RULE_GREY, TEXT_GREY, TextDocument
from ikm_tui.export.wording import date_text

HEADER_FILL = (221, 228, 238)
MIN_ROW, MAX_ROW = 9.0, 16.0
FIXED = (("no", 8.0), ("entrant", 15.0), ("business", 42.0))
CRITERION_W, RECUSED_W, NOTE_MIN = 20.0, 14.0, 60.0


def write_forms(config: Config, days: dict[int, Sequence[Entrant]], path: Path) -> Path:
    """``days`` maps each day to print onto its entrants in queue order."""
    return write_bytes_atomically(path, bytes(ScoreForms(config, days).render().output()))


def write_forms_csv(config: Config, days: dict[int, Sequence[Entrant]], path: Path) -> Path:
    """The matching empty CSV: one row per judge and entrant, in the forms' order. Indonesian
    events get ``;`` (and type ``8,5``), as Indonesian Excel opens and saves it."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";" if config.event.language == "id" else ",", lineterminator="\r\n")
    header = columns(config)
    writer.writerow(header)
    for judge in config.judges:
        for entrants in days.values():
            for entrant in entrants:
                writer.writerow([judge.id, entrant.id] + [""] * (len(header) - 2))
    return write_bytes_atomically(path, ("\ufeff" + out.getvalue()).encode("utf-8"))


class ScoreForms(TextDocument):
    margin = 12.0

    def __init__(self, config: Config, days: dict[int, Sequence[Entrant]]) -> None:
        super().__init__(config, orientation="L", title=Messages_title(config))
        self.days = days
        note_w = self.w - 2 * self.margin - sum(w for _, w in FIXED)
        note_w -= CRITERION_W * len(config.criteria) + RECUSED_W
        self.criterion_w = CRITERION_W
        if note_w < NOTE_MIN:  # many criteria: narrower boxes, the note keeps room to write
            spare = self.w - 2 * self.margin - sum(w for _, w in FIXED) - RECUSED_W - NOTE_MIN
            self.criterion_w = max(spare / max(len(config.criteria), 1), 8.0)
            note_w = NOTE_MIN
        self.note_w = note_w

    def render(self) -> ScoreForms:
        for judge in self.config.judges:
            for day, entrants in self.days.items():
                self._judge_day(judge, day, list(entrants))
        if self.page == 0:
            self.add_page()
        return self

    def _judge_day(self, judge: Judge, day: int, entrants: list[Entrant]) -> None:
        top = self._page_top(judge, day)
        bottom = self.h - 34  # the signature block
        row_h = min(MAX_ROW, max(MIN_ROW, (bottom - top) / max(len(entrants), 1)))
        y = top
        for number, entrant in enumerate(entrants, start=1):
            if y + row_h > bottom:
                self._signature(judge)
                y = self._page_top(judge, day)
            self._row(number, entrant, y, row_h)
            y += row_h
        self._signature(judge)

    def _page_top(self, judge: Judge, day: int) -> float:
        t, event, m = self.t, self.config.event, self.margin
        self.add_page()
        self.set_font(FONT, "B", 13)
        self.text(m, 16, t("forms.title"))
        self.set_font(FONT, "", 8.5)
        self.set_text_color(*TEXT_GREY)
        self.text(m, 21, self.fit(f"{event.title} · {event.organiser}", self.w - 2 * m - 110))
        self.set_text_color(0)
        self.set_font(FONT, "B", 10)
        when = t("forms.day", day=day, date=date_text(event.days[day - 1], t, weekday=True))
        right = self.w - m
        self.text(right - self.width(when), 16, when)
        label = t("forms.judge", id=judge.id, name=judge.name)
        label = self.fit(label, 105)
        self.text(right - self.width(label), 21, label)
        self.set_font(FONT, "", 7.5)
        y = self.paragraph(m, 23, t("forms.instructions"), self.w - 2 * m, 3.4)
        return self._header(y + 1.5)

    def _columns(self) -> list[tuple[str, float]]:
        cols = list(FIXED) + [(c.id, self.criterion_w) for c in self.config.criteria]
        return cols + [("recused", RECUSED_W), ("note", self.note_w)]

    def _header(self, y: float) -> float:
        t, m = self.t, self.margin
        height = 17.0
        x = m
        self.set_fill_color(*HEADER_FILL)
        self.rect(m, y, self.w - 2 * m, height, style="F")
        criteria = {c.id: c for c in self.config.criteria}
        for key, width in self._columns():
            self.set_draw_color(*RULE_GREY)
            self.rect(x, y, width, height)
            if key in criteria:
                c = criteria[key]
                self.set_font(FONT, "B", 5.8)
                name = self.wrap(c.name, width - 1.5)[:3]
                self.lines(x + 0.8, y + 0.6, name, 2.7)
                scale = f"{score_text(c.min, t.language)}–{score_text(c.max, t.language)}"
                step = t("forms.step", step=score_text(c.step, t.language))
                self.set_font(FONT, "", 6)
                self.text(x + 0.8, y + 11.6, self.fit(scale, width - 1.5))
                self.text(x + 0.8, y + 13.9, self.fit(step, width - 1.5))
            else:
                self.set_font(FONT, "B", 7)
                self.lines(x + 0.8, y + 0.8, self.wrap(t(f"forms.col.{key}"), width - 1.5)[:3], 3)
            if key not in ("no", "business"):
                self.set_font(FONT, "", 5.5)
                self.set_text_color(*TEXT_GREY)
                self.text(x + 0.8, y + height - 0.8, self.fit(key, width - 1.5))
                self.set_text_color(0)
            x += width
        self.set_draw_color(0)
        return y + height

    def _row(self, number: int, entrant: Entrant, y: float, height: float) -> None:
        x = self.margin
        for key, width in self._columns():
            self.set_draw_color(*RULE_GREY)
            self.rect(x, y, width, height)
            self.set_font(FONT, "", 8)
            if key == "no":
                self.text(x + 1, y + 4.2, str(number))
            elif key == "entrant":
                self.set_font(FONT, "B", 8)
                self.text(x + 1, y + 4.2, self.fit(entrant.id, width - 2))
            elif key == "business":
                self.set_font(FONT, "", 7.5)
                lines = self.wrap(entrant.business, width - 2)[: max(int(height // 3.3) - 1, 1)]
                below = self.lines(x + 1, y + 0.6, lines, 3.2)
                self.set_font(FONT, "", 6.5)
                self.set_text_color(*TEXT_GREY)
                if below + 3 <= y + height:
                    self.text(x + 1, below + 2.6, self.fit(entrant.name, width - 2))
                self.set_text_color(0)
            elif key == "recused":
                self.rect(x + width / 2 - 2, y + height / 2 - 2, 4, 4)
            x += width
        self.set_draw_color(0)

    def _signature(self, judge: Judge) -> None:
        t, m = self.t, self.margin
        y = self.h - 27
        self.set_font(FONT, "", 8.5)
        self.text(m, y, t("forms.signed_note"))
        x = self.w - m - 95
        self.text(x, y, t("forms.place_date"))
        self.line(x, y + 14, x + 95, y + 14)
        self.set_font(FONT, "B", 8.5)
        self.text(x, y + 18, self.fit(judge.name, 95))
        self.set_font(FONT, "", 6.5)
        self.set_text_color(*TEXT_GREY)
        self.text(
            m,
            self.h - 8,
            self.fit(t("forms.footer", columns=",".join(columns(self.config))), self.w - 2 * m - 30),
        )
        page = t("forms.page", page=self.page_no())
        self.text(self.w - m - self.width(page), self.h - 8, page)
        self.set_text_color(0)


def Messages_title(config: Config) -> str:  # noqa: N802 - reads as the phrase it builds
    from ikm_tui.i18n import Messages

    return Messages(config.event.language)("forms.title")
