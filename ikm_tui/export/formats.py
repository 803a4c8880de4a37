"""Export formats by name, and the default file name staff will recognise later."""

from __future__ import annotations

import re
from pathlib import Path

from ikm_tui.export.bundle import ResultsBundle
from ikm_tui.export.csv_export import write_csv
from ikm_tui.export.json_export import write_json

WRITERS = {
    "csv": write_csv,
    "json": write_json,
}


def default_name(bundle: ResultsBundle, fmt: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", bundle.config.event.title.lower()).strip("-") or "ikm"
    stamp = bundle.generated_at.strftime("%Y%m%d-%H%M%S")
    return f"{slug}-{stamp}.{fmt}"


def export(bundle: ResultsBundle, fmt: str, path: Path | None = None) -> Path:
    target = Path(path) if path else Path.cwd() / default_name(bundle, fmt)
    return WRITERS[fmt](bundle, target)
