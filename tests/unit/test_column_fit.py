"""The stage queue's column fitting: who gets width first when the screen is narrow."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ikm_tui.app.column_fit import Want, two_line_width
from ikm_tui.app.column_fit import fit as fit_columns
from ikm_tui.app.stage.queue_table import GRANTS, REQUIRED

GAP = 2
WANTS = {
    "order": Want(2, 2),
    "planned": Want(6, 5),  # "Jadwal" / "Jam" over "08:30"
    "entrant": Want(4, 4),
    "name": Want(23, 14, stretch=True),
    "status": Want(8, 8, stretch=True),
    "business": Want(37, 12, stretch=True),
    "category": Want(9, 9, stretch=True),
}


def fit(wants: dict[str, Want], available: int, gap: int) -> dict[str, int]:
    return fit_columns(wants, available, gap, GRANTS, REQUIRED)


def cost(widths: dict[str, int]) -> int:
    return sum(w + GAP for w in widths.values())


def test_wide_enough_everything_at_its_natural_width():
    widths = fit(WANTS, 200, GAP)
    assert widths == {column: want.natural for column, want in WANTS.items()}


def test_the_name_is_whole_before_the_running_number_business_or_category_come_back():
    widths = fit(WANTS, 48, GAP)  # the queue beside the stage panels at 80 columns
    assert widths["name"] == 23
    assert widths["planned"] == 5  # the short header
    assert not {"order", "business", "category"} & set(widths)
    assert cost(widths) <= 48


def test_business_shrinks_before_category_goes_and_nothing_passes_the_edge():
    widths = fit(WANTS, 75, GAP)  # 120 columns
    assert widths["name"] == 23 and widths["status"] == 8 and widths["order"] == 2
    assert 12 <= widths["business"] < 37
    assert "category" not in widths
    assert cost(widths) == 75  # the business took what was left


def test_too_narrow_for_the_names_the_name_takes_what_is_left_and_planned_stays():
    widths = fit(WANTS, 42, GAP)
    assert widths["planned"] == 5
    assert widths["name"] == 42 - cost({k: v for k, v in widths.items() if k != "name"}) - GAP
    assert 14 <= widths["name"] < 23


def test_code_name_and_status_are_drawn_even_when_nothing_fits():
    widths = fit(WANTS, 10, GAP)
    assert set(widths) == {"entrant", "name", "status"}


@given(st.integers(min_value=32, max_value=250))
def test_never_wider_than_the_table_once_the_required_columns_fit(available):
    widths = fit(WANTS, available, GAP)
    assert cost(widths) <= available
    for column, width in widths.items():
        assert WANTS[column].least <= width <= WANTS[column].natural


def test_two_line_width_is_the_narrowest_width_that_keeps_each_text_on_two_lines():
    assert two_line_width(["tidak hadir ×1 — dipanggil nanti"]) == 16
    assert two_line_width(["di panggung", "menunggu"]) == 8
    assert two_line_width(["Ni Luh Putu Ayu Lestari"]) == 11  # "Ni Luh Putu" / "Ayu Lestari"
    assert two_line_width([""]) == 1
