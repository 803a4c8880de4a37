"""Access cards: one per judge, to hand over at the venue — name, code, address, and a QR code
that signs the judge straight in (the code rides in the link's ``#`` part, which a browser
never sends to a server or a log).

Six cards to an A4 page with cut lines. The codes are new ones issued for the cards (the
caller issues them), so printing cards again voids every earlier card at once.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from fpdf import FPDF

from ikm_tui.domain.config import Config
from ikm_tui.export import fonts
from ikm_tui.export.atomic import write_atomically
from ikm_tui.i18n import Messages

FONT = "DejaVu"
COLUMNS, ROWS = 2, 3
PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 10.0
QR_MM = 30.0


@dataclass(frozen=True)
class Card:
    judge: str
    name: str
    code: str
    address: str  # what to type: http://192.168.1.10:8000/

    @property
    def sign_in_link(self) -> str:
        return f"{self.address}#j={quote(self.judge)}&c={quote(self.code)}"


def write_cards(config: Config, cards: list[Card], path: Path) -> Path:
    return write_atomically(path, lambda tmp: _Cards(config).render(cards).output(str(tmp)))


class _Cards(FPDF):
    def __init__(self, config: Config) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.config = config
        self.t = Messages(config.event.language)
        self.add_font(FONT, "", str(fonts.REGULAR))
        self.add_font(FONT, "B", str(fonts.BOLD))
        self.set_auto_page_break(False)
        self.set_title(f"{self.t('cards.title')} — {config.event.title}")
        self.set_creator("ikm-tui")

    def render(self, cards: list[Card]) -> _Cards:
        width = (PAGE_W - 2 * MARGIN) / COLUMNS
        height = (PAGE_H - 2 * MARGIN) / ROWS
        for index, card in enumerate(cards):
            slot = index % (COLUMNS * ROWS)
            if slot == 0:
                self.add_page()
                self._cut_lines(width, height)
            x = MARGIN + (slot % COLUMNS) * width
            y = MARGIN + (slot // COLUMNS) * height
            self._card(card, x, y, width, height)
        return self

    def _cut_lines(self, width: float, height: float) -> None:
        self.set_draw_color(170, 170, 170)
        self.set_dash_pattern(dash=1.5, gap=1.5)
        for column in range(COLUMNS + 1):
            x = MARGIN + column * width
            self.line(x, MARGIN, x, PAGE_H - MARGIN)
        for row in range(ROWS + 1):
            y = MARGIN + row * height
            self.line(MARGIN, y, PAGE_W - MARGIN, y)
        self.set_dash_pattern()
        self.set_draw_color(0, 0, 0)

    def _card(self, card: Card, x: float, y: float, width: float, height: float) -> None:
        t, pad = self.t, 5.0
        inner = width - 2 * pad
        self.set_xy(x + pad, y + pad)
        self.set_font(FONT, "", 7.5)
        self.multi_cell(inner, 3.6, self.config.event.title, align="C")
        self.set_x(x + pad)
        self.set_font(FONT, "B", 9)
        self.cell(inner, 5, t("cards.heading").upper(), align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_x(x + pad)
        self.set_font(FONT, "B", 11.5)
        self.multi_cell(inner, 5.2, card.name, align="C")
        self.set_x(x + pad)
        self.set_font(FONT, "", 8)
        self.cell(inner, 4.2, t("cards.judge", judge=card.judge), align="C", new_x="LMARGIN", new_y="NEXT")
        qr_top = self.get_y() + 1
        self.image(_qr_png(card.sign_in_link), x=x + (width - QR_MM) / 2, y=qr_top, w=QR_MM, h=QR_MM)
        self.set_xy(x + pad, qr_top + QR_MM + 1)
        self.set_font(FONT, "", 7.5)
        self.cell(inner, 3.8, t("cards.scan"), align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_x(x + pad)
        self.cell(inner, 3.8, t("cards.or_open"), align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_x(x + pad)
        self.set_font(FONT, "B", 9)
        self.cell(inner, 4.5, card.address, align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_x(x + pad)
        self.set_font(FONT, "", 7.5)
        self.cell(inner, 3.8, t("cards.code_label"), align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_x(x + pad)
        self.set_font(FONT, "B", 20)
        self.cell(inner, 8.5, card.code, align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_xy(x + pad, y + height - pad - 6)
        self.set_font(FONT, "", 6)
        self.set_text_color(90, 90, 90)
        self.multi_cell(inner, 2.8, t("cards.void_note"), align="C")
        self.set_text_color(0, 0, 0)


def _qr_png(text: str) -> io.BytesIO:
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=8, border=2)
    buffer.seek(0)
    return buffer
