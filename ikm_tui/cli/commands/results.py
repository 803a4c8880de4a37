"""Headless results for staff: decide a tie, finalise, unlock, step the reveal, see the lines.

``ikm-tui decide --entrants E05,E09 --reason ... --by ...``, ``ikm-tui undecide --entrants ...``,
``ikm-tui finalise [--override REASON]``, ``ikm-tui unlock --reason ...``,
``ikm-tui reveal STEP`` and ``ikm-tui boundaries``. A refusal (an open tie, missing sheets, a
lock) prints why and exits 2 with nothing changed.
"""

from __future__ import annotations

from ikm_tui.domain.boundaries import boundaries
from ikm_tui.domain.snapshot import last_reveal_step
from ikm_tui.i18n.results import describe_boundary


def register(commands) -> None:
    decide = commands.add_parser("decide", help="record the panel's order for a boundary tie")
    decide.add_argument("--entrants", required=True, help="the tied entrants, best first: E05,E09")
    decide.add_argument("--reason", required=True, help="why the panel chose this order")
    decide.add_argument("--by", required=True, help="who decided (e.g. the panel chair)")
    decide.set_defaults(run=run_decide)

    undecide = commands.add_parser("undecide", help="revoke a recorded tie decision")
    undecide.add_argument("--entrants", required=True, help="the entrants of that decision")
    undecide.set_defaults(run=run_undecide)

    finalise = commands.add_parser("finalise", help="lock the scores and freeze the result")
    finalise.add_argument(
        "--override",
        metavar="REASON",
        default=None,
        help="finalise although some score sheets are missing, because ...",
    )
    finalise.set_defaults(run=run_finalise)

    unlock = commands.add_parser("unlock", help="reopen finalised results (needs a reason)")
    unlock.add_argument("--reason", required=True)
    unlock.set_defaults(run=run_unlock)

    reveal = commands.add_parser("reveal", help="step the projector board's reveal (0 hides it)")
    reveal.add_argument("step", type=int)
    reveal.set_defaults(run=run_reveal)

    lines = commands.add_parser("boundaries", help="the prize-boundary monitor as text")
    lines.set_defaults(run=run_boundaries)


def _ids(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def run_decide(args, ctx) -> int:
    decision = ctx.store().results.decide(_ids(args.entrants), args.reason, args.by, actor=ctx.actor)
    print(ctx.messages("results.cli_decided", order=" > ".join(decision.entrants), by=decision.decided_by))
    return 0


def run_undecide(args, ctx) -> int:
    ctx.store().results.revoke_decision(_ids(args.entrants), actor=ctx.actor)
    print(ctx.messages("results.cli_revoked", order=", ".join(_ids(args.entrants))))
    return 0


def run_finalise(args, ctx) -> int:
    frozen = ctx.store().results.finalise(actor=ctx.actor, override=args.override)
    print(ctx.messages("results.cli_finalised", digest=frozen.digest))
    return 0


def run_unlock(args, ctx) -> int:
    ctx.store().results.unlock(args.reason, actor=ctx.actor)
    print(ctx.messages("results.cli_unlocked"))
    return 0


def run_reveal(args, ctx) -> int:
    store = ctx.store()
    step = store.results.reveal(args.step, actor=ctx.actor)
    print(ctx.messages("results.cli_revealed", step=step, last=last_reveal_step(len(store.config.prizes))))
    return 0


def run_boundaries(args, ctx) -> int:
    store = ctx.store()
    sheets: dict[str, list] = {}
    for sheet in store.scores.sheets():
        sheets.setdefault(sheet.entrant, []).append(sheet)
    lines = boundaries(store.config, store.ranking(), sheets)
    if not lines:
        print(ctx.messages("results.cli_no_lines"))
    for line in lines:
        print("\n  ".join(describe_boundary(line, store.config, ctx.messages)))
    return 0
