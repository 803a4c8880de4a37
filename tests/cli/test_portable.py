"""What a Windows laptop in a government office does differently: encodings, paths, addresses.

Each test runs here on Linux with the Windows-side condition recreated (a ``cp1252`` stream,
``sys.platform`` patched, a folder name with ``#`` and ``%``) — what could be checked without a
Windows machine.
"""

from __future__ import annotations

import io
import sys

import pytest

from ikm_tui.cli.terminal import safe_stream
from ikm_tui.domain.config import load_config
from ikm_tui.serve import addresses
from ikm_tui.store.session import Store

TEXT = "Juara I · Rp 3.000.000 – ✓ E01 → 8,5"


def test_a_cp1252_pipe_gets_utf8_not_a_traceback():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    safe_stream(stream)
    stream.write(TEXT)
    stream.flush()
    assert raw.getvalue().decode("utf-8") == TEXT


def test_a_terminal_that_cannot_show_a_character_gets_a_question_mark(monkeypatch):
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    monkeypatch.setattr(stream, "isatty", lambda: True)
    safe_stream(stream)
    stream.write(TEXT)
    stream.flush()
    assert raw.getvalue().decode("cp1252") == "Juara I · Rp 3.000.000 – ? E01 ? 8,5"


def test_the_judges_addresses_on_windows_without_ioctl(monkeypatch):
    """Listing addresses does not depend on Linux: with the platform patched it still works."""
    monkeypatch.setattr(sys, "platform", "win32")
    found = addresses.lan_addresses()
    assert all(addr.count(".") == 3 for addr in found)
    assert addresses.urls("0.0.0.0", 8080)[-1] == "http://127.0.0.1:8080/"


@pytest.mark.parametrize("folder", ["Acara #2", "Nilai 100%", "Aula Dinas (lantai 2)"])
def test_the_board_opens_a_session_whose_folder_name_has_uri_characters(make_event, tmp_path, folder):
    """The projector opens the file read-only through a SQLite URI: '#', '%' and spaces must
    not cut the path (on Windows the drive letter and backslashes must not either)."""
    config = load_config(make_event())
    place = tmp_path / folder
    place.mkdir()
    path = place / "session.db"
    Store(config, path).close()
    with Store(config, path, read_only=True) as board:
        assert board.data_version() >= 0
