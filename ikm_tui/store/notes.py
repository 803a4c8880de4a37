"""Judges' notes for the start-ups: one per judge and entrant, kept apart from the score sheet.

A note can exist before (or without) scores — a judge jots down a thought while the owner is
still talking — so it is its own row, not a column of ``score_sheet``. Every write appends an
audit row carrying the full new text and the old one, so ``audit verify`` can replay it.
Notes never change a result, so they may still be written after the results are finalised.
The table is schema version 4 (``store/migrations/v4.py``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from ikm_tui.domain.config import Config
from ikm_tui.domain.notes import clean_note
from ikm_tui.domain.score_entry import ScoreProblem
from ikm_tui.store import audit
from ikm_tui.store.database import Database

ACTION = "note.write"


@dataclass(frozen=True)
class Note:
    judge: str
    entrant: str
    text: str
    revision: int
    saved_at: str
    source: str


@dataclass(frozen=True)
class NoteEntry:
    """A note to write; ``text == ""`` removes the judge's note for the entrant."""

    judge: str
    entrant: str
    text: str


class Notes:
    """The one place notes are read and written; the phone page and the console both call
    :meth:`write`, the import writes them inside the sheets' transaction (:func:`write_notes`)."""

    def __init__(self, db: Database, config: Config) -> None:
        self.db = db
        self.config = config

    def write(
        self, judge: str, entrant: str, text: str, *, actor: str | None = None, source: str = "console"
    ) -> Note | None:
        """Save (or, with empty text, remove) a judge's note durably; returns what is stored.

        Raises :class:`ScoreProblem` for an unknown judge/entrant or a note that cannot be
        printed (too long, control characters).
        """
        entry = checked(self.config, NoteEntry(judge, entrant, text))
        with self.db.write() as conn:
            write_notes(conn, [entry], actor or f"judge:{judge}", source)
        return self.note(judge, entrant)

    def note(self, judge: str, entrant: str) -> Note | None:
        found = self._notes("WHERE judge = ? AND entrant = ?", (judge, entrant))
        return found[0] if found else None

    def for_judge(self, judge: str) -> dict[str, Note]:
        return {n.entrant: n for n in self._notes("WHERE judge = ?", (judge,))}

    def for_entrant(self, entrant: str) -> list[Note]:
        return self._notes("WHERE entrant = ?", (entrant,))

    def all(self) -> list[Note]:
        return self._notes("", ())

    def counts(self) -> dict[str, int]:
        """How many judges left a note per entrant — what the moderator may see (never the text)."""
        return {r[0]: r[1] for r in self.db.query("SELECT entrant, count(*) FROM note GROUP BY entrant")}

    def _notes(self, where: str, params: tuple[str, ...]) -> list[Note]:
        rows = self.db.query(
            "SELECT judge, entrant, text, revision, saved_at, source FROM note "
            + where
            + " ORDER BY entrant, judge",
            params,
        )
        notes = [Note(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]
        order = {j.id: i for i, j in enumerate(self.config.judges)}
        return sorted(notes, key=lambda n: (n.entrant, order.get(n.judge, len(order))))


def checked(config: Config, entry: NoteEntry) -> NoteEntry:
    if not config.has("judge", entry.judge):
        raise ScoreProblem("score.unknown_judge", judge=entry.judge)
    if not config.has("entrant", entry.entrant):
        raise ScoreProblem("score.unknown_entrant", entrant=entry.entrant)
    return NoteEntry(entry.judge, entry.entrant, clean_note(entry.text))


def write_notes(conn: sqlite3.Connection, entries: Iterable[NoteEntry], actor: str, source: str) -> int:
    """Write checked notes in the caller's transaction, each audited with its full text;
    a note that is unchanged is not rewritten. Returns how many changed."""
    entries = list(entries)
    before = {
        (r[0], r[1]): r[2]
        for entry in entries
        for r in conn.execute(
            "SELECT judge, entrant, text FROM note WHERE judge = ? AND entrant = ?",
            (entry.judge, entry.entrant),
        )
    }
    saved_at = audit.now()
    audit_rows = []
    for entry in entries:
        old = before.get((entry.judge, entry.entrant))
        if (old or "") == entry.text:
            continue
        if entry.text:
            conn.execute(
                "INSERT INTO note (judge, entrant, text, revision, source, saved_at)"
                " VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (judge, entrant) DO UPDATE SET"
                " text = excluded.text, revision = revision + 1, source = excluded.source,"
                " saved_at = excluded.saved_at",
                (entry.judge, entry.entrant, entry.text, source, saved_at),
            )
        else:
            conn.execute("DELETE FROM note WHERE judge = ? AND entrant = ?", (entry.judge, entry.entrant))
        detail = {"source": source, "text": entry.text, "before": old}
        audit_rows.append((actor, ACTION, f"{entry.judge}/{entry.entrant}", detail))
    audit.append_many(conn, audit_rows)
    return len(audit_rows)
