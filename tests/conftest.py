"""Fixtures shared by every test: real config files and real SQLite files in ``tmp_path``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ikm_tui.domain.config import Config, load_config
from ikm_tui.store.session import Store

REPO = Path(__file__).resolve().parent.parent
SAMPLE_CONFIG = REPO / "config.toml"


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path, monkeypatch):
    """Nothing a test does lands in the repo, and a developer's ./config.toml is never read."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("IKM_DEBUG", raising=False)


@pytest.fixture
def sample_config_path(tmp_path) -> Path:
    """The repo's sample event, copied so its database is created in ``tmp_path``."""
    target = tmp_path / "event" / "config.toml"
    target.parent.mkdir()
    shutil.copy(SAMPLE_CONFIG, target)
    return target


@pytest.fixture
def sample_config(sample_config_path) -> Config:
    return load_config(sample_config_path)


@pytest.fixture
def sample_store(sample_config):
    store = Store(sample_config)
    yield store
    store.close()


def event_toml(
    *,
    judges: int = 3,
    entrants: int = 8,
    days: int = 2,
    criteria: list[tuple[str, float]] | None = None,
    prizes: list[tuple[str, int, int]] | None = None,
    scoring: dict | None = None,
    language: str = "en",
    extra: str = "",
) -> str:
    """A small event as TOML text; every part can be overridden by a test."""
    criteria = criteria or [("inovasi", 40), ("produktivitas", 35), ("pasar", 25)]
    prizes = prizes or [("Juara I", 2, 3_000_000), ("Juara II", 2, 2_400_000), ("Juara III", 2, 1_800_000)]
    scoring = {
        "min": 1,
        "max": 10,
        "step": 0.5,
        "aggregate": "mean",
        "trim": 1,
        "trim_scope": "total",
        "tie_break": [criteria[0][0]],
    } | (scoring or {})
    day_list = ", ".join(f'"2022-06-{14 + d}"' for d in range(days))
    lines = [
        "[event]",
        'title = "Test Event"',
        'organiser = "Test Office"',
        'venue = "Hall"',
        f"days = [{day_list}]",
        f'language = "{language}"',
        'database = "session.db"',
        "",
        "[timer]",
        "presentation_minutes = 7",
        "qa_minutes = 3",
        "warning_seconds = 60",
        "",
        "[scoring]",
    ]
    for key, value in scoring.items():
        lines.append(f"{key} = {_toml(value)}")
    for cid, weight in criteria:
        lines += ["", "[[criteria]]", f'id = "{cid}"', f'name = "{cid.title()}"', f"weight = {weight}"]
    for j in range(1, judges + 1):
        lines += ["", "[[judges]]", f'id = "J{j}"', f'name = "Judge {j}"']
    for cat in ("makanan", "kerajinan", "jasa"):
        lines += ["", "[[categories]]", f'id = "{cat}"', f'name = "{cat.title()}"']
    for label, count, amount in prizes:
        lines += ["", "[[prizes]]", f'label = "{label}"', f"count = {count}", f"amount = {amount}"]
    cats = ("makanan", "kerajinan", "jasa")
    for e in range(1, entrants + 1):
        day = 1 + (e - 1) * days // entrants
        lines += [
            "",
            "[[entrants]]",
            f'id = "E{e:02d}"',
            f'name = "Owner {e}"',
            f'business = "Business {e}"',
            f'category = "{cats[e % 3]}"',
            f"day = {day}",
        ]
    return "\n".join(lines) + "\n" + extra


def _toml(value) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return str(value)


@pytest.fixture
def make_event(tmp_path):
    """``make_event(judges=5, ...) -> Path`` of a config.toml written in its own folder."""
    counter = iter(range(1000))

    def _make(**kwargs) -> Path:
        folder = tmp_path / f"event{next(counter)}"
        folder.mkdir()
        path = folder / "config.toml"
        path.write_text(event_toml(**kwargs), encoding="utf-8")
        return path

    return _make
