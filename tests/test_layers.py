"""The architecture holds at every edge: domain and store never import Textual, the domain never
SQLite; exports and the CLI import no screen; headless commands never load Textual."""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import ikm_tui
import ikm_tui.cli
import ikm_tui.cli.commands
import ikm_tui.domain
import ikm_tui.backup
import ikm_tui.export
import ikm_tui.store


def modules_of(package) -> list[str]:
    return [f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]


def loaded_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    code += "\nimport sys\nprint('\\n'.join(sys.modules))\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def loaded_after_importing(modules: list[str]) -> set[str]:
    return loaded_after(f"import importlib\nfor name in {modules!r}: importlib.import_module(name)\n")


def textual_in(loaded: set[str]) -> set[str]:
    return {m for m in loaded if m == "textual" or m.startswith("textual.")}


def app_in(loaded: set[str]) -> set[str]:
    return {m for m in loaded if m == "ikm_tui.app" or m.startswith("ikm_tui.app.")}


def test_domain_and_store_never_import_textual():
    loaded = loaded_after_importing(modules_of(ikm_tui.domain) + modules_of(ikm_tui.store))
    assert not textual_in(loaded)


def test_domain_never_imports_sqlite():
    loaded = loaded_after_importing(modules_of(ikm_tui.domain))
    assert "sqlite3" not in loaded and not any(m.startswith("ikm_tui.store") for m in loaded)


def test_export_and_cli_import_no_screen():
    modules = (
        modules_of(ikm_tui.export)
        + modules_of(ikm_tui.backup)
        + modules_of(ikm_tui.cli)
        + modules_of(ikm_tui.cli.commands)
        + ["ikm_tui.cli"]
    )
    loaded = loaded_after_importing(modules)
    assert not app_in(loaded)
    assert not textual_in(loaded)


@pytest.mark.parametrize(
    "argv",
    [
        ["leaderboard"],
        ["leaderboard", "--json"],
        ["queue"],
        ["progress"],
        ["export", "--format", "csv", "-o", "out.csv"],
        ["export", "--format", "json", "-o", "out.json"],
        ["audit", "verify"],
        ["backup", "-o", "copy.db"],
    ],
    ids=lambda argv: " ".join(argv[:2]),
)
def test_headless_commands_never_load_textual(argv, sample_config_path, tmp_path):
    from ikm_tui.store.session import Store
    from ikm_tui.domain.config import load_config

    Store(load_config(sample_config_path)).close()  # the session exists, as on the day
    argv = ["--config", str(sample_config_path), *argv]
    loaded = loaded_after(
        f"from ikm_tui.cli import main\ncode = main({json.dumps(argv)})\nassert code == 0, code\n"
    )
    assert not textual_in(loaded), sorted(textual_in(loaded))[:5]
    assert not app_in(loaded)


def test_every_module_imports():
    for info in pkgutil.walk_packages(ikm_tui.__path__, "ikm_tui."):
        if info.name == "ikm_tui.__main__":
            continue
        importlib.import_module(info.name)


def test_layers_test_knows_every_package():
    """A new top-level package must be placed in a layer here, not slip past these checks."""
    packages = {p.name for p in Path(ikm_tui.__file__).parent.iterdir() if (p / "__init__.py").exists()}
    assert packages <= {"domain", "store", "app", "cli", "export", "backup", "serve", "i18n"}
