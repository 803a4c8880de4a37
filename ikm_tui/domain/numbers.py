"""Exact numbers as people read them: half-up totals and rupiah amounts."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction


def round_half_up(value: Fraction, places: int = 2) -> Fraction:
    """Half-up (away from zero at .5) — what the panel does on paper, unlike Python's round()."""
    scale = 10**places
    scaled = abs(value) * scale
    rounded = math.floor(scaled + Fraction(1, 2))
    return Fraction(rounded if value >= 0 else -rounded, scale)


def format_points(value: Fraction, places: int = 2) -> str:
    """``Fraction(333, 4)`` -> ``"83.25"``; always ``places`` decimals, dot separator."""
    rounded = round_half_up(value, places)
    sign = "-" if rounded < 0 else ""
    scaled = abs(rounded.numerator * 10**places // rounded.denominator)
    whole, frac = divmod(scaled, 10**places)
    return f"{sign}{whole}.{frac:0{places}d}" if places else f"{sign}{whole}"


def rupiah(amount: int) -> str:
    """``3000000`` -> ``"Rp 3.000.000"`` (Indonesian thousands separator)."""
    return "Rp " + f"{amount:,}".replace(",", ".")


def decimal_text(value: Decimal) -> str:
    """Canonical text for a score: ``Decimal('8.50')`` -> ``"8.5"``, ``Decimal('9')`` -> ``"9"``."""
    text = format(value.normalize(), "f")
    return text
