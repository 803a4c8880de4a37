"""One export run, away from the UI: gather the results once, write each chosen format.

Kept free of widgets so the screen's worker thread only calls this and posts the outcome back.
It reads through its own connection to the session file, so a big event's long reads never
hold the console's connection (and its screens) waiting. A format that fails (a read-only
folder, a full disk) is reported and the others still go out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ikm_tui.domain.errors import InputError
from ikm_tui.export.bundle import gather
from ikm_tui.export.formats import FOLDER_FORMATS, default_name, export_checked
from ikm_tui.store.database import StoreUnavailable
from ikm_tui.store.session import Store


@dataclass(frozen=True)
class Outcome:
    """What one export run wrote, what failed and why, and the digest the files carry."""

    folder: Path
    written: list[tuple[str, Path]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    digest: str = ""
    provisional: bool = True


def run_export(store, formats: list[str], folder: Path, t) -> Outcome:
    if folder.exists() and not folder.is_dir():
        return Outcome(folder, failed=[("", f"{folder}: {t('export.not_a_folder')}")])
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with Store(store.config, store.path) as own:
            bundle = gather(own)
    except (InputError, StoreUnavailable) as exc:
        return Outcome(folder, failed=[("", exc.render(t))])
    except OSError as exc:
        return Outcome(
            folder, failed=[("", t("export.cannot_write", detail=f"{folder}: {exc.strerror or exc}"))]
        )
    outcome = Outcome(folder, digest=bundle.digest, provisional=bundle.provisional)
    for fmt in formats:
        try:
            # a folder format (a file per entrant) gets a folder of its own inside the chosen one
            target = folder / default_name(bundle, fmt) if fmt in FOLDER_FORMATS else folder
            outcome.written.append((fmt, export_checked(bundle, fmt, target)))
        except InputError as exc:
            outcome.failed.append((fmt, exc.render(t)))
        except Exception as exc:  # noqa: BLE001 - one broken format must not hide the others
            outcome.failed.append((fmt, f"{type(exc).__name__}: {exc}"))
    return outcome
