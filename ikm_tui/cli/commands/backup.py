"""``ikm-tui backup [-o FILE|FOLDER]`` — one consistent, checked copy of the session, now.

Safe while the consoles and judges are running: the copy is taken with SQLite's online backup
API and proven like every copy (integrity, audit chain, event) before it gets its final name.
Without ``-o`` it goes to every ``[backup] to`` folder (keeping the newest ``keep``), or to the
current folder when the config has no ``[backup]``.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from ikm_tui.backup.writer import TargetProblem, copy_to_folder, write_checked
from ikm_tui.domain.backup_plan import copy_name
from ikm_tui.domain.errors import InputError
from ikm_tui.store.copy import CopyFacts, check_copy, session_event, snapshot

EXIT_BAD_INPUT = 2


def register(commands) -> None:
    parser = commands.add_parser("backup", help="write a checked copy of the session database")
    parser.add_argument(
        "-o", "--output", default=None, help="file or existing folder (default: the [backup] folders)"
    )
    parser.set_defaults(run=run)


def run(args, ctx) -> int:
    config = ctx.file_config()  # never ctx.config(): that would open (or create) the session
    source = ctx.database_path()
    event = session_event(source)
    image = snapshot(source)
    taken_at = dt.datetime.now()
    proven: list[CopyFacts] = []

    def check(path: Path) -> None:
        proven.append(check_copy(path, config, event=event))

    if args.output is not None:
        target = Path(args.output)
        if target.is_dir():
            target = target / copy_name(source.stem, taken_at)
        if not target.parent.is_dir():
            raise InputError(str(target.parent), "backup.cli.no_folder")
        try:
            write_checked(image, target, check)
        except OSError as exc:
            raise InputError(str(target), "restore.cannot_write", detail=exc.strerror or str(exc)) from None
        _written(ctx, target, proven[-1])
        return 0
    plan = config.backup
    folders = plan.targets if plan else (Path.cwd(),)
    keep = plan.keep if plan else 1_000_000  # a copy made by hand in the current folder is never pruned
    failed = False
    for folder in folders:
        try:
            written = copy_to_folder(image, folder, source.stem, keep, check, at=taken_at)
        except TargetProblem as problem:
            print(problem.render(ctx.messages), file=sys.stderr)
            failed = True
            continue
        _written(ctx, written, proven[-1])
    return EXIT_BAD_INPUT if failed else 0


def _written(ctx, path: Path, facts: CopyFacts) -> None:
    t = ctx.messages
    print(t("backup.cli.written", path=path))
    print(
        t(
            "backup.cli.holds",
            changes=facts.changes,
            last=local_time(facts.last_change),
            sheets=facts.sheets,
            final=t("backup.final.yes" if facts.finalised else "backup.final.no"),
        )
    )


def local_time(instant: str | None) -> str:
    """An audit row's UTC instant as the wall clock in the room showed it."""
    if not instant:
        return "–"
    return dt.datetime.fromisoformat(instant).astimezone().strftime("%Y-%m-%d %H:%M:%S")
