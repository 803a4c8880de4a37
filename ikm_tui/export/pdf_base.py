"""What every printed document of an event shares: the bundled Unicode font, safe text, the
SEMENTARA stamp and watermark until the results are finalised, and the digest in the footer.

Text is drawn with ``text()`` and wrapped by :meth:`EventDocument.wrap` using the font's width
table: ``cell``/``multi_cell`` cost several times more, which counts at a thousand reports.
"""

from __future__ import annotations

from fpdf import FPDF

from ikm_tui.domain.config import Config
from ikm_tui.export import fonts
from ikm_tui.export.bundle import ResultsBundle
from ikm_tui.export.fonts.glyphs import printable
from ikm_tui.i18n import Messages

FONT = "DejaVu"
# Control characters have no glyph: a tab prints as a space, the rest as nothing.
UNPRINTABLE = {code: None for code in (*range(32), 127)} | {9: " ", 10: " ", 13: " "}
STAMP_RED = (192, 0, 0)
RULE_GREY = (150, 150, 150)
TEXT_GREY = (90, 90, 90)


class TextDocument(FPDF):
    """An A4 document of the event in the bundled font, with plain-text drawing helpers."""

    margin = 18.0

    def __init__(self, config: Config, *, orientation: str = "P", title: str = "") -> None:
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.config = config
        self.t = Messages(config.event.language)
        self.add_font(FONT, "", str(fonts.REGULAR))
        self.add_font(FONT, "B", str(fonts.BOLD))
        self.set_margins(self.margin, 16, self.margin)
        self.set_auto_page_break(False)
        self.measured: dict[tuple, dict[str, float]] = {}
        event = config.event
        self.set_title(f"{title} — {event.title}" if title else event.title)
        self.set_author(event.organiser)
        self.set_creator("ikm-tui")

    def normalize_text(self, text: str) -> str:
        """Every string drawn passes here (fpdf2 calls it)."""
        return super().normalize_text(printable(text.translate(UNPRINTABLE)))

    # -- text -------------------------------------------------------------------------------

    # -- text -------------------------------------------------------------------------------

    def shaping(self, on: bool) -> bool:
        """HarfBuzz text shaping (joined Arabic letters, right-to-left order) for the text drawn
        next; slow, so only a note that needs it gets it. False when uharfbuzz is missing."""
        try:
            self.set_text_shaping(use_shaping_engine=on)
        except ImportError:  # fpdf2 raises FPDFException / ImportError without uharfbuzz
            return False
        except Exception:  # noqa: BLE001 - an unshaped note is still printed
            return False
        return on

    def width(self, text: str) -> float:
        """``get_string_width`` for plain text, from the font's width table; remembered per
        font and size, because a thousand reports measure the same words over and over."""
        key = (self.font_family, self.font_style, self.font_size_pt)
        cache = self.measured.get(key)
        if cache is None:
            cache = self.measured[key] = {}
        found = cache.get(text)
        if found is None:
            font = self.current_font
            assert font is not None, "set_font() before measuring"
            found = cache[text] = font.get_text_width(text, self.font_size_pt, None)[1] / self.k
        return found

    def wrap(self, text: str, width: float) -> list[str]:
        """Greedy word wrap to ``width``, keeping the writer's own line breaks; a single word
        longer than the line is broken. Widths add up (no kerning), so a line is measured as
        its words plus its spaces."""
        lines: list[str] = []
        space = self.width(" ")
        for paragraph in printable(text).split("\n"):
            current, used = "", 0.0
            for word in paragraph.split():
                size = self.width(word)
                if current and used + space + size <= width:
                    current, used = f"{current} {word}", used + space + size
                    continue
                if not current and size <= width:
                    current, used = word, size
                    continue
                if current:
                    lines.append(current)
                while self.width(word) > width:  # a 500-letter "word" still fits the page
                    cut = self.cut(word, width)
                    lines.append(cut)
                    word = word[len(cut) :]
                current, used = word, self.width(word)
            lines.append(current)
        return lines

    def cut(self, word: str, width: float) -> str:
        low, high = 1, len(word)
        while low < high:
            middle = (low + high + 1) // 2
            if self.width(word[:middle]) <= width:
                low = middle
            else:
                high = middle - 1
        return word[:low]

    def fit(self, text: str, width: float) -> str:
        """Cut text that would run past ``width``, marking the cut with an ellipsis."""
        if not text or self.width(text) <= width:
            return text or ""
        return self.cut(text, width - self.width("…")).rstrip() + "…"

    def lines(self, x: float, y: float, lines: list[str], leading: float) -> float:
        """Draw lines from the top ``y``; returns the y below the last."""
        for n, line in enumerate(lines):
            self.text(x, y + (n + 1) * leading - leading * 0.25, line)
        return y + len(lines) * leading

    def paragraph(self, x: float, y: float, text: str, width: float, leading: float) -> float:
        return self.lines(x, y, self.wrap(text, width), leading)

    def points(self, total: str | None) -> str:
        """A total as the event's readers write it: ``83,25`` in Indonesian."""
        if total is None:
            return "–"
        return total.replace(".", ",") if self.t.language == "id" else total


class EventDocument(TextDocument):
    """A document about the results: SEMENTARA until finalised, the digest on every page."""

    def __init__(self, bundle: ResultsBundle, *, orientation: str = "P", title: str = "") -> None:
        super().__init__(bundle.config, orientation=orientation, title=title)
        self.bundle = bundle
        self.set_subject(self.t("export.pdf.digest", digest=bundle.digest))
        self.footer_note = ""  # what the current page is about (an entrant's code), in the footer

    @property
    def provisional(self) -> bool:
        return self.bundle.provisional

    def header(self) -> None:
        if self.provisional:
            self.set_font(FONT, "B", 9)
            self.set_text_color(*STAMP_RED)
            self.set_xy(self.margin, 7)
            self.cell(self.w - 2 * self.margin, 5, self.t("export.provisional"), align="C")
            self.set_text_color(0)

    def footer(self) -> None:
        """Drawn after the page's content, so the watermark lies over it, not under it."""
        if self.provisional:
            self.watermark()
        y = self.h - 13
        self.set_draw_color(*RULE_GREY)
        self.line(self.margin, y, self.w - self.margin, y)
        self.set_font(FONT, "", 6.5)
        self.set_text_color(*TEXT_GREY)
        self.text(self.margin, y + 3.5, self.t("export.pdf.digest", digest=self.bundle.digest))
        left = self.config.event.title
        self.text(self.margin, y + 7, self.fit(left, self.w - 2 * self.margin - 40))
        if self.footer_note:
            self.text(self.w - self.margin - self.width(self.footer_note), y + 7, self.footer_note)
        self.set_text_color(0)

    def watermark(self) -> None:
        with self.local_context(fill_opacity=0.10, text_color=STAMP_RED):
            self.set_font(FONT, "B", 64)
            text = self.t("export.pdf.watermark")
            width = self.get_string_width(text)
            cx, cy = self.w / 2, self.h / 2
            with self.rotation(50 if self.h > self.w else 25, cx, cy):
                self.text(cx - width / 2, cy + 8, text)
