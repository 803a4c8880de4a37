"""Paper score sheets typed into a spreadsheet: ``judge,entrant,<criterion id>...[,recused]``.

Every row is checked as strictly as the judge console checks a keystroke, and every problem in
the file is reported at once with its line, so staff fix the file in one go.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ikm_tui.domain.config import Config
from ikm_tui.domain.csv_source import read_csv, require_columns
from ikm_tui.domain.errors import InputError, InputErrors
from ikm_tui.domain.score_entry import ScoreProblem, SheetEntry, parse_score

RECUSED_YES = {"yes", "ya", "y"}
MAX_REPORTED = 50


def read_score_csv(path: Path, config: Config) -> list[SheetEntry]:
    table = read_csv(path)
    criteria = [c.id for c in config.criteria]
    require_columns(table, ["judge", "entrant", *criteria])
    allowed = {"judge", "entrant", "recused", *criteria}
    extra = [c for c in table.header if c not in allowed]
    if extra:
        raise InputError(f"{path}:1", "csv.unknown_columns", columns=", ".join(extra),
                         expected=", ".join(["judge", "entrant", *criteria, "recused"]))
    if not table.rows:
        raise InputError(str(path), "csv.no_rows")

    entries: list[SheetEntry] = []
    errors: list[InputError] = []
    seen: dict[tuple[str, str], int] = {}
    parse = _ScoreCache(config, table.decimal_comma)
    for line, cells in table.rows:
        place = f"{path}:{line}"
        try:
            entry = _row(cells, config, criteria, parse, place)
        except InputError as exc:
            errors.append(exc)
            continue
        key = (entry.judge, entry.entrant)
        if key in seen:
            errors.append(InputError(place, "csv.duplicate_pair", judge=entry.judge,
                                     entrant=entry.entrant, line=seen[key]))
        seen.setdefault(key, line)
        entries.append(entry)
    if errors:
        raise InputErrors(errors[:MAX_REPORTED])
    return entries


class _ScoreCache:
    """A sheet file repeats the same few values thousands of times: check each text once."""

    def __init__(self, config: Config, decimal_comma: bool) -> None:
        self.config = config
        self.decimal_comma = decimal_comma
        self.seen: dict[tuple[str, str], Decimal | ScoreProblem] = {}

    def __call__(self, criterion_id: str, text: str) -> Decimal:
        key = (criterion_id, text)
        result = self.seen.get(key)
        if result is None:
            try:
                result = parse_score(text, self.config.criterion(criterion_id),
                                     decimal_comma=self.decimal_comma)
            except ScoreProblem as problem:
                result = problem
            self.seen[key] = result
        if isinstance(result, ScoreProblem):
            raise result
        return result


def _row(cells: dict[str, str], config: Config, criteria: list[str], parse: _ScoreCache,
         place: str) -> SheetEntry:
    judge, entrant = cells["judge"], cells["entrant"]
    if not config.has("judge", judge):
        raise InputError(place, "score.unknown_judge", judge=judge)
    if not config.has("entrant", entrant):
        raise InputError(place, "score.unknown_entrant", entrant=entrant)
    recused_cell = cells.get("recused", "").strip().lower()
    if recused_cell and recused_cell not in RECUSED_YES:
        raise InputError(place, "csv.bad_recused", got=cells["recused"])
    if recused_cell:
        if any(cells[c] for c in criteria):
            raise InputError(place, "csv.recused_with_scores")
        return SheetEntry(judge, entrant, None, "CSV")
    scores = {}
    for criterion_id in criteria:
        try:
            scores[criterion_id] = parse(criterion_id, cells[criterion_id])
        except ScoreProblem as problem:
            raise InputError(place, problem.code, **problem.params) from None
    return SheetEntry(judge, entrant, scores)
