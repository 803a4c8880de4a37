"""``ikm-tui access issue|list|revoke|cards|brakes|unbrake`` — judges' access codes.

A new code is printed once (or on its access card) and never stored in clear; issuing again
revokes the old code and every card and sign-in made with it. ``brakes`` lists the wrong-code
brakes (per judge and client address) and ``unbrake`` clears them.
"""

from __future__ import annotations

from ikm_tui.domain.errors import InputError


def register(commands) -> None:
    parser = commands.add_parser("access", help="judges' access codes")
    sub = parser.add_subparsers(dest="access_command", metavar="ACTION", required=True)
    issue = sub.add_parser("issue", help="issue (or re-issue) access codes; printed once")
    issue.add_argument("judges", nargs="*", metavar="JUDGE")
    issue.add_argument("--all", action="store_true", help="every judge in the config")
    issue.add_argument("--missing", action="store_true", help="only judges without a code")
    issue.set_defaults(run=run_issue)
    listing = sub.add_parser("list", help="which judges have a code (never the codes)")
    listing.set_defaults(run=run_list)
    revoke = sub.add_parser("revoke", help="make a judge's code stop working")
    revoke.add_argument("judge", metavar="JUDGE")
    revoke.set_defaults(run=run_revoke)
    cards = sub.add_parser("cards", help="issue new codes and print one access card per judge (PDF)")
    cards.add_argument("judges", nargs="*", metavar="JUDGE", help="only these judges (default: all)")
    cards.add_argument(
        "-o", "--output", metavar="FILE.pdf", help="where to write (default: beside the database)"
    )
    cards.add_argument("--url", help="the address judges open (default: this laptop's, port 8000)")
    cards.add_argument("--port", type=int, default=8000, help="the port of ikm-tui serve (default 8000)")
    cards.set_defaults(run=run_cards)
    brakes = sub.add_parser("brakes", help="wrong-code brakes (judge@address) and how long they hold")
    brakes.set_defaults(run=run_brakes)
    unbrake = sub.add_parser("unbrake", help="clear wrong-code brakes of a judge, an address, or all")
    unbrake.add_argument("which", nargs="?", metavar="JUDGE|ADDRESS")
    unbrake.add_argument("--all", action="store_true", help="every brake")
    unbrake.set_defaults(run=run_unbrake)


def run_issue(args, ctx) -> int:
    config = ctx.config()
    if bool(args.judges) == bool(args.all or args.missing):
        raise InputError("access issue", "access.issue_which")
    for judge in args.judges:
        if not config.has("judge", judge):
            raise InputError(
                "access issue",
                "access.unknown_judge",
                judge=judge,
                known=", ".join(j.id for j in config.judges),
            )
    access = ctx.store().access
    if args.judges:
        codes = {judge: access.issue(judge, actor=ctx.actor) for judge in dict.fromkeys(args.judges)}
    else:
        codes = access.issue_all(actor=ctx.actor, only_missing=args.missing)
    if not codes:
        print(ctx.messages("access.none_to_issue"))
    for judge, code in codes.items():
        print(ctx.messages("access.issued", judge=judge, name=config.judge(judge).name, code=code))
    if codes:
        print(ctx.messages("access.issued_note"))
    return 0


def run_list(args, ctx) -> int:
    config = ctx.config()
    for judge, issued_at in ctx.store().access.issued().items():
        state = (
            ctx.messages("access.state_issued", at=_local(issued_at))
            if issued_at
            else ctx.messages("access.state_none")
        )
        print(ctx.messages("access.status_line", judge=judge, name=config.judge(judge).name, state=state))
    return 0


def run_cards(args, ctx) -> int:
    from pathlib import Path

    from ikm_tui.serve.cards import default_address, default_path, issue_cards

    config = ctx.config()
    _check_judges(config, args.judges, "access cards")
    address = args.url or default_address(args.port)
    if not address.startswith(("http://", "https://")):
        raise InputError("--url", "cards.bad_url", got=address)
    if not address.endswith("/"):
        address += "/"
    store = ctx.store()
    path = Path(args.output) if args.output else default_path(store)
    cards = issue_cards(store, path, address=address, actor=ctx.actor, judges=args.judges)
    print(ctx.messages("cards.written", count=len(cards), path=path))
    return 0


def run_brakes(args, ctx) -> int:
    import math
    import time

    brakes = ctx.store().access.brakes()
    if not brakes:
        print(ctx.messages("access.brakes_none"))
    now = time.time()
    for brake in brakes:
        left = brake.wait_until - now
        wait = ctx.messages("access.brake_wait", seconds=math.ceil(left)) if left > 0 else ""
        print(ctx.messages("access.brake_line", target=brake.target, failures=brake.failures, wait=wait))
    return 0


def run_unbrake(args, ctx) -> int:
    if bool(args.which) == bool(args.all):
        raise InputError("access unbrake", "access.unbrake_which")
    cleared = ctx.store().access.clear_brakes(None if args.all else args.which, actor=ctx.actor)
    print(ctx.messages("access.brakes_cleared", count=cleared))
    return 0


def _check_judges(config, judges: list[str], place: str) -> None:
    for judge in judges:
        if not config.has("judge", judge):
            raise InputError(
                place, "access.unknown_judge", judge=judge, known=", ".join(j.id for j in config.judges)
            )


def run_revoke(args, ctx) -> int:
    ctx.store().access.revoke(args.judge, actor=ctx.actor)
    print(ctx.messages("access.revoked", judge=args.judge))
    return 0


def _local(at: str) -> str:
    """A stored UTC instant as the local date and time staff read on their watch."""
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return at
