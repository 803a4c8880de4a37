"""``ikm-tui progress [--json]`` — which judge has scored whom, headless (statuses, no scores)."""

from __future__ import annotations

import json

from ikm_tui.store.progress import OUT, PENDING, RECUSED, SCORED

GLYPHS = {SCORED: "✓", PENDING: "·", RECUSED: "⊘", OUT: "–"}


def register(commands) -> None:
    parser = commands.add_parser("progress", help="judges x entrants: scored / pending / recused")
    parser.add_argument("--json", action="store_true", help="a JSON list, one object per entrant")
    parser.set_defaults(run=run_progress)


def run_progress(args, ctx) -> int:
    config = ctx.config()
    store = ctx.store()
    matrix = store.progress.matrix()
    on_stage = store.stage.current()
    if args.json:
        rows = [
            {
                "entrant": e,
                "judges": {
                    j: {"status": matrix.status(j, e), "recheck": matrix.recheck_asked(j, e)}
                    for j in matrix.judges
                },
            }
            for e in matrix.entrants
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(ctx.messages("progress.legend"))
    print(f"{'':8}" + "".join(f"{j:>5}" for j in matrix.judges))
    for entrant in matrix.entrants:
        cells = "".join(
            f"{GLYPHS[matrix.status(j, entrant)] + ('!' if matrix.recheck_asked(j, entrant) else ''):>5}"
            for j in matrix.judges
        )
        mark = "▶ " if entrant == on_stage else "  "
        print(f"{mark}{entrant:<6}{cells}  {config.entrant(entrant).business}")
    done = "  ".join(
        f"{j} {matrix.done(j)}/{matrix.done(j) + matrix.count(j, PENDING)}" for j in matrix.judges
    )
    print(done)
    return 0
