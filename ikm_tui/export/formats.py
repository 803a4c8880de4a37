"""Export formats by name, and the default file name staff will recognise later."""

from __future__ import annotations

import re
from pathlib import Path

from ikm_tui.domain.errors import InputError
from ikm_tui.export.bundle import ResultsBundle
from ikm_tui.export.csv_export import write_csv
from ikm_tui.export.json_export import write_json
from ikm_tui.export.pdf_export import write_pdf
from ikm_tui.export.xlsx_export import write_xlsx
from ikm_tui.i18n import Messages

WRITERS = {
    "csv": write_csv,
    "json": write_json,
    "xlsx": write_xlsx,
    "pdf": write_pdf,
}


def default_name(bundle: ResultsBundle, fmt: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", bundle.config.event.title.lower()).strip("-") or "ikm"
    stamp = bundle.generated_at.strftime("%Y%m%d-%H%M%S")
    marker = ""
    if bundle.provisional:  # "-sementara" / "-provisional": the stamp shows in a file listing too
        marker = "-" + Messages(bundle.config.event.language)("export.pdf.watermark").lower()
    return f"{slug}-{stamp}{marker}.{fmt}"


def target_path(bundle: ResultsBundle, fmt: str, path: Path | None = None) -> Path:
    """``path`` may be a file, an existing folder (default name inside), or None (this folder)."""
    target = Path(path) if path else Path.cwd()
    return target / default_name(bundle, fmt) if target.is_dir() else target


def export(bundle: ResultsBundle, fmt: str, path: Path | None = None) -> Path:
    """Write one format atomically; returns where it went."""
    return WRITERS[fmt](bundle, target_path(bundle, fmt, path))


def export_checked(bundle: ResultsBundle, fmt: str, path: Path | None = None) -> Path:
    """:func:`export`, with a place that cannot be written reported as bad input naming the file
    (exit 2 in the CLI), never a traceback. An older file of that name is left intact."""
    target = target_path(bundle, fmt, path)
    try:
        return WRITERS[fmt](bundle, target)
    except OSError as exc:
        raise InputError(str(target), "export.cannot_write",
                         detail=exc.strerror or type(exc).__name__) from None
