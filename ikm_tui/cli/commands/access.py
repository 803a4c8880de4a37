"""``ikm-tui access issue J1 | --all`` and ``ikm-tui access list`` — judges' access codes.

A new code is printed once and never stored in clear; issuing again revokes the old code.
"""

from __future__ import annotations

from ikm_tui.domain.errors import InputError

ACTOR = "cli"


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
        codes = {judge: access.issue(judge, actor=ACTOR) for judge in dict.fromkeys(args.judges)}
    else:
        codes = access.issue_all(actor=ACTOR, only_missing=args.missing)
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


def run_revoke(args, ctx) -> int:
    ctx.store().access.revoke(args.judge, actor=ACTOR)
    print(ctx.messages("access.revoked", judge=args.judge))
    return 0


def _local(at: str) -> str:
    """A stored UTC instant as the local date and time staff read on their watch."""
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return at
