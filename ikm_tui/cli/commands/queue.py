"""``ikm-tui queue`` — the presenter queue for staff, headless.

``ikm-tui queue [--day N]`` lists the queue with status and recorded overtime;
``ikm-tui queue withdraw|no-show|later|skip|call ENTRANT``, ``ikm-tui queue move ENTRANT --day N``,
``ikm-tui queue next`` and ``ikm-tui queue undo`` do what the console's keys do, through the
same store actions (audited under ``--by NAME``, default the operating-system user).
"""

from __future__ import annotations

from ikm_tui.domain import queue_rules as rules
from ikm_tui.domain.timer import overtime_text
from ikm_tui.i18n.queue_words import status_text

ENTRANT_ACTIONS = {
    "withdraw": "withdraw",
    "no-show": "no_show",
    "later": "move_later",
    "skip": "skip",
    "call": "call",
}


def register(commands) -> None:
    parser = commands.add_parser("queue", help="list the presenter queue, or change it headless")
    parser.add_argument("--day", type=int, default=None, help="only this day (default: all)")
    actions = parser.add_subparsers(dest="queue_action", metavar="ACTION")
    for name in ENTRANT_ACTIONS:
        sub = actions.add_parser(name, help=f"{name} an entrant")
        sub.add_argument("entrant")
    move = actions.add_parser("move", help="move an entrant to another day")
    move.add_argument("entrant")
    move.add_argument("--day", dest="to_day", type=int, required=True)
    actions.add_parser("next", help="the entrant on stage is done; call the next one")
    actions.add_parser("undo", help="undo the last queue action")
    parser.set_defaults(run=run)


def run(args, ctx) -> int:
    store, t = ctx.store(), ctx.messages
    stage = store.stage
    action = args.queue_action
    if action is None:
        print(render(store, t, args.day))
        return 0
    if action == "undo":
        step = stage.undo(actor=ctx.actor)
        print(t("queue.cli.undone", action=t(f"stage.action.{step.action}"), entrant=step.subject))
        return 0
    if action == "next":
        state = stage.next(actor=ctx.actor)
        subject = state.entrant or ""
    elif action == "move":
        stage.move_to_day(args.entrant, args.to_day, actor=ctx.actor)
        subject = args.entrant
    else:
        getattr(stage, ENTRANT_ACTIONS[action])(args.entrant, actor=ctx.actor)
        subject = args.entrant
    if subject:
        entry = rules.find(store.queue.lineup(), subject)
        print(
            t(
                "queue.cli.done",
                action=action,
                entrant=subject,
                status=status_text(t, entry),
            )
        )
    return 0


def render(store, t, only_day: int | None) -> str:
    config = store.config
    lineup = store.queue.lineup()
    last_day = len(config.event.days)
    headers = [
        t("stage.col.order"),
        t("col.entrant"),
        t("col.name"),
        t("col.business"),
        t("col.category"),
        t("col.status"),
        t("stage.col.overtime"),
    ]
    out = []
    state = store.stage.state()
    if state.entrant:
        reading = store.stage.reading(state)
        out.append(
            t(
                "queue.cli.on_stage",
                entrant=state.entrant,
                phase=t(f"stage.phase.{reading.phase}"),
                time=reading.text,
            )
        )
    for day in range(1, last_day + 1):
        if only_day not in (None, day):
            continue
        rows = [headers]
        for order, entry in enumerate(rules.day_order(lineup, day), 1):
            who = config.entrant(entry.entrant)
            rows.append(
                [
                    str(order),
                    entry.entrant,
                    who.name,
                    who.business,
                    config.category(who.category).name,
                    status_text(t, entry),
                    overtime_text(entry.overtime_ms / 1000),
                ]
            )
        out.append(t("queue.cli.day", day=day, date=t.date(config.event.days[day - 1])))
        out.append(_table(rows))
    return "\n".join(out)


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)
