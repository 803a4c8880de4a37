"""``ikm-tui recheck J1 E03 [--cancel]`` and ``ikm-tui recheck --list`` — ask a judge to look again.

The judge's console shows "please re-check entrant E03" until that judge saves or recuses it.
"""

from __future__ import annotations

from ikm_tui.domain.errors import InputError


def register(commands) -> None:
    parser = commands.add_parser("recheck", help="ask a judge to re-check an entrant")
    parser.add_argument("judge", nargs="?", metavar="JUDGE")
    parser.add_argument("entrant", nargs="?", metavar="ENTRANT")
    parser.add_argument("--cancel", action="store_true", help="withdraw the request")
    parser.add_argument("--list", action="store_true", help="show pending requests")
    parser.set_defaults(run=run_recheck)


def run_recheck(args, ctx) -> int:
    rechecks = ctx.store().recheck
    if args.list:
        for request in rechecks.pending():
            print(
                ctx.messages(
                    "recheck.pending_line",
                    judge=request.judge,
                    entrant=request.entrant,
                    by=request.requested_by,
                )
            )
        return 0
    if not (args.judge and args.entrant):
        raise InputError("recheck", "recheck.which")
    if args.cancel:
        rechecks.cancel(args.judge, args.entrant, ctx.actor)
        print(ctx.messages("progress.recheck_cancelled", judge=args.judge, entrant=args.entrant))
    else:
        rechecks.request(args.judge, args.entrant, ctx.actor)
        print(ctx.messages("progress.recheck_asked", judge=args.judge, entrant=args.entrant))
    return 0
