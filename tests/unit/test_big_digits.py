"""The projector clock's glyphs: sized to fit, never wider than the room given."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ikm_tui.app.board import big_digits


def test_every_clock_character_has_a_glyph():
    for char in "0123456789:+-":
        assert any("#" in row for row in big_digits.bitmap(char)), char


@given(st.integers(1, 400), st.integers(1, 120), st.integers(0, 99 * 60 + 59), st.booleans())
def test_the_drawing_fits_the_size_it_was_fitted_to(width, height, seconds, overtime):
    minutes, secs = divmod(seconds, 60)
    text = f"{'+' if overtime else ''}{minutes:02d}:{secs:02d}"
    wide, tall = big_digits.fit_scale(text, width, height)
    lines = big_digits.draw(text, wide, tall)
    if wide:
        assert len(lines) <= height
        assert all(len(line) <= width for line in lines)
        assert len(lines) == big_digits.rows_for(tall)


def test_the_size_does_not_jump_when_overtime_begins():
    assert big_digits.fit_scale("00:01", 200, 60) == big_digits.fit_scale("+00:00", 200, 60)


def test_a_larger_window_never_gives_a_smaller_clock():
    previous = 0
    for height in range(4, 80):
        rows = len(big_digits.draw("07:00", *big_digits.fit_scale("07:00", 200, height)))
        assert rows >= previous
        previous = rows


def test_two_half_rows_make_one_row():
    lines = big_digits.draw("1", 1, 1)
    assert len(lines) == 4  # seven pixel rows, two per terminal row
    assert set("".join(lines)) <= set(" ▀▄█")
