"""One score sheet being typed: an input per criterion, its problem beside it, the live total.

The form only knows text and the config's criteria; whether the text is a valid score is the
domain's call (:func:`parse_score`), so the console and a paper import agree on every value.

The form itself holds the focus and owns the movement between its fields. Textual hands a key
to the widget focused when the key *arrives*, and Tab moves the focus only once processed: with
one focusable input per criterion, a burst such as ``8⇥7⇥9`` over SSH landed in one field.
Here every key of a burst reaches this one widget, in order, and it applies each to the field
that is active at that moment; the inputs only show the text (they never take the focus).
Editing is what a score needs: entering a field selects its text (the first key replaces it),
Backspace deletes the last character, Delete clears the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Label, Static

from ikm_tui.domain.config import Criterion
from ikm_tui.domain.notes import clean_note
from ikm_tui.domain.score_entry import ScoreProblem, parse_score
from ikm_tui.domain.scoring import judge_total


NOTE = "note"  # the key of the note in typed(); no criterion may be called this
NEXT_KEYS = ("tab", "down")
PREVIOUS_KEYS = ("shift+tab", "up")


class SheetForm(VerticalScroll, can_focus=True):
    """Inputs for every criterion and the note for the start-up; ``values()`` is what is typed
    as scores, ``typed()`` adds the note, ``parsed()`` is what the scores mean."""

    class Submitted(Message):
        """Enter in the form: save the sheet (posted in key order, after every earlier key)."""

    def __init__(self, criteria: tuple[Criterion, ...], t, **kwargs) -> None:
        super().__init__(**kwargs)
        self.criteria = criteria
        self.t = t
        self.active: str = criteria[0].id
        """The criterion that the next typed key goes to."""
        self.fresh = True
        """The active field was just entered: its text is selected and the next key replaces it."""

    def compose(self) -> ComposeResult:
        weights = sum(c.weight for c in self.criteria)
        for c in self.criteria:
            share = Fraction(c.weight) / Fraction(weights) * 100
            scale = self.t(
                "judge.scale",
                low=self._num(c.min),
                high=self._num(c.max),
                step=self._num(c.step),
                weight=f"{self.t.number(share, 0)}%",
            )
            with Vertical(classes="criterion"):
                yield Label(c.name, classes="criterion-name")
                with Horizontal(classes="criterion-entry"):
                    field = Input(
                        id=f"score-{c.id}",
                        compact=True,
                        placeholder=f"{self._num(c.min)}–{self._num(c.max)}",
                        classes="score-input",
                    )
                    field.can_focus = False  # the form holds the focus (see the module doc)
                    yield field
                    yield Static(scale, classes="criterion-scale")
                yield Static("", id=f"problem-{c.id}", classes="problem")
        with Vertical(classes="criterion", id="note-box"):
            yield Label(self.t("judge.note_label"), classes="criterion-name")
            yield Input(
                id="note-input",
                compact=True,
                placeholder=self.t("judge.note_placeholder"),
                classes="note-input",
            )
            yield Static("", id="problem-note", classes="problem")

    def on_mount(self) -> None:
        self._mark_active()

    def _num(self, value: Decimal) -> str:
        return self.t.score(value)

    # -- the active field and the keys ------------------------------------------------------

    def activate(self, criterion_id: str) -> None:
        """Make ``criterion_id`` the field typed into, its text selected; the form takes focus."""
        self.active = criterion_id
        self.fresh = True
        self._mark_active()
        self.input_for(criterion_id).scroll_visible(animate=False)
        self.focus(scroll_visible=False)

    def _mark_active(self) -> None:
        for c in self.criteria:
            field = self.input_for(c.id)
            field.set_class(c.id == self.active, "active")
            field.set_class(c.id == self.active and self.fresh, "selected")

    def _step(self, by: int) -> bool:
        """To the next (or previous) field; False at either end of the sheet."""
        ids = [c.id for c in self.criteria]
        index = ids.index(self.active) + by
        if not 0 <= index < len(ids):
            return False
        self.activate(ids[index])
        return True

    def _edit(self, change) -> None:
        field = self.input_for(self.active)
        field.value = change("" if self.fresh else field.value)
        self.fresh = False
        self._mark_active()

    def on_key(self, event: events.Key) -> None:
        if self.disabled:
            return
        key = event.key
        if key in NEXT_KEYS or key in PREVIOUS_KEYS:
            moved = self._step(1 if key in NEXT_KEYS else -1)
            if not moved and key.endswith("tab"):
                return  # past the last (or first) field: Tab leaves the form as usual
        elif key == "enter":
            self.post_message(self.Submitted())
        elif key == "backspace":
            self._edit(lambda text: text[:-1])
        elif key in ("delete", "ctrl+u"):
            self._edit(lambda text: "")
        elif event.is_printable and event.character and event.character != " ":
            character = event.character
            self._edit(lambda text: text + character)
        else:
            return
        event.stop()
        event.prevent_default()

    def on_click(self, event: events.Click) -> None:
        for c in self.criteria:
            if event.widget is self.input_for(c.id):
                self.activate(c.id)
                return

    def on_focus(self) -> None:
        self.set_class(True, "focused")

    def on_blur(self) -> None:
        self.set_class(False, "focused")

    # -- values -----------------------------------------------------------------------------

    def input_for(self, criterion_id: str) -> Input:
        return self.query_one(f"#score-{criterion_id}", Input)

    @property
    def note_input(self) -> Input:
        return self.query_one("#note-input", Input)

    def values(self) -> dict[str, str]:
        """The typed scores by criterion id."""
        return {c.id: self.input_for(c.id).value for c in self.criteria}

    def typed(self) -> dict[str, str]:
        """Everything typed: the scores and, under :data:`NOTE`, the note."""
        return self.values() | {NOTE: self.note_input.value}

    def set_values(self, values: Mapping[str, str]) -> None:
        for c in self.criteria:
            field = self.input_for(c.id)
            with field.prevent(Input.Changed):
                field.value = values.get(c.id, "")
            self._show(c.id, None)
        with self.note_input.prevent(Input.Changed):
            self.note_input.value = values.get(NOTE, "")
        self._show(NOTE, None)

    def scores_empty(self) -> bool:
        return not any(self.input_for(c.id).value.strip() for c in self.criteria)

    def note(self) -> tuple[str, ScoreProblem | None]:
        """The note as it will be stored, or the reason it cannot be."""
        try:
            return clean_note(self.note_input.value), None
        except ScoreProblem as problem:
            return self.note_input.value, problem

    def check_note(self) -> ScoreProblem | None:
        problem = self.note()[1]
        self._show(NOTE, problem)
        return problem

    def parsed(self) -> tuple[dict[str, Decimal], dict[str, ScoreProblem]]:
        """The valid scores, and the problem of every field that is not (empty included)."""
        scores, problems = {}, {}
        for c in self.criteria:
            try:
                scores[c.id] = parse_score(self.input_for(c.id).value, c)
            except ScoreProblem as problem:
                problems[c.id] = problem
        return scores, problems

    def total(self) -> tuple[Fraction, int]:
        """The weighted total of what is valid so far (missing count as 0), and how many miss."""
        scores, problems = self.parsed()
        filled = {c.id: Fraction(scores.get(c.id, 0)) for c in self.criteria}
        return judge_total(filled, self.criteria), len(problems)

    # -- messages ---------------------------------------------------------------------------

    def check(self, criterion_id: str) -> None:
        """Instant validation while typing: an empty field is not (yet) a mistake."""
        criterion = next(c for c in self.criteria if c.id == criterion_id)
        text = self.input_for(criterion_id).value
        problem = None
        if text.strip():
            try:
                parse_score(text, criterion)
            except ScoreProblem as exc:
                problem = exc
        self._show(criterion_id, problem)

    def show_problems(self, problems: Mapping[str, ScoreProblem]) -> None:
        for c in self.criteria:
            self._show(c.id, problems.get(c.id))

    def _show(self, criterion_id: str, problem: ScoreProblem | None) -> None:
        label = self.query_one(f"#problem-{criterion_id}", Static)
        label.update("" if problem is None else "✗ " + self.t(problem.code, **problem.params))
        label.display = problem is not None
        field = self.note_input if criterion_id == NOTE else self.input_for(criterion_id)
        field.set_class(problem is not None, "invalid")

    def focus_first_problem(self, problems: Mapping[str, ScoreProblem]) -> None:
        for c in self.criteria:
            if c.id in problems:
                self.activate(c.id)
                return

    def set_disabled(self, disabled: bool) -> None:
        self.disabled = disabled
        for c in self.criteria:
            self.input_for(c.id).disabled = disabled
        self.note_input.disabled = disabled
