"""``ikm-tui event [show|diff|apply]`` — the event as the session records it, and amendments.

``event show`` names the event (its id, title, recorded revision); ``event diff`` lists, field by
field, what ``config.toml`` says that the record does not, and what it would do to the winners;
``event apply --reason TEXT [--by NAME]`` makes it the record as one audited amendment, or
refuses (exit 2, nothing changed) naming the sheets it would break.
"""

from __future__ import annotations

import json

from ikm_tui.domain.amendment import winners
from ikm_tui.i18n.record import review_lines


def register(commands) -> None:
    parser = commands.add_parser("event", help="the recorded event, and amendments from config.toml")
    actions = parser.add_subparsers(dest="event_action", metavar="ACTION")
    actions.add_parser("show", help="the event's id, title and recorded revision")
    diff = actions.add_parser("diff", help="what config.toml says that the record does not, and its effect")
    diff.add_argument("--json", action="store_true", help="the differences as JSON")
    apply = actions.add_parser("apply", help="apply config.toml as one audited amendment")
    apply.add_argument("--reason", required=True, help="why the event changes (recorded)")
    parser.set_defaults(run=run)


def run(args, ctx) -> int:
    ctx.announce_pending = False  # these actions show the difference themselves
    action = args.event_action or "show"
    if action == "diff":
        return run_diff(args, ctx)
    if action == "apply":
        return run_apply(args, ctx)
    return run_show(args, ctx)


def run_show(args, ctx) -> int:
    store, t = ctx.store(), ctx.messages
    revision = store.revision
    print(
        t(
            "event.cli.show",
            event_id=store.event_id,
            title=store.config.event.title,
            revision=revision.revision,
            at=revision.recorded_at,
            by=revision.recorded_by,
            reason=reason_text(t, revision.reason),
        )
    )
    pending = store.pending()
    if pending:
        print(t("event.pending_line", count=len(pending)))
    return 0


def run_diff(args, ctx) -> int:
    store, t = ctx.store(), ctx.messages
    review = store.review()
    if args.json:
        print(
            json.dumps(
                {
                    "event_id": store.event_id,
                    "revision": store.revision.revision,
                    "changes": [{"key": c.key, "before": c.before, "after": c.after} for c in review.changes],
                    "refused": [p.render(t) for p in review.problems],
                    "winners_before": winners(review.before),
                    "winners_after": winners(review.after) if review.after else None,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not review.changes:
        print(t("event.cli.same", revision=store.revision.revision))
        return 0
    print(t("event.cli.header", revision=store.revision.revision, count=len(review.changes)))
    for line in review_lines(t, review):
        print(line)
    if not review.problems:
        print(t("event.cli.apply_hint"))
    return 0


def run_apply(args, ctx) -> int:
    store, t = ctx.store(), ctx.messages
    changes = store.pending()
    revision = store.amend(args.reason, actor=ctx.actor)
    print(t("event.cli.applied", revision=revision.revision, count=len(changes), by=ctx.actor))
    return 0


def reason_text(t, reason: str) -> str:
    key = f"event.reason.{reason}"
    text = t(key)
    return reason if text == key else text
