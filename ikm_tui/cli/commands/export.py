"""``ikm-tui export --format csv|xlsx|pdf|json [-o FILE]``."""

from __future__ import annotations

from ikm_tui.export.bundle import gather
from ikm_tui.export.formats import WRITERS, export_checked


def register(commands) -> None:
    parser = commands.add_parser("export", help="write the results for staff")
    parser.add_argument("--format", "-f", required=True, choices=sorted(WRITERS))
    parser.add_argument(
        "-o",
        "--output",
        default=None,  # kept as typed: a trailing "/" means a folder, created if need be
        help="file or folder to write to (a folder: DIR/ or a name without extension, created if "
        "missing; default: event name and time, in this folder)",
    )
    parser.set_defaults(run=run)


def run(args, ctx) -> int:
    path = export_checked(gather(ctx.store()), args.format, args.output)
    print(ctx.messages("cli.exported", path=path))
    return 0
