"""Paper score sheets typed into a spreadsheet: ``judge,entrant,<criterion id>...[,recused][,note]``.

The optional ``note`` column carries the judge's note for the start-up: when the column is
there, its cell replaces the stored note (empty removes it). A row with a note and no scores at
all keeps the note and leaves the judge's sheet alone (a paper form half filled in).

Every row is checked as strictly as the judge console checks a keystroke, and every problem in
the file is reported at once with its line, so staff fix the file in one go.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ikm_tui.domain.config import Config, Criterion
from ikm_tui.domain.csv_source import read_csv, require_columns
from ikm_tui.domain.errors import InputError, InputErrors
from ikm_tui.domain.notes import clean_note
from ikm_tui.domain.score_entry import ScoreProblem, SheetEntry, parse_score

RECUSED_YES = {"yes", "ya", "y"}
MAX_REPORTED = 50


def columns(config: Config) -> list[str]:
    """Every column the import reads, in the order the paper form prints them."""
    return ["judge", "entrant", *(c.id for c in config.criteria), "recused", "note"]


def read_score_csv(path: Path, config: Config, *, skip_blank: bool = False) -> list[SheetEntry]:
    """The file's sheets, or every problem in it at once. With ``skip_blank`` a row that names
    a judge and an entrant and nothing else (an untouched line of ``ikm-tui forms --csv``) is
    left out rather than refused."""
    table = read_csv(path)
    criteria = [c.id for c in config.criteria]
    require_columns(table, ["judge", "entrant", *criteria])
    allowed = {"judge", "entrant", "recused", "note", *criteria}
    extra = [c for c in table.header if c not in allowed]
    if extra:
        raise InputError(
            f"{path}:1",
            "csv.unknown_columns",
            columns=", ".join(extra),
            expected=", ".join(["judge", "entrant", *criteria, "recused", "note"]),
        )
    if not table.rows:
        raise InputError(str(path), "csv.no_rows")

    entries: list[SheetEntry] = []
    errors: list[InputError] = []
    seen: dict[tuple[str, str], int] = {}
    reader = _SheetReader(config, table.index(), criteria, table.decimal_comma)
    for line, cells in table.rows:
        if skip_blank and reader.blank(cells):
            continue
        try:
            entry = reader.row(cells)
        except ScoreProblem as problem:
            errors.append(InputError(f"{path}:{line}", problem.code, **problem.params))
            continue
        key = (entry.judge, entry.entrant)
        if key in seen:
            errors.append(
                InputError(
                    f"{path}:{line}",
                    "csv.duplicate_pair",
                    judge=entry.judge,
                    entrant=entry.entrant,
                    line=seen[key],
                )
            )
        seen.setdefault(key, line)
        entries.append(entry)
    if errors:
        raise InputErrors(errors[:MAX_REPORTED])
    return entries


class _SheetReader:
    """Turns one row's cells into a sheet. A file repeats the same few values thousands of
    times, so each distinct text is checked once per criterion and remembered."""

    def __init__(
        self, config: Config, column: dict[str, int], criteria: list[str], decimal_comma: bool
    ) -> None:
        self.config = config
        self.judge, self.entrant = column["judge"], column["entrant"]
        self.recused = column.get("recused")
        self.note = column.get("note")
        self.criteria = [_Column(c, column[c], config.criterion(c)) for c in criteria]
        self.decimal_comma = decimal_comma

    def blank(self, cells: list[str]) -> bool:
        """Only the judge and the entrant filled in (cells are stripped already)."""
        return len("".join(cells)) == len(cells[self.judge]) + len(cells[self.entrant])

    def row(self, cells: list[str]) -> SheetEntry:
        judge, entrant = cells[self.judge], cells[self.entrant]
        if not self.config.has("judge", judge):
            raise ScoreProblem("score.unknown_judge", judge=judge)
        if not self.config.has("entrant", entrant):
            raise ScoreProblem("score.unknown_entrant", entrant=entrant)
        note = clean_note(cells[self.note]) if self.note is not None else None
        recused = cells[self.recused].lower() if self.recused is not None else ""
        if recused and recused not in RECUSED_YES:
            raise ScoreProblem("csv.bad_recused", got=recused)
        if recused:
            if any(cells[c.index] for c in self.criteria):
                raise ScoreProblem("csv.recused_with_scores")
            return SheetEntry(judge, entrant, None, "CSV", note=note)
        if note and not any(cells[c.index].strip() for c in self.criteria):
            return SheetEntry(judge, entrant, None, note=note, note_only=True)
        scores = {}
        for column in self.criteria:
            text = cells[column.index]
            value = column.accepted.get(text)
            scores[column.id] = value if value is not None else column.value(text, self.decimal_comma)
        return SheetEntry(judge, entrant, scores, note=note)


class _Column:
    """One criterion's column, with every text already seen in it: its value, or its problem."""

    def __init__(self, criterion_id: str, index: int, criterion: Criterion) -> None:
        self.id, self.index, self.criterion = criterion_id, index, criterion
        self.accepted: dict[str, Decimal] = {}
        self.refused: dict[str, ScoreProblem] = {}

    def value(self, text: str, decimal_comma: bool) -> Decimal:
        """The value of a text not accepted yet; raises its problem (again) if it is refused."""
        problem = self.refused.get(text)
        if problem is None:
            try:
                value = self.accepted[text] = parse_score(text, self.criterion, decimal_comma=decimal_comma)
                return value
            except ScoreProblem as exc:
                problem = self.refused[text] = exc
        raise problem
