"""Judges' access codes, stored only as salted scrypt hashes, with a brake on guessing.

The moderator issues a code per judge (shown once, never stored or audited in clear);
re-issuing replaces the hash, so the old code stops working at once — a judge console that
logged in with it notices through :meth:`AccessCodes.still_valid`. Wrong tries are counted per
target (a judge, or ``*`` when the code alone is typed) in the database, so the wait after
repeated failures holds across processes and restarts.

The slow hash is computed outside any write transaction: other judges' saves never wait for it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from ikm_tui.domain import access_code
from ikm_tui.domain.access_code import HashedCode
from ikm_tui.domain.errors import InputError
from ikm_tui.store import audit

SCHEMA = """
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
"""

ANY_JUDGE = "*"


@dataclass(frozen=True)
class Grant:
    """Acting as ``judge`` on the strength of one issued code (``code_id``; None: codes off)."""

    judge: str
    code_id: str | None


@dataclass(frozen=True)
class Attempt:
    """The outcome of one typed code: a grant, or why not and how long to wait before retrying.

    ``outcome`` is ``granted``, ``wrong``, ``wait`` (too soon after wrong codes), ``no_code``
    (nothing issued for that judge yet) or ``unknown_judge``.
    """

    outcome: str
    grant: Grant | None = None
    wait_s: float = 0.0


class AccessCodes:
    def __init__(self, db, config, *, clock=time.time) -> None:
        self.db = db
        self.config = config
        self.clock = clock  # wall clock: the brake must hold across processes

    # -- the moderator's side ---------------------------------------------------------------

    def issue(self, judge: str, *, actor: str) -> str:
        """A new code for ``judge``, returned once; any earlier code stops working."""
        self._known(judge)
        code = access_code.generate()
        hashed = access_code.hash_code(code)
        with self.db.write() as conn:
            replaced = (
                conn.execute("SELECT 1 FROM judge_access WHERE judge = ?", (judge,)).fetchone() is not None
            )
            conn.execute(
                "INSERT INTO judge_access (judge, salt, code_hash, issued_at, issued_by)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (judge) DO UPDATE SET salt = excluded.salt,"
                " code_hash = excluded.code_hash, issued_at = excluded.issued_at,"
                " issued_by = excluded.issued_by",
                (judge, hashed.salt, hashed.digest, audit.now(), actor),
            )
            conn.execute("DELETE FROM access_throttle WHERE target = ?", (judge,))
            audit.append(conn, actor, "access.reissue" if replaced else "access.issue", judge, {})
        return code

    def issue_all(self, *, actor: str, only_missing: bool = False) -> dict[str, str]:
        """Codes for every judge (or only those without one), in config order."""
        issued = self.issued()
        return {
            j.id: self.issue(j.id, actor=actor)
            for j in self.config.judges
            if not (only_missing and issued.get(j.id))
        }

    def revoke(self, judge: str, *, actor: str) -> bool:
        self._known(judge)
        with self.db.write() as conn:
            gone = conn.execute("DELETE FROM judge_access WHERE judge = ?", (judge,)).rowcount
            if gone:
                audit.append(conn, actor, "access.revoke", judge, {})
        return bool(gone)

    def issued(self) -> dict[str, str | None]:
        """When each judge's current code was issued (None: no code yet)."""
        rows = {
            r["judge"]: r["issued_at"] for r in self.db.query("SELECT judge, issued_at FROM judge_access")
        }
        return {j.id: rows.get(j.id) for j in self.config.judges}

    # -- the judge's side -------------------------------------------------------------------

    def verify(self, typed: str, judge: str | None = None) -> Attempt:
        """Check a typed code (for ``judge``, or against every judge); counts wrong tries."""
        if judge is not None and not self.config.has("judge", judge):
            return Attempt("unknown_judge")
        target = judge or ANY_JUDGE
        wait = self._wait(target)
        if wait > 0:
            return Attempt("wait", wait_s=wait)
        where, params = ("WHERE judge = ?", (judge,)) if judge else ("", ())
        candidates = self.db.query(
            f"SELECT judge, salt, code_hash FROM judge_access {where} ORDER BY judge", params
        )
        if not candidates:
            return Attempt("no_code")
        match = None
        if access_code.looks_like_code(typed):
            for row in candidates:  # every candidate is hashed: timing says nothing about which
                if access_code.matches(typed, HashedCode(row["salt"], row["code_hash"])):
                    match = match or row
        if match is not None:
            return self._grant(target, match["judge"], match["salt"])
        return self._refuse(target)

    def open(self, judge: str, *, actor: str) -> Grant:
        """Act as ``judge`` without a code: only when ``[judging] access_codes = false``."""
        self._known(judge)
        with self.db.write() as conn:
            audit.append(conn, actor, "access.open", judge, {"access_codes": False})
        return Grant(judge, None)

    def still_valid(self, grant: Grant) -> bool:
        """False once the code this grant came from was re-issued or revoked."""
        if grant.code_id is None:
            return True
        row = self.db.one("SELECT salt FROM judge_access WHERE judge = ?", (grant.judge,))
        return row is not None and row["salt"].hex() == grant.code_id

    # -- inside -------------------------------------------------------------------------------

    def _wait(self, target: str) -> float:
        row = self.db.one("SELECT wait_until FROM access_throttle WHERE target = ?", (target,))
        return max(0.0, row["wait_until"] - self.clock()) if row else 0.0

    def _grant(self, target: str, judge: str, salt: bytes) -> Attempt:
        with self.db.write() as conn:
            current = conn.execute("SELECT salt FROM judge_access WHERE judge = ?", (judge,)).fetchone()
            if current is None or current[0] != salt:  # re-issued while we were hashing
                return self._count_failure(conn, target)
            conn.execute("DELETE FROM access_throttle WHERE target IN (?, ?)", (target, judge))
            audit.append(
                conn,
                f"judge:{judge}",
                "access.granted",
                judge,
                {"by": "code" if target == judge else "code_only"},
            )
        return Attempt("granted", Grant(judge, salt.hex()))

    def _refuse(self, target: str) -> Attempt:
        with self.db.write() as conn:
            return self._count_failure(conn, target)

    def _count_failure(self, conn, target: str) -> Attempt:
        row = conn.execute("SELECT failures FROM access_throttle WHERE target = ?", (target,)).fetchone()
        failures = (row[0] if row else 0) + 1
        wait = access_code.wait_after(failures)
        conn.execute(
            "INSERT INTO access_throttle (target, failures, wait_until) VALUES (?, ?, ?)"
            " ON CONFLICT (target) DO UPDATE SET failures = excluded.failures,"
            " wait_until = excluded.wait_until",
            (target, failures, self.clock() + wait),
        )
        audit.append(conn, "access", "access.denied", target, {"failures": failures, "wait_s": wait})
        return Attempt("wrong", wait_s=wait)

    def _known(self, judge: str) -> None:
        if not self.config.has("judge", judge):
            raise InputError(
                "judge",
                "access.unknown_judge",
                judge=judge,
                known=", ".join(j.id for j in self.config.judges),
            )
