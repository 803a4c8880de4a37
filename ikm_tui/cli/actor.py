"""Who is acting: every command takes ``--by NAME`` (default: the operating-system user), so
the record names a person for every action, never a program."""

from __future__ import annotations

import argparse

from ikm_tui.cli.parser import LocalisedParser
from ikm_tui.who import os_user

BY_HELP = "who is doing this, for the record (default: the operating-system user)"


def add_by(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a sub-command's unset option never overwrites a value given higher up
    parser.add_argument("--by", metavar="NAME", default=argparse.SUPPRESS, help=BY_HELP)


class ActorParser(LocalisedParser):
    """A command's parser: ``--by NAME`` everywhere, also on its own sub-commands (they get
    this class too). A command may define ``--by`` itself (``decide --by`` names who decided;
    that person is the actor)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("conflict_handler", "resolve")
        super().__init__(*args, **kwargs)
        add_by(self)


def actor_of(args: argparse.Namespace) -> str:
    name = (getattr(args, "by", None) or "").strip()
    return name or os_user()
