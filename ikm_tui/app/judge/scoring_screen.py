"""The judge's scoring screen: the entrant on stage, one input per criterion, save, correct.

Rules that shape it:
* it follows the stage, but never pulls the sheet from under a judge who is typing — a judge
  is mid-edit when the typed values differ from what is stored; the move then waits, shown as a
  notice, and happens after the next save;
* "saved" shows only after ``store.scores.submit`` returned (the commit is durable); a failed
  save leaves every typed value where it was;
* it is built only from this judge's own sheets and re-check requests: no other judge's score
  and no leaderboard can reach it;
* once results are finalised the sheet is read-only at once, under a banner that says so;
* a message never names a file (the database path is staff's business, not the judge's), and
  "saved E03" never stays under another entrant's sheet.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, OptionList, Static

from ikm_tui.app.dialogs import Field, FormDialog, Values
from ikm_tui.app.follow import SessionChanged
from ikm_tui.app.footer import KeyBar
from ikm_tui.app.judge.entrant_header import EntrantHeader, HeaderState, clock
from ikm_tui.app.judge.entrant_list import EntrantLine, EntrantList
from ikm_tui.app.judge.sheet_form import NOTE, SheetForm
from ikm_tui.app.judge.sign_in import SignedOut
from ikm_tui.app.judge.title_bar import TitleBar
from ikm_tui.app.session_screen import SessionScreen
from ikm_tui.domain.scoring import judge_total
from ikm_tui.store.access import Grant
from ikm_tui.store.notes import Note
from ikm_tui.store.scores import SheetRecord


class ScoringScreen(SessionScreen[None]):
    CSS_PATH = "judge.tcss"
    AUTO_FOCUS = "#form"
    HORIZONTAL_BREAKPOINTS = [(0, "-phone"), (64, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    BINDINGS = [
        Binding("ctrl+s", "submit", "judge.key.submit", id="judge.submit", priority=True),
        Binding("ctrl+r", "recuse", "judge.key.recuse", id="judge.recuse"),
        Binding("ctrl+g", "to_stage", "judge.key.stage", id="judge.stage"),
        Binding("ctrl+l", "focus_list", "judge.key.list", id="judge.list"),
        Binding("ctrl+n", "next_open", "judge.key.next", id="judge.next"),
        Binding("ctrl+z", "revert", "judge.key.revert", id="judge.revert"),
    ]

    def __init__(self, grant: Grant) -> None:
        super().__init__()
        self.grant = grant
        self.judge = grant.judge
        self.entrant: str | None = None  # the sheet in the form
        self.stored: dict[str, SheetRecord] = {}  # this judge's own sheets only
        self.notes: dict[str, str] = {}  # entrant -> this judge's note for the start-up
        self.drafts: dict[str, dict[str, str]] = {}  # unsaved typed values per entrant
        self.rechecks: set[str] = set()
        self.on_stage: str | None = None
        self.waiting_stage: str | None = None  # stage moved while the judge was typing
        self.saving = False
        self.offline = False  # the last poll could not read the database
        self.locked = False  # results are finalised: every sheet is read-only

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        t = self.app.t
        config = self.app.config
        yield TitleBar()
        with Horizontal(id="body"):
            with Vertical(id="side"):
                yield Label(t("judge.list_title"), id="list-title")
                yield EntrantList(id="entrants")
            with Vertical(id="sheet"):
                yield Static(t("judge.locked_banner"), id="locked-banner")
                yield EntrantHeader(id="entrant-header")
                yield SheetForm(config.criteria, t, id="form")
                yield Static("", id="total")
                with Horizontal(id="actions"):
                    yield Button(t("judge.button_save"), id="save", variant="primary", compact=True)
                    yield Button(t("judge.button_recuse"), id="recuse", compact=True)
                yield Static("", id="save-state")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()
        self.on_stage = self._stage_now()
        start = self.on_stage or self._next_open(None) or self.app.config.entrants[0].id
        self.open_sheet(start)

    # -- following the session --------------------------------------------------------------

    def on_session_changed(self, message: SessionChanged) -> None:
        if message.error is not None:
            if not self.saving:
                self.say(self.app.t("judge.offline"), "error")
            self.offline = True
            return
        if self.offline:
            self.offline = False
            self.say("")
        if not self.app.store.access.still_valid(self.grant):
            self.post_message(SignedOut(self.app.t("judge.code_revoked")))
            return
        editing = self.mid_edit()
        self.reload()
        if not editing and self.entrant is not None:
            # this judge's sheet may have changed elsewhere (another console, a paper import)
            if self.form.typed() != self.baseline(self.entrant):
                self.form.set_values(self.baseline(self.entrant))
                self.show_total()
        stage = self._stage_now()
        if stage != self.on_stage:
            self.on_stage = stage
            self.stage_moved(stage)
        self.show_list()
        self.show_header()

    def reload(self) -> None:
        store = self.app.store
        self.stored = store.scores.for_judge(self.judge)
        self.notes = {e: n.text for e, n in store.notes.for_judge(self.judge).items()}
        self.rechecks = {r.entrant for r in store.recheck.pending_for(self.judge)}
        self.show_lock(store.results.locked())

    def show_lock(self, locked: bool) -> None:
        """Finalised results: the banner shows and nothing on the sheet can be changed."""
        if locked == self.locked and self.query_one("#locked-banner").display == locked:
            return
        self.locked = locked
        self.query_one("#locked-banner").display = locked
        self.form.set_disabled(locked)
        for button in self.query("#actions Button").results(Button):
            button.disabled = locked
        if locked and self.entrant is not None:
            self.keep_draft()  # kept for an unlock; the read-only sheet shows what is stored
            self.form.set_values(self.baseline(self.entrant))
            self.show_total()
        self.say("")

    def _stage_now(self) -> str | None:
        return self.app.store.stage.current()

    def stage_moved(self, stage: str | None) -> None:
        if stage is None or stage == self.entrant:
            self.waiting_stage = None
            return
        if self.mid_edit():
            self.waiting_stage = stage
        else:
            self.open_sheet(stage)

    def mid_edit(self) -> bool:
        """Typed values differ from the stored sheet, or a dialog of this screen is open."""
        if self.app.screen is not self or self.saving:
            return True
        return self.entrant is not None and self.form.typed() != self.baseline(self.entrant)

    # -- the sheet in the form --------------------------------------------------------------

    @property
    def form(self) -> SheetForm:
        return self.query_one(SheetForm)

    def baseline(self, entrant: str) -> dict[str, str]:
        record = self.stored.get(entrant)
        criteria = self.app.config.criteria
        if record is None or record.recused:
            values = {c.id: "" for c in criteria}
        else:
            values = {c.id: self.app.t.score(record.scores[c.id]) for c in criteria}
        values[NOTE] = self.notes.get(entrant, "")
        return values

    def open_sheet(self, entrant: str) -> None:
        self.keep_draft()
        if entrant != self.entrant and not self.saving:
            self.say("")  # "saved E03" must not stand under another entrant's sheet
        self.entrant = entrant
        if self.waiting_stage == entrant:
            self.waiting_stage = None
        self.form.set_values(self.drafts.get(entrant) or self.baseline(entrant))
        self.show_list()
        self.query_one(EntrantList).point_at(entrant)
        self.show_header()
        self.show_total()
        if not isinstance(self.focused, EntrantList) and not self.locked:
            self.form.activate(self.app.config.criteria[0].id)  # the first key replaces the value

    def keep_draft(self) -> None:
        if self.entrant is None:
            return
        values = self.form.typed()
        if values != self.baseline(self.entrant):
            self.drafts[self.entrant] = values
        else:
            self.drafts.pop(self.entrant, None)

    # -- showing ----------------------------------------------------------------------------

    def show_header(self) -> None:
        if self.entrant is not None:
            self.query_one(EntrantHeader).show(
                HeaderState(
                    self.entrant,
                    self.on_stage,
                    self.waiting_stage,
                    frozenset(self.rechecks),
                    self.stored.get(self.entrant),
                )
            )

    def show_total(self) -> None:
        total, left = self.form.total()
        t = self.app.t
        text = (
            t("judge.total", total=t.number(total))
            if not left
            else t("judge.total_partial", total=t.number(total), left=left)
        )
        self.query_one("#total", Static).update(text)

    def show_list(self) -> None:
        self.keep_draft()
        lines = []
        for entrant in self.app.config.entrants:
            record = self.stored.get(entrant.id)
            status, total = "not_scored", ""
            if record is not None and record.recused:
                status = "recused"
            elif record is not None:
                status = "scored"
                total = self.app.t.number(judge_total(record.as_sheet().scores, self.app.config.criteria))
            lines.append(
                EntrantLine(
                    entrant.id,
                    entrant.business,
                    status,
                    total,
                    entrant.id == self.on_stage,
                    entrant.id in self.drafts,
                    entrant.id in self.rechecks,
                )
            )
        self.query_one(EntrantList).show(lines)

    def say(self, text: str, kind: str = "") -> None:
        label = self.query_one("#save-state", Static)
        label.update(text)
        label.set_classes(kind)

    # -- typing -----------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id and (event.input.id.startswith("score-") or event.input.id == "note-input"):
            if event.input.id == "note-input":
                self.form.check_note()
            else:
                self.form.check(event.input.id.removeprefix("score-"))
                self.show_total()
            if self.entrant and (self.entrant in self.drafts) != self.mid_edit():
                self.show_list()
            if self.mid_edit():
                self.say(self.app.t("judge.unsaved"), "unsaved")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "note-input":
            event.stop()
            self.action_submit()

    def on_sheet_form_submitted(self, event: SheetForm.Submitted) -> None:
        event.stop()
        self.submit_now()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.open_sheet(event.option.id)
            self.form.activate(self.app.config.criteria[0].id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_submit()
        elif event.button.id == "recuse":
            self.action_recuse()

    # -- actions ----------------------------------------------------------------------------

    def action_submit(self) -> None:
        """Ctrl+S is a priority key, run when it arrives: keys typed before it in the same
        burst may still wait in the form's queue, so the save is queued behind them."""
        self.form.call_later(self.submit_now)

    def submit_now(self) -> None:
        if self.saving or self.entrant is None or self.app.screen is not self:
            return
        if self.locked:
            self.say(self.app.t("judge.locked_banner"), "error")
            return
        note, note_problem = self.form.note()
        if note_problem is not None:
            self.form.check_note()
            self.form.note_input.focus()
            self.say(self.app.t("judge.fix_first"), "error")
            return
        record = self.stored.get(self.entrant)
        if self.form.scores_empty() and (record is None or record.recused):
            # a note before (or without) scores: keep it, the sheet stays as it is
            self.begin_save()
            self.save_note(self.entrant, note)
            return
        scores, problems = self.form.parsed()
        if problems:
            self.form.show_problems(problems)
            self.form.focus_first_problem(problems)
            self.say(self.app.t("judge.fix_first"), "error")
            return
        self.begin_save()
        self.save(self.entrant, scores, None, note)

    def action_recuse(self) -> None:
        if self.saving or self.entrant is None:
            return
        if self.locked:
            self.say(self.app.t("judge.locked_banner"), "error")
            return
        entrant, t = self.entrant, self.app.t

        def recuse(values: Values | None) -> None:
            if values:
                self.begin_save()
                self.save(entrant, None, values["reason"].strip())

        dialog = FormDialog(
            t("judge.recuse_title", entrant=entrant),
            t("judge.recuse_prompt"),
            [Field("reason", "", required=t("judge.recuse_needs_reason"))],
            ok=t("judge.button_recuse"),
        )
        self.app.push_screen(dialog, recuse)

    def action_to_stage(self) -> None:
        target = self.waiting_stage or self.on_stage
        if target:
            self.waiting_stage = None
            self.open_sheet(target)

    def action_focus_list(self) -> None:
        self.query_one(EntrantList).focus()

    def action_next_open(self) -> None:
        entrant = self._next_open(self.entrant)
        if entrant:
            self.open_sheet(entrant)

    def action_revert(self) -> None:
        if self.entrant is None:
            return
        self.drafts.pop(self.entrant, None)
        self.form.set_values(self.baseline(self.entrant))
        self.show_total()
        self.show_list()
        self.say("")

    def _next_open(self, after: str | None) -> str | None:
        """The next entrant (in running order, wrapping) this judge has not settled yet."""
        order = [e.id for e in self.app.config.entrants]
        start = order.index(after) + 1 if after in order else 0
        for entrant in order[start:] + order[:start]:
            if entrant not in self.stored and entrant != after:
                return entrant
        return None

    # -- saving -----------------------------------------------------------------------------

    def begin_save(self) -> None:
        self.saving = True
        self.say(self.app.t("judge.saving"), "saving")

    def save(
        self,
        entrant: str,
        scores: Mapping[str, Decimal] | None,
        reason: str | None,
        note: str | None = None,
    ) -> None:
        """The write runs in the base's worker: a busy database never freezes the screen. The
        note (None: untouched) is saved with the sheet, in the same transaction."""
        store, grant, judge, actor = self.app.store, self.grant, self.judge, self._actor()

        def store_sheet() -> SheetRecord | None:
            if not store.access.still_valid(grant):
                return None
            if scores is not None:
                return store.scores.submit(judge, entrant, scores, actor=actor, note=note)
            return store.scores.recuse(judge, entrant, reason or "", actor=actor)

        def stored(record: SheetRecord | None) -> None:
            if record is None:
                self.saving = False
                self.post_message(SignedOut(self.app.t("judge.code_revoked")))
            else:
                self.saved(entrant, record, note)

        self.write(store_sheet, stored, failed=self.save_failed)

    def save_note(self, entrant: str, note: str) -> None:
        """A note without scores (yet): the sheet, if any, stays as it is."""
        store, grant, judge, actor = self.app.store, self.grant, self.judge, self._actor()

        def store_note() -> tuple[bool, Note | None]:
            if not store.access.still_valid(grant):
                return False, None
            return True, store.notes.write(judge, entrant, note, actor=actor)

        def stored(result: tuple[bool, Note | None]) -> None:
            valid, saved = result
            if not valid:
                self.saving = False
                self.post_message(SignedOut(self.app.t("judge.code_revoked")))
            else:
                self.note_saved(entrant, saved)

        self.write(store_note, stored, failed=self.save_failed)

    def note_saved(self, entrant: str, stored: Note | None) -> None:
        self.saving = False
        t = self.app.t
        if stored is None:
            self.notes.pop(entrant, None)
            self.say(t("judge.note_removed", entrant=entrant), "saved")
        else:
            self.notes[entrant] = stored.text
            self.say(t("judge.note_saved", entrant=entrant, time=clock(stored.saved_at)), "saved")
        self.drafts.pop(entrant, None)
        if entrant == self.entrant:
            self.form.set_values(self.baseline(entrant))
        self.show_list()

    def _actor(self) -> str:
        return f"judge:{self.judge}"

    def saved(self, entrant: str, record: SheetRecord, note: str | None = None) -> None:
        self.saving = False
        self.stored[entrant] = record
        if note is not None:
            if note:
                self.notes[entrant] = note
            else:
                self.notes.pop(entrant, None)
        self.rechecks.discard(entrant)
        self.drafts.pop(entrant, None)
        t = self.app.t
        if record.recused:
            self.say(t("judge.saved_recusal", entrant=entrant, time=clock(record.saved_at)), "saved")
        else:
            total = judge_total(record.as_sheet().scores, self.app.config.criteria)
            self.say(
                t("judge.saved", entrant=entrant, time=clock(record.saved_at), total=t.number(total)), "saved"
            )
        if entrant == self.entrant:
            self.form.set_values(self.baseline(entrant))
            self.show_total()
        if self.waiting_stage and not self.mid_edit():
            self.open_sheet(self.waiting_stage)
        self.show_list()
        self.show_header()

    def save_failed(self, message: str) -> None:
        self.saving = False
        self.say(self.app.t("judge.not_saved", detail=message), "error")
