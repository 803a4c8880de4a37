"""Certificates, landscape A4: a *sertifikat peserta* for every entrant who presented and a
*piagam* for every winner naming the tier and the amount — only from finalised results.

Organiser, title, venue, dates and the head of the office (who signs) come from the config;
each certificate carries a verification code derived from the results digest
(:mod:`ikm_tui.domain.certificates`). Two documents for printing, and one file per entrant.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ikm_tui.domain.certificates import PARTICIPANT, WINNER, verification_code
from ikm_tui.domain.errors import InputError
from ikm_tui.domain.feedback import presented, sheets_from_scores
from ikm_tui.export.atomic import write_files_atomically
from ikm_tui.export.bundle import ResultsBundle
from ikm_tui.export.feedback_pdf import slug
from ikm_tui.export.page_cut import PageCutter
from ikm_tui.export.pdf_base import FONT, TEXT_GREY, EventDocument
from ikm_tui.export.wording import date_text, days_text

NAVY = (24, 52, 100)
GOLD = (176, 141, 58)


def write_certificates(bundle: ResultsBundle, folder: Path) -> Path:
    if bundle.provisional:
        raise InputError(str(folder), "certificates.not_final")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {}
    for kind in (PARTICIPANT, WINNER):
        document = Certificates(bundle, kind).render()
        data = bytes(document.output())
        files[f"{slug(document.t(f'certificate.file.{kind}'))}.pdf"] = data
        cutter = PageCutter(data, title=document.report_title, author=bundle.config.event.organiser)
        for entrant, page in document.entrant_pages.items():
            business = slug(bundle.config.entrant(entrant).business)[:50].strip("-")
            files[f"{kind}-{entrant}-{business}.pdf"] = cutter.pages(page, page)
    return write_files_atomically(folder, files)


def recipients(bundle: ResultsBundle, kind: str) -> list[tuple[str, dict]]:
    """``(entrant id, leaderboard row)`` of everyone who gets this kind, in rank order for
    winners and roster order for participants."""
    rows = {row["entrant"]: row for row in bundle.rows}
    if kind == WINNER:
        return [(row["entrant"], row) for row in bundle.rows if row["prize"] is not None]
    sheets = sheets_from_scores(bundle.scores)
    return [
        (e.id, rows.get(e.id, {}))
        for e in bundle.config.entrants
        if presented(bundle.statuses.get(e.id, ""), sheets.get(e.id, []))
    ]


class Certificates(EventDocument):
    margin = 20.0

    def __init__(self, bundle: ResultsBundle, kind: str) -> None:
        super().__init__(bundle, orientation="L")
        self.kind = kind
        self.report_title = self.t(f"certificate.title.{kind}")
        self.set_title(f"{self.report_title} — {self.config.event.title}")
        self.entrant_pages: dict[str, int] = {}

    def footer(self) -> None:
        """A certificate has no page footer: its code and digest are part of the design."""

    def render(self) -> Certificates:
        for entrant, row in recipients(self.bundle, self.kind):
            self.add_page()
            self._page(entrant, row)
            self.entrant_pages[entrant] = self.page
        if not self.entrant_pages:
            self.add_page()  # an empty but valid document
        return self

    def _centered(self, y: float, text: str, size: float, *, bold: bool = False, colour=(0, 0, 0)) -> float:
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*colour)
        width = self.w - 2 * self.margin - 20
        leading = size * 0.45
        for line in self.wrap(text, width):
            self.text((self.w - self.width(line)) / 2, y + leading * 0.8, line)
            y += leading
        self.set_text_color(0)
        return y

    def _page(self, entrant_id: str, row: dict) -> None:
        t, event = self.t, self.config.event
        entrant = self.config.entrant(entrant_id)
        w, h = self.w, self.h
        self.set_draw_color(*NAVY)
        self.set_line_width(1.2)
        self.rect(10, 10, w - 20, h - 20)
        self.set_draw_color(*GOLD)
        self.set_line_width(0.4)
        self.rect(13, 13, w - 26, h - 26)
        self.set_line_width(0.2)
        y = self._centered(22, event.organiser.upper(), 11, bold=True, colour=NAVY)
        y = self._centered(y + 1, event.title, 10, colour=TEXT_GREY)
        y = self._centered(y + 6, t(f"certificate.title.{self.kind}"), 30, bold=True, colour=NAVY)
        code = verification_code(self.bundle.digest, self.kind, entrant_id)
        y = self._centered(y + 1, t("certificate.code", code=code), 9, colour=TEXT_GREY)
        y = self._centered(y + 7, t("certificate.given_to"), 11)
        y = self._centered(y + 2, entrant.name, 24, bold=True)
        y = self._centered(y + 1, entrant.business, 13, colour=NAVY)
        if self.kind == WINNER:
            body = t(
                "certificate.body.winner",
                prize=row["prize"],
                amount=t.rupiah(row["amount"]),
                rank=row["rank"],
                title=event.title,
                organiser=event.organiser,
                venue=event.venue,
                dates=days_text(event.days, t),
            )
        else:
            body = t(
                "certificate.body.participant",
                title=event.title,
                organiser=event.organiser,
                venue=event.venue,
                dates=days_text(event.days, t),
            )
        self._centered(y + 6, body, 11.5)
        self._signature()
        self.set_font(FONT, "", 6.5)
        self.set_text_color(*TEXT_GREY)
        self.text(20, h - 17, t("certificate.verify", code=code))
        self.text(20, h - 14, t("export.pdf.digest", digest=self.bundle.digest))
        self.set_text_color(0)

    def _signed_on(self) -> dt.date:
        """The day the results were finalised, so a reprint next week carries the same date."""
        for finalisation in reversed(self.bundle.finalisations):
            if finalisation.unlocked_at is None:
                moment = dt.datetime.fromisoformat(finalisation.finalised_at)
                return moment.astimezone().date() if moment.tzinfo else moment.date()
        return self.bundle.generated_at.date()

    def _signature(self) -> None:
        t, event = self.t, self.config.event
        x, width = self.w - 20 - 95, 95.0
        y = self.h - 62
        signed_on = date_text(self._signed_on(), t)
        place = event.venue or event.organiser
        lines = [t("export.pdf.place_date", venue=place, date=signed_on) if place else signed_on]
        lines.append(event.head_title or t("export.pdf.head_default"))
        self.set_font(FONT, "", 10)
        for line in lines:
            for part in self.wrap(line, width):
                self.text(x + (width - self.width(part)) / 2, y, part)
                y += 4.8
        y += 17
        self.set_draw_color(0)
        self.line(x + 10, y, x + width - 10, y)
        if event.head_name:
            self.set_font(FONT, "B", 10)
            name = self.fit(event.head_name, width)
            self.text(x + (width - self.width(name)) / 2, y + 5, name)
