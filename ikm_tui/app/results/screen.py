"""F3 on the moderator console: the live leaderboard, the prize lines, divergence, the lock.

Everything here is for the moderator and panel only — the projector shows results solely
through the reveal, from the frozen snapshot. Each action is one store write (audited) through
the screen base's worker, which then tells every screen, here and in other processes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import var
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Static

from ikm_tui.app.backup_line import BackupLine
from ikm_tui.app.dialogs import Field, FormDialog, Values
from ikm_tui.app.follow import SessionChanged
from ikm_tui.app.idle_gc import freeze_heap
from ikm_tui.app.footer import KeyBar
from ikm_tui.app.results.leaderboard_table import LeaderboardTable
from ikm_tui.app.results.live import LiveResults, ResultsView
from ikm_tui.app.results.side_panels import BoundaryPanel, FlagList
from ikm_tui.app.session_screen import SessionScreen
from ikm_tui.domain.snapshot import last_reveal_step
from ikm_tui.store.database import StoreUnavailable


class ResultsScreen(SessionScreen[None]):
    CSS_PATH = Path(__file__).parent / "results.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    AUTO_FOCUS = "#leaderboard"
    # ceremony keys first: on an 80-column footer the filters are the ones cut off
    BINDINGS = [
        Binding("v", "reveal_next", "results.key_reveal_next", id="results.reveal_next"),
        Binding("h", "reveal_hide", "results.key_reveal_hide", id="results.reveal_hide"),
        Binding("t", "decide", "results.key_decide", id="results.decide"),
        Binding("f", "finalise", "results.key_finalise", id="results.finalise"),
        Binding("u", "unlock", "results.key_unlock", id="results.unlock"),
        Binding("r", "recheck", "results.key_recheck", id="results.recheck"),
        Binding("c", "category", "results.key_category", id="results.category"),
        Binding("d", "day", "results.key_day", id="results.day"),
    ]

    category: var[str | None] = var(None, init=False)
    """The category the leaderboard shows (None: every category); changing it redraws."""
    day: var[int | None] = var(None, init=False)
    """The day the leaderboard shows (None: both days); changing it redraws."""

    def __init__(self) -> None:
        super().__init__()
        self.view: ResultsView | None = None
        self.live: LiveResults | None = None
        self.status = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="results-status")
        with Horizontal(id="results-body"):
            yield LeaderboardTable(id="leaderboard")
            with Vertical(id="results-side"):
                with VerticalScroll(id="lines-box"):
                    yield Static(self.app.t("results.lines_title"), classes="panel-title")
                    yield BoundaryPanel(id="lines")
                with Vertical(id="flags-box"):
                    yield Static(
                        self.app.t("results.flags_title", tolerance=self.app.config.judging.divergence),
                        classes="panel-title",
                    )
                    yield FlagList(id="flags")
        yield BackupLine()
        yield KeyBar()

    def on_mount(self) -> None:
        if self.is_current:
            self.reload()
        # else built ahead, behind the screen in use (the console's preload): nothing is read
        # until first shown, so a big event does not stall the console it is hidden behind

    def on_screen_resume(self) -> None:
        if self.live is None and self.is_current:  # shown for the first time (see on_mount)
            self.reload()

    def on_session_changed(self, message: SessionChanged) -> None:
        if message.error is None and self.live is not None:
            self.reload()

    # -- showing ---------------------------------------------------------------------------

    def reload(self) -> None:
        try:
            first = self.live is None
            if self.live is None:
                self.live = LiveResults(self.app.store)
            self.view = self.live.read()
            if first:
                # The first read builds the big, long-lived part of the heap (every entrant's
                # keys and rows): no full GC pass need walk it again (at 10,000 entrants each
                # cost ~0.4 s)
                freeze_heap()
        except StoreUnavailable as exc:
            self.notify(exc.render(self.app.t), severity="error")
            return
        self.show()

    def show(self) -> None:
        view, config = self.view, self.app.config
        if view is None:  # the first read failed; a message said why
            return
        rows = [
            r
            for r in view.rows
            if (self.category is None or r["category"] == self.category)
            and (self.day is None or r["day"] == self.day)
        ]
        tiers = {p.label: min(i + 1, 3) for i, p in enumerate(config.prizes)}
        with self.app.batch_update():  # one new frame for the whole update, not one per panel
            self.query_one(LeaderboardTable).show(rows, tiers)
            self.query_one(BoundaryPanel).show(view.lines, config)
            self.query_one(FlagList).show(view.flags, view.flag_count, view.asked)
            status = self._status_line(view)
            if status != self.status:
                self.status = status
                self.query_one("#results-status", Static).update(status, layout=False)

    def _status_line(self, view: ResultsView) -> str:
        t, config = self.app.t, self.app.config
        if view.tampered is not None:
            title = t("results.title_tampered")
        elif view.frozen:
            title = t("results.title_locked", digest=view.frozen.digest[:12])
        else:
            title = t("results.title")
        category = (
            config.category(self.category).name if self.category else t("results.filter_all_categories")
        )
        day = t("results.filter_day", day=self.day) if self.day else t("results.filter_all_days")
        parts = [title, t("results.revealed", what=self._step_name(view.reveal_step)), category, day]
        if view.missing and not view.frozen:
            parts.append(t("results.missing_count", count=view.missing))
        return "  ·  ".join(parts)

    def _step_name(self, step: int) -> str:
        t, prizes = self.app.t, self.app.config.prizes
        if step == 0:
            return t("results.reveal_hidden")
        if step > len(prizes):
            return t("results.key_reveal_all")
        return prizes[len(prizes) - step].label

    # -- filters ---------------------------------------------------------------------------

    def action_category(self) -> None:
        ids = [None] + [c.id for c in self.app.config.categories]
        self.category = ids[(ids.index(self.category) + 1) % len(ids)]

    def action_day(self) -> None:
        days = [None] + list(range(1, len(self.app.config.event.days) + 1))
        self.day = days[(days.index(self.day) + 1) % len(days)]

    def watch_category(self) -> None:
        self.show()

    def watch_day(self) -> None:
        self.show()

    # -- the panel's actions ---------------------------------------------------------------

    def _write(self, action: Callable[[], object], done_message: str) -> None:
        """Run one store action in the worker; refusals are told calmly, never as a traceback."""

        def done(_result: object) -> None:
            self.reload()
            self.notify(done_message)

        self.write(action, done)

    def _after_dialog(self, message: str | Callable[[str], str]) -> Callable[[object], None]:
        """Once a dialog's write succeeded (everyone was told): refresh, and tell the moderator.

        ``message`` is the text, or a function of the dialog's result (the digest)."""

        def done(result: object) -> None:
            if result:
                self.reload()
                self.notify(message(str(result)) if callable(message) else message)

        return done

    def action_decide(self) -> None:
        t, store = self.app.t, self.app.store
        ties = self.view.ranking.ties if self.view else ()
        if not ties:
            self.notify(t("results.decide_none"))
            return
        tie = ties[0]
        fields = [
            Field("order", t("results.decide_order"), ", ".join(tie.entrants), place="entrants"),
            Field("reason", t("results.decide_reason")),
            Field("by", t("results.decide_by"), place="decided_by"),
        ]

        def decide(values: Values) -> bool:
            order = values["order"].split(",")
            store.results.decide(order, values["reason"], values["by"], actor=self.app.actor)
            return True

        body = "\n".join(
            f"{e} {self.app.config.entrant(e).name} — {self.app.config.entrant(e).business}"
            for e in tie.entrants
        )
        self.app.push_screen(
            FormDialog(
                t("results.decide_title", rank=tie.rank), body, fields, ok=t("results.ok"), action=decide
            ),
            self._after_dialog(t("results.decided")),
        )

    def action_finalise(self) -> None:
        t, store = self.app.t, self.app.store
        view = self.view
        if view and view.frozen:
            self.notify(t("results.already_locked"), severity="warning")
            return
        body = "\n".join([t("results.finalise_body"), self._notes_line(), *self._before_locking()])
        fields = []
        if view and view.missing:
            fields = [Field("override", t("results.override"))]

        def finalise(values: Values) -> str:
            return store.results.finalise(actor=self.app.actor, override=values.get("override")).digest

        self.app.push_screen(
            FormDialog(t("results.finalise_title"), body, fields, ok=t("results.confirm"), action=finalise),
            self._after_dialog(lambda digest: t("results.finalised", digest=digest[:16])),
        )

    def _notes_line(self) -> str:
        """How many judges' notes each start-up will find in its feedback report — counts
        only, never the text — so the moderator can ask for the missing ones before locking."""
        t = self.app.t
        try:
            counts = self.app.store.notes.counts()
        except Exception:  # noqa: BLE001 - a line of the dialog must not stop finalising
            return ""
        entrants = self.app.config.entrants
        without = [e.id for e in entrants if not counts.get(e.id)]
        shown = ", ".join(without[:12]) + (" …" if len(without) > 12 else "")
        line = t("results.finalise_notes", notes=sum(counts.values()), entrants=len(entrants) - len(without))
        if without:
            line += " " + t("results.finalise_no_notes", count=len(without), ids=shown)
        return line

    def _before_locking(self) -> list[str]:
        """What the panel should see before it locks: whose sheets are missing (by judge),
        open divergence flags and unanswered re-check requests, each list cut short."""
        t, config, store = self.app.t, self.app.config, self.app.store
        lines: list[str] = []
        missing: dict[str, list[str]] = {}
        for judge, entrant in store.results.missing_sheets():
            missing.setdefault(judge, []).append(entrant)
        if missing:
            count = sum(len(v) for v in missing.values())
            lines += ["", t("results.finalise_missing", count=count)]
            lines += _capped(
                [
                    f"  {judge} {config.judge(judge).name}: {_capped_ids(entrants)}"
                    for judge, entrants in missing.items()
                ],
                t,
            )
        view = self.view
        if view and view.flag_count:
            lines += ["", t("results.finalise_flags", count=view.flag_count)]
            lines += _capped(
                [
                    "  "
                    + t(
                        "results.flag",
                        judge=f.judge,
                        entrant=f.entrant,
                        total=t.number(f.total),
                        median=t.number(f.others_median),
                    )
                    for f in view.flags
                ],
                t,
                total=view.flag_count,
            )
        recheck = getattr(store, "recheck", None)
        asked = recheck.pending() if recheck is not None else []
        if asked:
            lines += ["", t("results.finalise_rechecks", count=len(asked))]
            lines += _capped([f"  {r.judge} → {r.entrant}" for r in asked], t)
        return lines

    def action_unlock(self) -> None:
        t, store = self.app.t, self.app.store
        if self.view and not self.view.frozen:
            self.notify(t("results.not_locked"), severity="warning")
            return

        def unlock(values: Values) -> bool:
            store.results.unlock(values["reason"], actor=self.app.actor)
            return True

        self.app.push_screen(
            FormDialog(
                t("results.unlock_title"),
                t("results.unlock_body"),
                [Field("reason", t("results.decide_reason"))],
                ok=t("results.confirm"),
                action=unlock,
            ),
            self._after_dialog(t("results.unlocked")),
        )

    def action_recheck(self) -> None:
        t = self.app.t
        chosen = self.query_one(FlagList).chosen()
        if chosen is None:
            self.notify(t("results.no_flag"))
            return
        judge, entrant = chosen
        recheck = self.app.store.recheck
        self._write(
            lambda: recheck.request(judge, entrant, self.app.actor),
            t("results.recheck_sent", judge=judge, entrant=entrant),
        )

    def action_reveal_next(self) -> None:
        step = self.view.reveal_step if self.view else 0
        last = last_reveal_step(len(self.app.config.prizes))
        if step >= last:
            return
        self._reveal(step + 1)

    def action_reveal_hide(self) -> None:
        self._reveal(0)

    def _reveal(self, step: int) -> None:
        t = self.app.t
        self._write(
            lambda: self.app.store.results.reveal(step, actor=self.app.actor),
            t("results.revealed", what=self._step_name(step)),
        )


LIST_SHOWN = 4  # a dialog, not a report: the rest is a count (F2 and F3 show them all)


def _capped(lines: list[str], t, total: int | None = None) -> list[str]:
    total = len(lines) if total is None else total
    if total <= LIST_SHOWN:
        return lines[:LIST_SHOWN]
    return lines[: LIST_SHOWN - 1] + ["  " + t("results.flags_more", count=total - (LIST_SHOWN - 1))]


def _capped_ids(ids: list[str], shown: int = 8) -> str:
    return ", ".join(ids[:shown]) + (f", … (+{len(ids) - shown})" if len(ids) > shown else "")
