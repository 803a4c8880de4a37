"""``ikm-tui leaderboard [--json]`` — the current ranking, for staff and other programs."""

from __future__ import annotations

import json
from fractions import Fraction

from ikm_tui.domain.leaderboard import PUBLIC_FIELDS, leaderboard_rows

JSON_FIELDS = PUBLIC_FIELDS


def register(commands) -> None:
    parser = commands.add_parser("leaderboard", help="print the current ranking")
    parser.add_argument("--json", action="store_true", help="a JSON list in rank order")
    parser.set_defaults(run=run)


def run(args, ctx) -> int:
    rows = leaderboard_rows(ctx.store().ranking())
    if args.json:
        print(
            json.dumps(
                [{k: row[k] for k in JSON_FIELDS} | {"decision": row["decision"]} for row in rows],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(render_table(rows, ctx.messages))
    return 0


def render_table(rows: list[dict], messages) -> str:
    headers = [
        messages(f"col.{c}")
        for c in ("rank", "entrant", "name", "business", "total", "judges", "prize", "amount", "status")
    ]
    table = [headers]
    for row in rows:
        table.append(
            [
                "" if row["rank"] is None else str(row["rank"]),
                row["entrant"],
                row["name"],
                row["business"],
                messages.number(Fraction(row["total"])) if row["total"] else "–",
                f"{row['judges']}/{row['expected_judges']}",
                row["prize"] or "",
                messages.rupiah(row["amount"]) if row["amount"] is not None else "",
                messages(f"status.{row['status']}"),
            ]
        )
    widths = [max(len(r[i]) for r in table) for i in range(len(headers))]
    right = {0, 4, 5, 7}
    lines = []
    for r in table:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
