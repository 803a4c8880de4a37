"""The message catalogue: every user-facing string, in Indonesian and English.

Each area of the app keeps its strings in its own module here (``core.py``, ``stage.py``,
``judge.py`` ...), each defining ``MESSAGES = {key: (indonesian, english)}``. They are merged at
import; a key defined twice is a programming error caught by the tests.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from decimal import Decimal
from fractions import Fraction

LANGUAGES = ("id", "en")


def _load() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, pair in getattr(module, "MESSAGES", {}).items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice (in {info.name})")
            merged[key] = pair
    return merged


CATALOGUE = _load()


class Messages:
    """Looks up and formats strings in one language; ``messages("key", name=...)``."""

    def __init__(self, language: str = "id") -> None:
        if language not in LANGUAGES:
            language = "en"
        self.language = language
        self._index = LANGUAGES.index(language)

    def __call__(self, message_key: str, /, **params: object) -> str:
        pair = CATALOGUE.get(message_key)
        if pair is None:
            return message_key  # a missing key shows itself rather than crashing the projector
        return pair[self._index].format(**{k: self._local(v) for k, v in params.items()})

    def _local(self, value: object) -> object:
        """A ``Decimal`` parameter (a scale, a step) reads the local way: ``0,5`` in Indonesian;
        a tuple is text in parts (``("J1/E01=", Decimal("9.5"))``), each part read that way."""
        if isinstance(value, Decimal):
            return self.score(value)
        if isinstance(value, tuple):
            return "".join(str(self._local(part)) for part in value)
        return value

    def decimal(self, text: str) -> str:
        """``"83.25"`` as the event's readers write it: ``83,25`` in Indonesian (the one place
        the decimal comma is made)."""
        return text.replace(".", ",") if self.language == "id" else text

    def number(self, value: Fraction | None, places: int = 2) -> str:
        """A total as people read it: half-up rounded, decimal comma in Indonesian."""
        from ikm_tui.domain.numbers import format_points

        if value is None:
            return "–"
        return self.decimal(format_points(value, places))

    def score(self, value: Decimal) -> str:
        """A stored score as a judge would type it: ``8,5`` in Indonesian, ``8.5`` in English."""
        from ikm_tui.domain.numbers import decimal_text

        return self.decimal(decimal_text(Decimal(value)))

    def rupiah(self, amount: int | None) -> str:
        from ikm_tui.domain.numbers import rupiah

        return "–" if amount is None else rupiah(amount)

    def date(self, day: dt.date, *, weekday: bool = False) -> str:
        """``14 Juni 2022`` (or ``Selasa, 14 Juni 2022``): a day as the event's readers write it,
        on screens and in print alike."""
        month = self("export.months").split()[day.month - 1]
        text = f"{day.day} {month} {day.year}"
        if weekday:
            text = f"{self('export.weekdays').split()[day.weekday()]}, {text}"
        return text


def messages(language: str) -> Messages:
    return Messages(language)
