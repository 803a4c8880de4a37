"""Judges' access codes, stored only as salted scrypt hashes, with a brake on guessing.

The moderator issues a code per judge (shown once, never stored or audited in clear);
re-issuing replaces the hash, so the old code stops working at once — a judge console that
logged in with it notices through :meth:`AccessCodes.still_valid`. Wrong tries are counted per
target in the database, so the wait after repeated failures holds across processes and
restarts. A terminal console's target is the judge (or ``*`` when the code alone is typed); a
browser's is the judge *and* its client address (``J1@10.0.0.7``), so wrong codes typed on one
phone never delay a judge on another. The moderator can clear a brake (:meth:`clear_brakes`).

The slow hash is computed outside any write transaction: other judges' saves never wait for it.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ikm_tui.domain import access_code
from ikm_tui.domain.access_code import HashedCode
from ikm_tui.domain.errors import InputError
from ikm_tui.store import audit

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable

    from ikm_tui.domain.config import Config
    from ikm_tui.store.database import Database


ANY_JUDGE = "*"
SESSION_KEY_LABEL = b"ikm-tui web sign-in\0"


def target_for(judge: str | None, address: str | None) -> str:
    """The brake a try counts against: the judge (or any judge), and the client address if any."""
    who = judge or ANY_JUDGE
    return f"{who}@{address}" if address else who


@dataclass(frozen=True)
class Brake:
    """Wrong codes counted against one target, and until when (wall clock) it must wait."""

    target: str
    failures: int
    wait_until: float


@dataclass(frozen=True)
class Grant:
    """Acting as ``judge`` on the strength of one issued code. ``code_salt`` is that code's
    salt (hex): re-issuing the code changes it and so voids the grant. None: codes are off."""

    judge: str
    code_salt: str | None


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
    def __init__(self, db: Database, config: Config, *, clock: Callable[[], float] = time.time) -> None:
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

    def verify(self, typed: str, judge: str | None = None, *, address: str | None = None) -> Attempt:
        """Check a typed code (for ``judge``, or against every judge); counts wrong tries
        against that judge (and ``address``, the client's, when it comes from a browser)."""
        if judge is not None and not self.config.has("judge", judge):
            return Attempt("unknown_judge")
        target = target_for(judge, address)
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

    def session_key(self, judge: str) -> bytes | None:
        """A secret that lives exactly as long as ``judge``'s current code (None: no code).

        Browser sign-ins are signed with it, so re-issuing or revoking the code ends them all,
        and they survive a server restart without a table of their own.
        """
        row = self.db.one("SELECT code_hash FROM judge_access WHERE judge = ?", (judge,))
        return None if row is None else hashlib.sha256(SESSION_KEY_LABEL + row["code_hash"]).digest()

    def brakes(self) -> list[Brake]:
        """Every target with wrong codes counted, most recent wait first."""
        rows = self.db.query(
            "SELECT target, failures, wait_until FROM access_throttle ORDER BY wait_until DESC, target"
        )
        return [Brake(r["target"], r["failures"], r["wait_until"]) for r in rows]

    def clear_brakes(self, which: str | None, *, actor: str) -> int:
        """Forget wrong codes: of a judge (every address), of an address (every judge), of one
        exact target, or all of them (``which=None``). Returns how many brakes were cleared."""
        with self.db.write() as conn:
            if which is None:
                gone = conn.execute("DELETE FROM access_throttle").rowcount
            else:
                gone = conn.execute(
                    "DELETE FROM access_throttle WHERE target = ? OR target LIKE ? ESCAPE '\\'"
                    " OR target LIKE ? ESCAPE '\\'",
                    (which, _like(which) + "@%", "%@" + _like(which)),
                ).rowcount
            if gone:
                audit.append(conn, actor, "access.clear_brakes", which or "*", {"cleared": gone})
        return gone

    def still_valid(self, grant: Grant) -> bool:
        """False once the code this grant came from was re-issued or revoked."""
        if grant.code_salt is None:
            return True
        row = self.db.one("SELECT salt FROM judge_access WHERE judge = ?", (grant.judge,))
        return row is not None and row["salt"].hex() == grant.code_salt

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
                {"by": "code_only" if target.startswith(ANY_JUDGE) else "code"},
            )
        return Attempt("granted", Grant(judge, salt.hex()))

    def _refuse(self, target: str) -> Attempt:
        with self.db.write() as conn:
            return self._count_failure(conn, target)

    def _count_failure(self, conn: sqlite3.Connection, target: str) -> Attempt:
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


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
