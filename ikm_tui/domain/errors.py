"""Errors about what a person typed or a file they handed us.

They carry a catalogue key and parameters instead of prose, so the CLI and the TUI can show
them in the event's language, always naming the place (file, line, key) first.
"""

from __future__ import annotations

from typing import Protocol


class Catalogue(Protocol):
    """What renders a message: ``ikm_tui.i18n.Messages`` (the domain does not import it)."""

    def __call__(self, message_key: str, /, **params: object) -> str: ...


class InputError(Exception):
    """Bad input: a config key, a CSV row, a keystroke, a foreign database file."""

    def __init__(self, place: str, code: str, **params: object) -> None:
        self.place = place
        self.code = code
        self.params = params
        super().__init__(f"{place}: {code} {params}")

    def render(self, messages: Catalogue) -> str:
        text = messages(self.code, **self.params)
        return f"{self.place}: {text}" if self.place else text


class InputErrors(InputError):
    """Several problems found in one pass (an import), reported together so staff fix them at once."""

    def __init__(self, errors: list[InputError]) -> None:
        self.errors = errors
        first = errors[0]
        super().__init__(first.place, first.code, **first.params)

    def render(self, messages: Catalogue) -> str:
        return "\n".join(e.render(messages) for e in self.errors)
