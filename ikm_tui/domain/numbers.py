"""Exact numbers as people read them: half-up totals and rupiah amounts."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction


def _half_up_units(value: Fraction, places: int) -> int:
    """|value| x 10^places rounded half-up, on integers (a leaderboard formats thousands)."""
    numerator, denominator = abs(value.numerator) * 10**places, value.denominator
    return int((2 * numerator + denominator) // (2 * denominator))


def round_half_up(value: Fraction, places: int = 2) -> Fraction:
    """Half-up (away from zero at .5) — what the panel does on paper, unlike Python's round()."""
    units = _half_up_units(value, places)
    return Fraction(units if value >= 0 else -units, 10**places)


def format_points(value: Fraction, places: int = 2) -> str:
    """``Fraction(333, 4)`` -> ``"83.25"``; always ``places`` decimals, dot separator."""
    units = _half_up_units(value, places)
    sign = "-" if value < 0 and units else ""
    whole, frac = divmod(units, 10**places)
    return f"{sign}{whole}.{frac:0{places}d}" if places else f"{sign}{whole}"


def rupiah(amount: int) -> str:
    """``3000000`` -> ``"Rp 3.000.000"`` (Indonesian thousands separator)."""
    return "Rp " + f"{amount:,}".replace(",", ".")


def decimal_text(value: Decimal) -> str:
    """Canonical text for a score: ``Decimal('8.50')`` -> ``"8.5"``, ``Decimal('9')`` -> ``"9"``."""
    text = format(value.normalize(), "f")
    return text
