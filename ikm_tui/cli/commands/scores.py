"""``ikm-tui scores import FILE.csv`` — paper score sheets, all or nothing."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ikm_tui.domain.score_csv import read_score_csv


def register(commands) -> None:
    scores = commands.add_parser("scores", help="score sheets")
    sub = scores.add_subparsers(dest="scores_command", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help="import paper score sheets from CSV (all or nothing)")
    imp.add_argument("file", type=Path)
    imp.set_defaults(run=run_import)


def run_import(args, ctx) -> int:
    config = ctx.config()
    with _cycle_collector_paused():
        # against the recorded event, every row before writing; untouched template rows
        # (forms --csv) are skipped
        entries = read_score_csv(args.file, config, skip_blank=True)
        if not entries:
            from ikm_tui.domain.errors import InputError

            raise InputError(str(args.file), "csv.no_rows")
        summary = ctx.store().scores.import_sheets(
            entries, actor=ctx.actor, source=f"import:{args.file.name}"
        )
    print(ctx.messages("cli.imported", new=summary.new, replaced=summary.replaced, path=args.file))
    return 0


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """A big file becomes a quarter of a million small rows, dicts and tuples, none of them in
    a reference cycle; meanwhile Python's cyclic collector would walk the growing heap again
    and again (about a third of a 250,000-sheet import). Plain reference counting frees them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
