"""Run the real ``ikm-tui`` command in a subprocess, as staff would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def ikm(*args: str, config: Path | None = None, cwd: Path | None = None, timeout: float = 60):
    cmd = [sys.executable, "-m", "ikm_tui"]
    if config is not None:
        cmd += ["--config", str(config)]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, cwd=cwd, timeout=timeout)


def score_csv(
    path: Path, header: list[str], rows: list[list[str]], *, sep: str = ",", bom: bool = False
) -> Path:
    text = sep.join(header) + "\n" + "".join(sep.join(r) + "\n" for r in rows)
    path.write_text(("\ufeff" if bom else "") + text, encoding="utf-8")
    return path
