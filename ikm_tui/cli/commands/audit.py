"""``ikm-tui audit verify [--head HASH]`` — prove the record (exit 0), or name the first problem (1).

See :mod:`ikm_tui.store.verify` for what is checked. SQLite's integrity check runs first on a
read-only connection, before the session is opened for anything else, so a damaged file is
reported as such rather than failing half-way through opening it.
"""

from __future__ import annotations

import re

from ikm_tui.domain.errors import InputError
from ikm_tui.store.database import Database
from ikm_tui.store.verify import Problem, head_position, integrity, verify

EXIT_PROBLEM = 1
HEAD_PATTERN = re.compile(r"^[0-9a-fA-F]{8,64}$")


def register(commands) -> None:
    parser = commands.add_parser("audit", help="the tamper-evident audit log")
    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    check = sub.add_parser(
        "verify",
        help="prove the record: SQLite integrity, the hash chain, replaying the log, the frozen result",
    )
    check.add_argument(
        "--head",
        metavar="HASH",
        default=None,
        help="also confirm that this printed head (from an export; 8+ hex digits) is in the chain",
    )
    check.set_defaults(run=run_verify)


def run_verify(args, ctx) -> int:
    if args.head is not None and not HEAD_PATTERN.match(args.head.strip()):
        raise InputError("--head", "verify.head_format", got=args.head)
    raw = Database(ctx.database_path(), read_only=True)
    try:
        problem = integrity(raw.conn)
    finally:
        raw.close()
    if problem is not None:
        return _report(ctx, problem)
    store = ctx.store()
    with store.db.reading() as conn:
        verdict = verify(conn, store.config)
        found = head_position(conn, args.head) if args.head and verdict.ok else None
    if verdict.problem is not None:
        return _report(ctx, verdict.problem)
    print(
        ctx.messages(
            "verify.ok", rows=verdict.rows, head=verdict.head, tables=", ".join(verdict.checked) or "–"
        )
    )
    if args.head is None:
        return 0
    if found is None:
        return _report(ctx, Problem("verify.head_unknown", {"head": args.head.strip()}))
    seq, rows = found
    print(ctx.messages("verify.head_found", head=args.head.strip(), seq=seq, rows=rows, after=rows - seq))
    return 0


def _report(ctx, problem: Problem) -> int:
    print(ctx.messages(problem.code, **problem.params), flush=True)
    return EXIT_PROBLEM
