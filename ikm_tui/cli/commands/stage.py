"""``ikm-tui stage`` — the moderator's cues, headless (what ``+``, ``-`` and the number keys do).

``ikm-tui stage plus|minus [--minutes N]`` adds or takes time from the current phase;
``ikm-tui stage message TEXT`` shows a note to the presenter on the board, ``--preset N`` one of
the ready-made notes (the console's number keys), ``--clear`` takes it down. Each is one audited
store action under ``--by NAME``, exactly as from the console; ``ikm-tui stage`` alone says what
the stage shows now.
"""

from __future__ import annotations

from ikm_tui.i18n.cue_words import PRESETS, preset_text


def register(commands) -> None:
    parser = commands.add_parser("stage", help="the stage's clock and notes to the presenter, headless")
    actions = parser.add_subparsers(dest="stage_action", metavar="ACTION")
    for name, help_text in (("plus", "add time to the current phase"), ("minus", "take time from it")):
        sub = actions.add_parser(name, help=help_text)
        sub.add_argument("--minutes", type=int, default=1, choices=range(1, 31), metavar="N")
    message = actions.add_parser("message", help="show a note to the presenter on the board")
    which = message.add_mutually_exclusive_group(required=True)
    which.add_argument("text", nargs="?", help="the note (a few words)")
    which.add_argument("--preset", type=int, choices=range(1, PRESETS + 1), help="a ready-made note")
    which.add_argument("--clear", action="store_true", help="take the note down")
    parser.set_defaults(run=run)


def run(args, ctx) -> int:
    store, t = ctx.store(), ctx.messages
    stage = store.stage
    action = args.stage_action
    if action in ("plus", "minus"):
        seconds = args.minutes * 60 * (1 if action == "plus" else -1)
        stage.adjust_time(seconds, actor=ctx.actor)
    elif action == "message":
        text = "" if args.clear else preset_text(t, args.preset) if args.preset else args.text
        stage.set_message(text, actor=ctx.actor)
    state = stage.state()
    if state.entrant is not None:
        reading = stage.reading(state)
        print(
            t(
                "cue.cli.time",
                phase=t(f"stage.phase.{reading.phase}"),
                time=reading.text,
                extra=f"{state.clock.extra_s / 60:+g}",
            )
        )
    print(t("cue.cli.message", text=state.message) if state.message else t("cue.cli.no_message"))
    return 0
