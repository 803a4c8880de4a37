"""What a judge's note may hold: short plain text that prints as stored."""

from __future__ import annotations

import pytest

from ikm_tui.domain.notes import MAX_CHARS, clean_note
from ikm_tui.domain.score_entry import ScoreProblem


def test_line_endings_tabs_and_outer_blanks_are_tidied():
    assert clean_note("  Bagus!\r\n\tKemasan\r\n\n") == "Bagus!\nKemasan"
    assert clean_note("   ") == ""


@pytest.mark.parametrize(
    "hostile, position",
    [("bel\x07", 4), ("nul\x00x", 4), ("esc\x1b[31m", 4), ("de\x7fl", 3), ("c\x851", 2)],
)
def test_control_characters_are_refused_with_their_position(hostile, position):
    with pytest.raises(ScoreProblem) as caught:
        clean_note(hostile)
    assert caught.value.code == "note.control"
    assert caught.value.params["position"] == position


def test_direction_overrides_are_refused_but_right_to_left_letters_are_not():
    with pytest.raises(ScoreProblem):
        clean_note("harga \u202e0001 Rp")  # would print reversed: "Rp 1000"
    assert clean_note("جيد جدا") == "جيد جدا"
    assert clean_note("טוב מאוד") == "טוב מאוד"


def test_ten_thousand_characters_are_refused_and_the_limit_is_accepted():
    with pytest.raises(ScoreProblem) as caught:
        clean_note("a" * 10_000)
    assert caught.value.code == "note.too_long" and caught.value.params["length"] == 10_000
    assert clean_note("a" * MAX_CHARS) == "a" * MAX_CHARS


def test_emoji_are_kept_as_typed():
    assert clean_note("Mantap 👍🚀😀") == "Mantap 👍🚀😀"
