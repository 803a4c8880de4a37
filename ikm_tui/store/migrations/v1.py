"""Schema version 1, frozen as the first release wrote it: never edit this text.

A later change to any table is a new version module (``v3.py`` ...) on top; this DDL stays
exactly what made every version-1 file in the field, so migrating one is tested against a real
version-1 file (``tests/fixtures/v1-session.db``).
"""

from __future__ import annotations

VERSION = 1

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;


CREATE TABLE score_sheet (
    judge TEXT NOT NULL,
    entrant TEXT NOT NULL,
    recused INTEGER NOT NULL DEFAULT 0 CHECK (recused IN (0, 1)),
    recusal_reason TEXT NOT NULL DEFAULT '',
    revision INTEGER NOT NULL DEFAULT 1,
    source TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (judge, entrant)
) STRICT;
CREATE TABLE score (
    judge TEXT NOT NULL,
    entrant TEXT NOT NULL,
    criterion TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (judge, entrant, criterion),
    FOREIGN KEY (judge, entrant) REFERENCES score_sheet (judge, entrant) ON DELETE CASCADE
) STRICT;


CREATE TABLE queue_entry (
    entrant TEXT PRIMARY KEY,
    day INTEGER NOT NULL,
    position INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'waiting',
    no_show_count INTEGER NOT NULL DEFAULT 0,
    overtime_ms INTEGER NOT NULL DEFAULT 0,
    called_at REAL
) STRICT;


CREATE TABLE decision (
    id INTEGER PRIMARY KEY,
    entrants TEXT NOT NULL,
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    withdrawn_at TEXT
) STRICT;
CREATE TABLE finalisation (
    id INTEGER PRIMARY KEY,
    finalised_at TEXT NOT NULL,
    finalised_by TEXT NOT NULL,
    digest TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    override_reason TEXT,
    unlocked_at TEXT,
    unlocked_by TEXT,
    unlock_reason TEXT
) STRICT;
-- the results screen re-reads one entrant's sheets after each new score (score_sheet's key
-- starts with the judge, so without this that is a scan of every sheet)
CREATE INDEX score_sheet_by_entrant ON score_sheet (entrant);
CREATE TABLE reveal (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    step INTEGER NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;


CREATE TABLE judge_access (
    judge TEXT PRIMARY KEY,
    salt BLOB NOT NULL,
    code_hash BLOB NOT NULL,
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL
) STRICT;
CREATE TABLE access_throttle (
    target TEXT PRIMARY KEY,
    failures INTEGER NOT NULL DEFAULT 0,
    wait_until REAL NOT NULL DEFAULT 0
) STRICT;


CREATE TABLE recheck_request (
    judge TEXT NOT NULL,
    entrant TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    PRIMARY KEY (judge, entrant)
) STRICT;


CREATE TABLE stage (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    day INTEGER NOT NULL,
    entrant TEXT,
    phase TEXT NOT NULL DEFAULT 'ready',
    started_at REAL,
    paused_at REAL,
    paused_s REAL NOT NULL DEFAULT 0,
    banked_overtime_s REAL NOT NULL DEFAULT 0,
    calm INTEGER NOT NULL DEFAULT 0 CHECK (calm IN (0, 1))
) STRICT;
INSERT INTO stage (id, day) VALUES (1, 1);
CREATE TABLE stage_undo (
    seq INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    queue TEXT NOT NULL,
    stage TEXT NOT NULL,
    done_at TEXT NOT NULL,
    undone_at TEXT
) STRICT;
"""
