"""Cut pages out of one finished PDF into files of their own (pypdf).

The start-ups' reports and the certificates are drawn once, as the document staff print; each
entrant's own file is its pages cut from it. fpdf2 spends ~40 ms per document reading the font
alone, which a thousand separate documents would pay a thousand times.
"""

from __future__ import annotations

import io


class PageCutter:
    def __init__(self, data: bytes, *, title: str, author: str) -> None:
        from pypdf import PdfReader  # imported on first use, like every writer's library

        self.reader = PdfReader(io.BytesIO(data))
        self.metadata = {"/Title": title, "/Author": author, "/Creator": "ikm-tui"}

    def pages(self, first: int, last: int) -> bytes:
        """Pages ``first``..``last`` (1-based, inclusive) as a PDF of their own."""
        from pypdf import PdfWriter

        writer = PdfWriter()
        for number in range(first, last + 1):
            writer.add_page(self.reader.pages[number - 1])
        writer.add_metadata(self.metadata)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
