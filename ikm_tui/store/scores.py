"""Judges' score sheets: one per judge and entrant, scores kept as exact decimal text.

A write replaces the judge's whole sheet for that entrant in one transaction, together with its
audit row (old and new values), so a correction is never half applied and never silent.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from ikm_tui.domain.config import Config
from ikm_tui.domain.errors import InputError
from ikm_tui.domain.numbers import decimal_text
from ikm_tui.domain.score_entry import SheetEntry, check_sheet
from ikm_tui.domain.scoring import Panel, Sheet, SheetPoints
from ikm_tui.domain.units import ScoreUnits
from ikm_tui.store import audit, recheck
from ikm_tui.store.notes import NoteEntry, checked, write_notes
from ikm_tui.store.locked import is_locked

if TYPE_CHECKING:
    from typing import Any

    from ikm_tui.domain.config import Config
    from ikm_tui.store.database import Database, Params


@dataclass(frozen=True)
class SheetRecord:
    judge: str
    entrant: str
    scores: dict[str, Decimal]
    recused: bool
    reason: str
    revision: int
    saved_at: str
    source: str

    def as_sheet(self) -> Sheet:
        return Sheet(self.judge, self.entrant, {k: Fraction(v) for k, v in self.scores.items()}, self.recused)


@dataclass(frozen=True)
class ImportSummary:
    new: int
    replaced: int


class ScoreSheets:
    def __init__(self, db: Database, config: Config) -> None:
        self.db = db
        self.config = config

    def submit(
        self,
        judge: str,
        entrant: str,
        scores: Mapping[str, Decimal],
        *,
        actor: str | None = None,
        source: str = "console",
        note: str | None = None,
    ) -> SheetRecord:
        """Save a complete sheet durably — with the judge's note, when given, in the same
        transaction (``""`` removes it); returns what is now stored."""
        check_sheet(self.config, judge, entrant, scores)
        entry = SheetEntry(judge, entrant, scores, note=_checked_note(self.config, judge, entrant, note))
        with self.db.write() as conn:
            self._guard(conn)
            _write_many(conn, [entry], actor or f"judge:{judge}", source)
        return self._stored(judge, entrant)

    def recuse(
        self, judge: str, entrant: str, reason: str, *, actor: str | None = None, source: str = "console"
    ) -> SheetRecord:
        check_sheet(self.config, judge, entrant, {c.id: c.min for c in self.config.criteria})
        with self.db.write() as conn:
            self._guard(conn)
            _write_many(conn, [SheetEntry(judge, entrant, None, reason)], actor or f"judge:{judge}", source)
        return self._stored(judge, entrant)

    def _stored(self, judge: str, entrant: str) -> SheetRecord:
        record = self.sheet(judge, entrant)
        assert record is not None, (judge, entrant)  # just committed
        return record

    def import_sheets(
        self, entries: Iterable[SheetEntry], *, actor: str, source: str = "import"
    ) -> ImportSummary:
        """All rows in one transaction: every sheet (and note) lands, or none does. A row that
        carries only a note writes the note and leaves that judge's sheet as it is."""
        entries = [
            e if e.note is None else replace(e, note=_checked_note(self.config, e.judge, e.entrant, e.note))
            for e in entries
        ]
        sheets = [e for e in entries if not e.note_only]
        _check_all(self.config, sheets)
        # _write_many builds each score row beside its own sheet's row and upserts the sheets
        # first: no score can lack its sheet, so SQLite need not look each one up
        with self.db.write(references_built_in=True) as conn:
            if sheets:
                self._guard(conn)
            replaced = _write_many(conn, sheets, actor, source, batched=True)
            write_notes(conn, _notes_of([e for e in entries if e.note_only]), actor, source)
        return ImportSummary(len(sheets) - replaced, replaced)

    def sheet(self, judge: str, entrant: str) -> SheetRecord | None:
        records = self._records("WHERE s.judge = ? AND s.entrant = ?", (judge, entrant))
        return records[0] if records else None

    def for_judge(self, judge: str) -> dict[str, SheetRecord]:
        return {r.entrant: r for r in self._records("WHERE s.judge = ?", (judge,))}

    def for_entrant(self, entrant: str) -> dict[str, SheetRecord]:
        return {r.judge: r for r in self._records("WHERE s.entrant = ?", (entrant,))}

    def all(self) -> list[SheetRecord]:
        return self._records("", ())

    def sheets(self) -> list[Sheet]:
        """Every sheet with its scores as Fractions (exports, boundary analysis)."""
        return [r.as_sheet() for r in self.all()]

    def points(self, units: ScoreUnits, *, per_sheet: bool = False) -> list[SheetPoints]:
        """Every sheet as the ranking reads it — weighted points and the ticks of the criteria
        the rule needs — summed by SQLite, so ranking 10,000 entrants x 25 judges is about one
        query. Under the mean rule one row per entrant carries the sums of its sheets (unless
        ``per_sheet``). The only place SQL sums points: ``tests/store/test_points_sql.py`` holds
        it to the domain's rule (:class:`~ikm_tui.domain.units.ScoreUnits`).

        Exact: each stored value is a short decimal on its scale, so ``value x ticks`` read as
        a double is within far less than 0.5 of its integer and ``round`` recovers it.
        """
        summed = self.config.scoring.aggregate == "mean" and not per_sheet
        sql, params = self._points_sql(units, summed=summed)
        rows = self.db.query(sql, params)
        result = [SheetPoints(r[0], r[1], False, r[2], tuple(r[4:]), r[3]) for r in rows]
        result += [
            SheetPoints(r[0], r[1], True, 0, ())
            for r in self.db.query("SELECT judge, entrant FROM score_sheet WHERE recused = 1")
        ]
        return result

    def panels(self, units: ScoreUnits) -> dict[str, Panel]:
        """Every entrant's sheets as :class:`Panel` columns, by entrant: the points of each
        sheet (as :meth:`points` sums them, per sheet) gathered by SQLite into one row of JSON
        lists per entrant, so 10,000 entrants x 25 judges come to Python as 10,000 rows rather
        than 250,000. Entrants without any sheet are left out.
        """
        sql, params = self._points_sql(units, summed=False)
        needed = self._needed()
        lists = ", ".join(
            f"json_group_array(c{i})" if c.id in needed else "NULL"
            for i, c in enumerate(self.config.criteria)
        )
        rows = self.db.query(
            f"SELECT entrant, json_group_array(judge), json_group_array(p), {lists}"
            f" FROM ({sql}) GROUP BY entrant",
            params,
        )
        panels: dict[str, Panel] = {}
        for entrant, judges, points, *columns in rows:
            who = tuple(json.loads(judges))
            panels[entrant] = Panel(
                entrant,
                who,
                _whole_numbers(points, len(who)),
                tuple(None if c is None else _whole_numbers(c, len(who)) for c in columns),
            )
        recused = "SELECT entrant, COUNT(*) FROM score_sheet WHERE recused = 1 GROUP BY entrant"
        for entrant, count in self.db.query(recused):
            panels[entrant] = replace(panels.get(entrant, Panel(entrant)), recused=count)
        return panels

    def _needed(self) -> list[str]:
        """The criteria whose ticks the aggregate rule needs besides the points: the tie-breaks,
        or every one when trimming per criterion."""
        scoring = self.config.scoring
        every = scoring.aggregate == "trimmed_mean" and scoring.trim_scope == "criterion"
        return [c.id for c in self.config.criteria if every or c.id in scoring.tie_break]

    def _points_sql(self, units: ScoreUnits, *, summed: bool) -> tuple[str, tuple[Any, ...]]:
        """The one query that sums points (see :meth:`points`): judge, entrant, points (as
        ``p``), the sheet count, then each criterion's ticks where the rule needs them (as
        ``c0``, ``c1``...; else NULL). ``summed``: one row per entrant (the mean rule)."""
        criteria = [c.id for c in self.config.criteria]
        needed = self._needed()
        weight = "CASE criterion " + " ".join("WHEN ? THEN ?" for _ in criteria) + " END"
        columns = ", ".join(
            (f"SUM(CASE WHEN criterion = ? THEN t END) AS c{i}" if c in needed else f"NULL AS c{i}")
            for i, c in enumerate(criteria)
        )
        params: list[Any] = []  # in the order the placeholders appear below
        for c in criteria:
            params += [c, units.weights[c]]
        keys, count = ("NULL, entrant", "COUNT(*) / ?") if summed else ("judge, entrant", "1")
        if summed:
            params.append(len(criteria))
        params += needed
        params.append(units.ticks)
        sql = (
            f"SELECT {keys}, SUM(t * {weight}) AS p, {count}, {columns} FROM"
            " (SELECT judge, entrant, criterion, CAST(round(CAST(value AS REAL) * ?) AS INTEGER) AS t"
            f"  FROM score) GROUP BY {keys}"
        )
        return sql, tuple(params)

    def _records(self, where: str, params: Params) -> list[SheetRecord]:
        rows = self.db.query(
            "SELECT s.judge, s.entrant, s.recused, s.recusal_reason, s.revision, s.saved_at,"
            " s.source, c.criterion, c.value FROM score_sheet s"
            " LEFT JOIN score c ON c.judge = s.judge AND c.entrant = s.entrant "
            + where
            + " ORDER BY s.entrant, s.judge",
            params,
        )
        records: dict[tuple[str, str], dict[str, Any]] = {}
        for r in rows:
            key = (r["judge"], r["entrant"])
            if key not in records:
                records[key] = dict(
                    judge=r["judge"],
                    entrant=r["entrant"],
                    scores={},
                    recused=bool(r["recused"]),
                    reason=r["recusal_reason"],
                    revision=r["revision"],
                    saved_at=r["saved_at"],
                    source=r["source"],
                )
            if r["criterion"] is not None:
                records[key]["scores"][r["criterion"]] = Decimal(r["value"])
        return [SheetRecord(**values) for values in records.values()]

    def _guard(self, conn: sqlite3.Connection) -> None:
        if is_locked(conn):
            raise InputError(str(self.db.path), "results.locked")


PAIRS_PER_QUERY = 2000


def _checked_note(config: Config, judge: str, entrant: str, note: str | None) -> str | None:
    """The note as it will be stored (None: leave the stored note alone)."""
    if note is None:
        return None
    return checked(config, NoteEntry(judge, entrant, note)).text


def _notes_of(entries: list[SheetEntry]) -> list[NoteEntry]:
    """The (already checked) notes these entries carry."""
    return [NoteEntry(e.judge, e.entrant, e.note) for e in entries if e.note is not None]


def _check_all(config: Config, entries: list[SheetEntry]) -> None:
    """:func:`check_sheet` for every entry, with the common case decided by set lookups.

    The CSV reader has checked the file already; the store checks again whatever it is given,
    and at 250,000 sheets that second look must not cost a second. Anything unusual goes
    through :func:`check_sheet`, which names the problem.
    """
    criteria = [(c.id, c) for c in config.criteria]
    minimal = {c.id: c.min for c in config.criteria}
    judges, entrants = {j.id for j in config.judges}, {e.id for e in config.entrants}
    good: set[tuple[str, object]] = set()  # (criterion, value) already accepted
    for entry in entries:
        scores = entry.scores if entry.scores is not None else minimal
        fine = entry.judge in judges and entry.entrant in entrants and scores.keys() == minimal.keys()
        if fine:
            for cid, criterion in criteria:
                value = scores[cid]
                if (cid, value) not in good:
                    if not criterion.accepts(Decimal(value)):
                        fine = False
                        break
                    good.add((cid, value))
        if not fine:
            check_sheet(config, entry.judge, entry.entrant, scores)  # raises, naming the problem


IMPORT_AUDIT_CHARS = 15_000
"""About how much sheet detail one ``score.import`` audit row carries: well under the 32,767
characters a spreadsheet cell holds, so the XLSX Audit sheet shows every row whole."""


def _write_many(
    conn: sqlite3.Connection,
    entries: list[SheetEntry],
    actor: str,
    source: str,
    *,
    batched: bool = False,
) -> int:
    """Replace these sheets and audit them, in the caller's transaction; returns how many
    replaced an earlier sheet. Set-based, so a 250,000-sheet import is a few statements.

    A console save audits its one sheet (``score.submit`` / ``score.replace`` /
    ``score.recuse`` on ``judge/entrant``). An import (``batched``) audits its sheets together,
    a hundred or so to a ``score.import`` row, each with its full values and what it replaced:
    the same record, without hashing a quarter of a million rows.
    """
    pairs = [(e.judge, e.entrant) for e in entries]
    before = _existing(conn, pairs)
    saved_at = audit.now()
    sheet_rows, score_rows, audit_rows, items = [], [], [], []
    texts: dict[Decimal, str] = {}  # a file repeats the same few values: format each once
    for entry in entries:
        judge, entrant = key = (entry.judge, entry.entrant)
        recused = entry.scores is None
        new_scores: dict[str, str] = {}
        for criterion, value in (entry.scores or {}).items():
            text = texts.get(value)
            if text is None:
                text = texts[value] = decimal_text(Decimal(value))
            new_scores[criterion] = text
            score_rows.append((judge, entrant, criterion, text))
        sheet_rows.append((judge, entrant, int(recused), entry.reason if recused else "", source, saved_at))
        detail: dict[str, Any] = {"judge": judge, "entrant": entrant} if batched else {"source": source}
        if recused:
            action = "score.recuse"
            detail["reason"] = entry.reason
            if batched:
                detail["recused"] = True
        else:
            action = "score.replace" if key in before else "score.submit"
            detail["scores"] = new_scores
        if key in before:
            detail["before"] = before[key]
        if batched:
            items.append(detail)
        else:
            audit_rows.append((actor, action, f"{entry.judge}/{entry.entrant}", detail))
    if items:
        audit_rows = _import_rows(items, actor, source, len(entries[0].scores or {}) if entries else 0)
    conn.executemany(
        "INSERT INTO score_sheet (judge, entrant, recused, recusal_reason, revision, source,"
        " saved_at) VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT (judge, entrant) DO UPDATE SET"
        " recused = excluded.recused, recusal_reason = excluded.recusal_reason,"
        " revision = revision + 1, source = excluded.source, saved_at = excluded.saved_at",
        sheet_rows,
    )
    conn.executemany("DELETE FROM score WHERE judge = ? AND entrant = ?", list(before))
    conn.executemany("INSERT INTO score (judge, entrant, criterion, value) VALUES (?, ?, ?, ?)", score_rows)
    audit.append_many(conn, audit_rows)
    write_notes(conn, _notes_of(entries), actor, source)
    for judge, entrant in recheck.pending_among(conn, pairs):
        recheck.settle(conn, judge, entrant, actor)  # a re-check request is answered
    return len(before)


def _import_rows(
    items: list[dict[str, Any]], actor: str, source: str, criteria: int
) -> list[tuple[str, str, str, dict[str, Any]]]:
    """``score.import`` audit rows of about :data:`IMPORT_AUDIT_CHARS` each, in file order."""
    per_row = max(1, IMPORT_AUDIT_CHARS // (60 + 36 * max(criteria, 1)))
    return [
        (actor, "score.import", source, {"source": source, "sheets": items[start : start + per_row]})
        for start in range(0, len(items), per_row)
    ]


def _existing(
    conn: sqlite3.Connection, pairs: list[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, Any]]:
    """The stored sheets among ``pairs``, as the audit's "before" (old values, revision)."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    if conn.execute("SELECT 1 FROM score_sheet LIMIT 1").fetchone() is None:
        return found  # the first import of an event: nothing to look up 250,000 times
    for start in range(0, len(pairs), PAIRS_PER_QUERY):
        chunk = pairs[start : start + PAIRS_PER_QUERY]
        values = ", ".join("(?, ?)" for _ in chunk)
        params = [v for pair in chunk for v in pair]
        for r in conn.execute(
            "SELECT judge, entrant, recused, recusal_reason, revision FROM score_sheet"
            f" WHERE (judge, entrant) IN (VALUES {values})",
            params,
        ):
            found[(r[0], r[1])] = {"recused": bool(r[2]), "reason": r[3], "scores": {}, "revision": r[4]}
        for r in conn.execute(
            f"SELECT judge, entrant, criterion, value FROM score WHERE (judge, entrant) IN (VALUES {values})",
            params,
        ):
            found[(r[0], r[1])]["scores"][r[2]] = r[3]
    return found


def _whole_numbers(array: str, count: int) -> tuple[int, ...]:
    """A ``json_group_array`` of integers, checked against the number of sheets it belongs to."""
    numbers = tuple(json.loads(array))
    if len(numbers) != count or None in numbers:
        raise ValueError(f"{count} sheets, but these values: {array!r}")
    return numbers
