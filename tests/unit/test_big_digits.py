"""The projector clock's glyphs: sized to fit, never wider than the room given."""

from __future__ import annotations

import string

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


def test_every_letter_digit_and_note_punctuation_has_its_own_glyph():
    characters = string.ascii_uppercase + string.digits + ".,!?-:+"
    assert big_digits.drawable(characters + " ")
    glyphs = [tuple(big_digits.bitmap(c)) for c in characters]
    assert len(set(glyphs)) == len(characters)  # no two characters look alike
    assert all(len(g) == big_digits.GLYPH_HEIGHT and "#" in "".join(g) for g in glyphs)


def test_a_note_takes_the_largest_glyphs_that_fit_breaking_only_at_spaces():
    # 200 columns (less the box): "MOHON DIAKHIRI" on one line at twice the smallest size
    assert big_digits.fit_note("MOHON DIAKHIRI", 190, 12) == (["MOHON DIAKHIRI"], 2)
    # 80 columns: "1 MENIT LAGI" just fits in the smallest glyphs, four rows
    assert big_digits.fit_note("1 MENIT LAGI", 72, 4) == (["1 MENIT LAGI"], 1)
    # 50 columns: two lines
    assert big_digits.fit_note("1 MENIT LAGI", 46, 8) == (["1 MENIT", "LAGI"], 1)
    lines = big_digits.draw_lines(["1 MENIT", "LAGI"], 1)
    assert len(lines) == big_digits.note_rows(2, 1) == 8
    assert max(len(line) for line in lines) <= 46


def test_a_note_that_does_not_fit_or_has_no_glyph_is_left_to_plain_text():
    assert big_digits.fit_note("MOHON DIAKHIRI", 72, 4) is None  # would need two lines: 8 rows
    assert big_digits.fit_note("SELAMAT", 20, 12) is None  # a word wider than the board
    assert big_digits.fit_note("SLIDE 3/4", 190, 12) is None  # no glyph for "/"
    assert big_digits.fit_note("", 190, 12) is None


@given(
    st.text(alphabet=string.ascii_uppercase + " .,!?-", max_size=60), st.integers(10, 220), st.integers(4, 20)
)
def test_a_fitted_note_never_exceeds_its_room_and_keeps_every_word(note, width, rows):
    fit = big_digits.fit_note(note, width, rows)
    if fit is None:
        return
    lines, scale = fit
    assert " ".join(lines).split() == note.split()
    drawn = big_digits.draw_lines(lines, scale)
    assert len(drawn) <= rows and max(len(line) for line in drawn) <= width
