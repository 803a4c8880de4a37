"""``ikm-tui forms [--day N] [-o FILE.pdf] [--csv]`` — blank paper score forms and their CSV."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ikm_tui.domain.config import Entrant
from ikm_tui.domain.errors import InputError
from ikm_tui.domain.queue_rules import FORFEIT, WITHDRAWN, day_order


def register(commands) -> None:
    parser = commands.add_parser("forms", help="print blank paper score forms (or their empty CSV)")
    parser.add_argument("--day", type=int, default=None, help="only this day (default: every day)")
    parser.add_argument("--csv", action="store_true", help="write the matching empty CSV instead")
    parser.add_argument("-o", "--output", type=Path, default=None, help="file to write")
    parser.set_defaults(run=run)


def run(args, ctx) -> int:
    config = ctx.config()
    count = len(config.event.days)
    if args.day is not None and not 1 <= args.day <= count:
        raise InputError("--day", "forms.bad_day", got=args.day, days=count)
    lineup = ctx.store().queue.lineup()
    days: dict[int, Sequence[Entrant]] = {}
    for day in [args.day] if args.day else range(1, count + 1):
        entries = [e for e in day_order(lineup, day) if e.status not in (WITHDRAWN, FORFEIT)]
        days[day] = [config.entrant(e.entrant) for e in entries if config.has("entrant", e.entrant)]
    suffix = ".csv" if args.csv else ".pdf"
    word = ctx.messages("forms.file")
    path = args.output or Path.cwd() / (f"{word}-{args.day}{suffix}" if args.day else f"{word}{suffix}")
    if path.is_dir():
        path = path / (f"{word}-{args.day}{suffix}" if args.day else f"{word}{suffix}")
    from ikm_tui.export.forms_pdf import write_forms, write_forms_csv

    try:
        (write_forms_csv if args.csv else write_forms)(config, days, path)
    except OSError as exc:
        raise InputError(
            str(path), "export.cannot_write", detail=exc.strerror or type(exc).__name__
        ) from None
    print(ctx.messages("forms.written", path=path))
    return 0
