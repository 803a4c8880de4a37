"""Feedback reports next to fpdf2 writing the same number of plain pages, in the same run.

Targets (issue 12): all thirty reports of the sample event in under 2 s; reports for 1,000
entrants <= 3x the plain pages.

What is timed: ``write_feedback`` from the gathered results — every entrant's PDF plus the
combined one, written to disk. Two baselines, both fpdf2 with the same bundled DejaVu font and
one line of text per page:
* ``pages``: one document with as many plain pages as the reports have (the strict reading);
* ``files``: the same files as the reports — one single-page document per entrant and the
  combined one — each plain (what fpdf2 needs to produce that many files at all).

    python benchmarks/feedback.py [--entrants 1000] [--judges 5] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fpdf import FPDF  # noqa: E402

from benchmarks.export import best_of, fill_scores, write_event  # noqa: E402
from ikm_tui.domain.config import load_config  # noqa: E402
from ikm_tui.export import fonts  # noqa: E402
from ikm_tui.export.bundle import gather  # noqa: E402
from ikm_tui.export.feedback_pdf import write_feedback  # noqa: E402
from ikm_tui.store.session import Store  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "config.toml"
NOTES = [
    "Produk sudah bagus, kemasan perlu diperbaiki agar menarik di rak toko modern.",
    "Catat keuangan usaha terpisah dari keuangan pribadi; coba aplikasi kasir gratis.",
    "Pemasaran lewat media sosial masih sedikit. Manfaatkan marketplace dan WhatsApp Business.",
]


def add_notes(store: Store) -> None:
    rnd = random.Random(3)
    for entrant in store.config.entrants:
        for judge in store.config.judges[:3]:
            store.notes.write(judge.id, entrant.id, rnd.choice(NOTES), actor="benchmark")


def plain_document(pages: int) -> bytes:
    pdf = FPDF(unit="mm", format="A4")
    pdf.add_font("DejaVu", "", str(fonts.REGULAR))
    pdf.set_font("DejaVu", "", 11)
    for page in range(pages):
        pdf.add_page()
        pdf.text(20, 20, f"Halaman {page + 1} · Nilai 83,25 · Rp 3.000.000")
    return bytes(pdf.output())


def plain_pages(folder: Path, pages: int) -> None:
    (folder / "plain.pdf").write_bytes(plain_document(pages))


def plain_files(folder: Path, entrants: int, pages: int) -> None:
    for n in range(entrants):
        (folder / f"plain-{n}.pdf").write_bytes(plain_document(1))
    (folder / "plain-all.pdf").write_bytes(plain_document(pages))


def measure(label: str, config_path: Path, repeat: int, *, with_files: bool) -> None:
    store = Store(load_config(config_path))
    if not store.scores.all():
        fill_scores(store)
        add_notes(store)
    bundle = gather(store)
    store.close()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        reports_s = best_of(repeat, lambda: write_feedback(bundle, out / "reports"))
        from pypdf import PdfReader

        combined = next(p for p in (out / "reports").iterdir() if p.name.startswith("umpan-balik"))
        pages = len(PdfReader(combined).pages)
        pages_s = best_of(repeat, lambda: plain_pages(out, pages))
        entrants = len(bundle.config.entrants)
        print(f"{label}: {entrants} entrants, {pages} report pages, best of {repeat}")
        print(f"  reports (each entrant's file + combined): {reports_s * 1000:8.0f} ms")
        print(
            f"  baseline 'pages' (1 plain document, {pages} pages): {pages_s * 1000:8.0f} ms"
            f"  -> ratio {reports_s / pages_s:5.1f}x"
        )
        if with_files:
            files_s = best_of(1, lambda: plain_files(out, entrants, pages))
            print(
                f"  baseline 'files' ({entrants} + 1 plain files):     {files_s * 1000:8.0f} ms"
                f"  -> ratio {reports_s / files_s:5.2f}x"
            )
        shutil.rmtree(out / "reports", ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entrants", type=int, default=1000)
    parser.add_argument("--judges", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sample = folder / "sample"
        sample.mkdir()
        shutil.copy(SAMPLE, sample / "config.toml")
        measure("sample event (target < 2 s)", sample / "config.toml", args.repeat, with_files=True)
        big = folder / "big"
        big.mkdir()
        measure(
            "big event (target <= 3x)",
            write_event(big, args.entrants, args.judges),
            args.repeat,
            with_files=True,
        )


if __name__ == "__main__":
    main()
