"""The command line speaks the event's language: ``--help`` and argument errors too."""

from __future__ import annotations

import pytest

from ikm_tui.cli import build_parser
from ikm_tui.i18n import Messages
from tests.cli.cli_helpers import ikm


def test_help_is_in_indonesian_for_an_indonesian_event(make_event):
    event = make_event(language="id")
    result = ikm("--help", config=event)
    assert result.returncode == 0
    assert result.stdout.startswith("cara pakai: ikm-tui")
    assert "pilihan:" in result.stdout and "tampilkan bantuan ini lalu keluar" in result.stdout
    assert "tampilkan peringkat saat ini" in result.stdout  # leaderboard
    assert "print the current ranking" not in result.stdout
    english = ikm("--help", config=make_event(language="en"))
    assert "print the current ranking" in english.stdout and english.stdout.startswith("usage:")


@pytest.mark.parametrize(
    "args, expected",
    [
        (["reveal", "abc"], "argumen step: 'abc' bukan bilangan bulat"),
        (["decide"], "argumen berikut wajib diisi: --entrants, --reason, --by"),
        (["export", "-f", "doc"], "pilihan 'doc' tidak dikenal"),
        (["leaderboard", "--jsn"], "argumen tidak dikenal: --jsn"),
    ],
)
def test_argument_errors_are_in_indonesian_and_exit_2(make_event, args, expected):
    result = ikm(*args, config=make_event(language="id"))
    assert result.returncode == 2
    assert "kesalahan: " + expected in result.stderr or expected in result.stderr, result.stderr
    assert "error:" not in result.stderr and "usage:" not in result.stderr


def test_every_command_and_option_has_an_indonesian_help():
    """A command or option added later needs its ``cli.help.*`` entry in ikm_tui/i18n/cli.py."""
    parser = build_parser(None, Messages("id"))
    assert parser.untranslated == [], f"add these to ikm_tui/i18n/cli.py: {parser.untranslated}"
