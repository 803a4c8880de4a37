"""``ikm-tui audit verify`` — check the hash chain of the audit log."""

from __future__ import annotations


def register(commands) -> None:
    parser = commands.add_parser("audit", help="the tamper-evident audit log")
    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = sub.add_parser("verify", help="check that no audit row was changed or removed")
    verify.set_defaults(run=run_verify)


def run_verify(args, ctx) -> int:
    check = ctx.store().audit.verify()
    if check.ok:
        print(ctx.messages("cli.audit_ok", rows=check.rows, head=check.head))
        return 0
    print(ctx.messages("cli.audit_broken", seq=check.first_bad, rows=check.rows))
    return 1
