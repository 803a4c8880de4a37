"""An ``argparse`` parser that speaks the event's language: ``--help`` and argument errors.

Commands keep registering themselves with plain argparse calls and English help (the English
catalogue entry is the same text). As each option or sub-command is added, its help is looked up
as ``cli.help.<command path>.<name>`` in the catalogue; argparse's own frame ("usage:",
"options:") and its errors are put into the event's language as they are printed.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from ikm_tui.i18n import CATALOGUE, Messages
from ikm_tui.i18n.cli import argparse_error

EXIT_BAD_INPUT = 2
SHARED = ("by",)  # options every command takes: one help text (``cli.help.by``) for all


class LocalisedParser(argparse.ArgumentParser):
    def __init__(
        self,
        *args: Any,
        t: Messages | None = None,
        path: str = "",
        untranslated: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs["add_help"] = False  # our own -h, so that its help is translated too
        super().__init__(*args, **kwargs)
        self.t = t or Messages("en")
        self.path = path
        self.untranslated: list[str] = [] if untranslated is None else untranslated
        """Help keys the catalogue lacks, across the whole command tree (a test lists them)."""
        self.add_argument("-h", "--help", action="help", help=self.t("cli.help.help"))

    def help_key(self, name: str) -> str:
        return ".".join(part for part in ("cli.help", self.path, name) if part)

    def local_help(self, name: str, english: str | None) -> str | None:
        key = self.help_key(name)
        if key in CATALOGUE:
            return self.t(key)
        if f"cli.help.{name}" in CATALOGUE and name in SHARED:
            return self.t(f"cli.help.{name}")
        if english:
            self.untranslated.append(key)
        return english

    def add_argument(self, *names: Any, **kwargs: Any) -> argparse.Action:
        if kwargs.get("action") != "help":
            kwargs["help"] = self.local_help(_dest(names, kwargs), kwargs.get("help"))
        return super().add_argument(*names, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", type(self))  # sub-commands parse like their parent
        commands = super().add_subparsers(**kwargs)
        add_parser = commands.add_parser

        def add_localised_parser(name: str, **options: Any) -> LocalisedParser:
            if "help" in options:
                options["help"] = self.local_help(name, options["help"])
            options.setdefault("description", options.get("help"))
            path = ".".join(p for p in (self.path, name) if p)
            return add_parser(name, t=self.t, path=path, untranslated=self.untranslated, **options)

        commands.add_parser = add_localised_parser  # type: ignore[method-assign]
        return commands

    def format_usage(self) -> str:
        return self._local_frame(super().format_usage())

    def format_help(self) -> str:
        return self._local_frame(super().format_help())

    def _local_frame(self, text: str) -> str:
        """argparse's fixed words, each on a line of its own, in the event's language."""
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if line.startswith("usage: "):
                lines[i] = self.t("cli.usage") + line.removeprefix("usage: ")
            elif line == "positional arguments:":
                lines[i] = self.t("cli.positionals")
            elif line == "options:":
                lines[i] = self.t("cli.options")
        return "\n".join(lines)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_BAD_INPUT,
            self.t("cli.error", prog=self.prog, message=argparse_error(message, self.t)) + "\n",
        )


def _dest(names: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """The option's name as argparse files it: ``--max-sessions`` -> ``max_sessions``."""
    if "dest" in kwargs:
        return str(kwargs["dest"])
    longs = [str(n) for n in names if str(n).startswith("--")]
    name = longs[0] if longs else str(names[0])
    return name.lstrip("-").replace("-", "_")
