"""The catalogue: every string in both languages, with the same placeholders."""

from __future__ import annotations

import re
import string

from ikm_tui.i18n import CATALOGUE, Messages


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_both_languages_with_the_same_placeholders():
    for key, (indonesian, english) in CATALOGUE.items():
        assert bool(indonesian.strip()) == bool(english.strip()), key
        assert fields(indonesian) == fields(english), key


def test_language_is_chosen_by_the_event():
    assert Messages("id")("status.forfeit") == "gugur"
    assert Messages("en")("status.forfeit") == "forfeit"


def test_numbers_read_the_local_way():
    from fractions import Fraction

    assert Messages("id").number(Fraction(8325, 100)) == "83,25"
    assert Messages("en").number(Fraction(8325, 100)) == "83.25"
    assert Messages("id").rupiah(3_000_000) == "Rp 3.000.000"


def test_no_user_facing_literal_in_cli_output_calls():
    """CLI modules print only catalogue messages (or data): no English prose in print()."""
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2] / "ikm_tui" / "cli"
    for path in root.rglob("*.py"):
        for line in path.read_text().splitlines():
            match = re.search(r"print\(\s*f?[\"']([^\"']+)", line)
            assert not match or not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", match.group(1)), (path, line)
