"""Export formats by name, and the default file name staff will recognise later."""

from __future__ import annotations

import importlib
import os
import re
from pathlib import Path

from ikm_tui.domain.errors import InputError
from ikm_tui.export.bundle import ResultsBundle
from ikm_tui.i18n import Messages


class _Writers(dict):
    """Format name -> writer, imported on first use: openpyxl and fpdf2 cost ~0.4 s of start-up
    that ``ikm-tui leaderboard`` or the judge console should not pay."""

    _MODULES = {
        "csv": ("ikm_tui.export.csv_export", "write_csv"),
        "json": ("ikm_tui.export.json_export", "write_json"),
        "xlsx": ("ikm_tui.export.xlsx_export", "write_xlsx"),
        "pdf": ("ikm_tui.export.pdf_export", "write_pdf"),
        "feedback": ("ikm_tui.export.feedback_pdf", "write_feedback"),
        "certificates": ("ikm_tui.export.certificates_pdf", "write_certificates"),
    }

    def __init__(self) -> None:
        super().__init__((name, None) for name in self._MODULES)

    def __getitem__(self, name: str):
        writer = super().__getitem__(name)
        if writer is None:
            module, function = self._MODULES[name]
            writer = getattr(importlib.import_module(module), function)
            self[name] = writer
        return writer


WRITERS = _Writers()

# Formats that write a folder of files (one per entrant) rather than one file.
FOLDER_FORMATS = ("feedback", "certificates")


def default_name(bundle: ResultsBundle, fmt: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", bundle.config.event.title.lower()).strip("-") or "ikm"
    stamp = bundle.generated_at.strftime("%Y%m%d-%H%M%S")
    marker = ""
    if bundle.provisional:  # "-sementara" / "-provisional": the stamp shows in a file listing too
        marker = "-" + Messages(bundle.config.event.language)("export.pdf.watermark").lower()
    if fmt in FOLDER_FORMATS:
        word = Messages(bundle.config.event.language)(f"export.folder.{fmt}")
        return f"{slug}-{word}-{stamp}{marker}"
    return f"{slug}-{stamp}{marker}.{fmt}"


def target_path(bundle: ResultsBundle, fmt: str, path: Path | str | None = None) -> Path:
    """``path`` may be a file, a folder (default name inside), or None (this folder).

    A folder is one that exists, one written with a trailing ``/``, or a name without an
    extension (``-o results``): it is created, so each format lands beside the others instead
    of overwriting one file named like the folder.
    """
    if fmt in FOLDER_FORMATS:  # a folder of files: written into ``path`` itself
        return Path(path) if path else Path.cwd() / default_name(bundle, fmt)
    if not path:
        return Path.cwd() / default_name(bundle, fmt)
    text = str(path)
    target = Path(path)
    if target.is_dir() or text.endswith(("/", os.sep)) or not target.suffix:
        return target / default_name(bundle, fmt)
    return target


def export(bundle: ResultsBundle, fmt: str, path: Path | str | None = None) -> Path:
    """Write one format atomically; returns where it went."""
    return WRITERS[fmt](bundle, target_path(bundle, fmt, path))


def export_checked(bundle: ResultsBundle, fmt: str, path: Path | str | None = None) -> Path:
    """:func:`export`, with a place that cannot be written reported as bad input naming the file
    (exit 2 in the CLI), never a traceback. An older file of that name is left intact."""
    target = target_path(bundle, fmt, path)
    try:
        return WRITERS[fmt](bundle, target)
    except OSError as exc:
        raise InputError(
            str(target), "export.cannot_write", detail=exc.strerror or type(exc).__name__
        ) from None
