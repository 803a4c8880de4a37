"""Judges' access codes, stored only as salted scrypt hashes."""

from __future__ import annotations

SCHEMA = """
CREATE TABLE judge_access (
    judge TEXT PRIMARY KEY,
    salt BLOB NOT NULL,
    code_hash BLOB NOT NULL,
    issued_at TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    last_failure_at TEXT
) STRICT;
"""
