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


def test_score_problems_name_the_criterion_and_use_decimal_commas_in_indonesian():
    from decimal import Decimal

    import pytest

    from ikm_tui.domain.config import Criterion
    from ikm_tui.domain.score_entry import ScoreProblem, parse_score

    criterion = Criterion(
        id="tenaga_kerja",
        name="Penyerapan tenaga kerja",
        weight=Decimal(20),
        min=Decimal(1),
        max=Decimal(10),
        step=Decimal("0.5"),
    )
    t = Messages("id")
    with pytest.raises(ScoreProblem) as empty:
        parse_score("", criterion)
    assert t(empty.value.code, **empty.value.params) == "Penyerapan tenaga kerja: nilai belum diisi"
    with pytest.raises(ScoreProblem) as off:
        parse_score("7,3", criterion)
    text = t(off.value.code, **off.value.params)
    assert "kelipatan 0,5" in text and "tenaga_kerja" not in text
    assert "0.5" in Messages("en")(off.value.code, **off.value.params)
