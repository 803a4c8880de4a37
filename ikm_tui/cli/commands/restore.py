"""``ikm-tui restore FILE [--event-from-copy] [--check]`` — a backup copy becomes the session.

The copy is proven first (integrity, audit chain, and the event: the current session's, or
the config's when there is none; ``--event-from-copy`` trusts the copy's own on a standby
laptop). What it holds is shown; the current session file is kept aside, never overwritten.
Any refusal exits 2 with nothing changed.
"""

from __future__ import annotations

from pathlib import Path

from ikm_tui.backup.restore import examine, restore
from ikm_tui.cli.commands.backup import local_time
from ikm_tui.store.copy import CopyFacts


def register(commands) -> None:
    parser = commands.add_parser("restore", help="make a checked backup copy the session database")
    parser.add_argument("file", help="the backup copy (e.g. on the USB stick)")
    parser.add_argument(
        "--event-from-copy",
        action="store_true",
        help="accept the copy's event (a standby laptop that has only the config)",
    )
    parser.add_argument("--check", action="store_true", help="only check the copy and show what it holds")
    parser.set_defaults(run=run)


def run(args, ctx) -> int:
    config = ctx.file_config()  # never ctx.config(): that would open (or create) the session
    copy, session = Path(args.file), ctx.database_path()
    t = ctx.messages
    if args.check:
        facts = examine(copy, config, session, event_from_copy=args.event_from_copy)
        show(ctx, copy, facts)
        print(t("restore.check_only"))
        return 0
    done = restore(copy, config, session, event_from_copy=args.event_from_copy)
    show(ctx, copy, done.facts)
    if done.set_aside is not None:
        print(t("restore.aside", path=done.set_aside))
    print(t("restore.done", path=done.session))
    return 0


def show(ctx, copy: Path, facts: CopyFacts) -> None:
    t = ctx.messages
    print(t("restore.checked", path=copy))
    print(t("restore.proof", changes=facts.changes, head=facts.head[:16]))
    print(t("restore.last_change", time=local_time(facts.last_change)))
    print(t("restore.sheets", sheets=facts.sheets, judges=facts.judges))
    print(t("restore.final.yes" if facts.finalised else "restore.final.no"))
    if facts.on_stage:
        print(t("restore.on_stage", entrant=facts.on_stage))
