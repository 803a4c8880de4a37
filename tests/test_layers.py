"""The architecture holds: domain and store never import Textual; the domain never SQLite."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import ikm_tui
import ikm_tui.domain
import ikm_tui.store


def modules_of(package) -> list[str]:
    return [f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]


def loaded_after_importing(modules: list[str]) -> set[str]:
    code = (
        "import sys, importlib\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print('\\n'.join(sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_domain_and_store_never_import_textual():
    loaded = loaded_after_importing(modules_of(ikm_tui.domain) + modules_of(ikm_tui.store))
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}


def test_domain_never_imports_sqlite():
    loaded = loaded_after_importing(modules_of(ikm_tui.domain))
    assert "sqlite3" not in loaded and not any(m.startswith("ikm_tui.store") for m in loaded)


def test_every_module_imports():
    for info in pkgutil.walk_packages(ikm_tui.__path__, "ikm_tui."):
        if info.name == "ikm_tui.__main__":
            continue
        importlib.import_module(info.name)
