"""Judges' access codes: short enough to read aloud, stored only as a salted slow hash.

A code is six characters from an alphabet without the look-alikes 0/O and 1/I, shown as two
groups (``K7M-4QX``) so the moderator can read it across the hall and a judge can type it on a
phone keyboard. Only ``scrypt(code, salt)`` is kept; checking compares in constant time. After a
few wrong tries every further try has to wait longer, so guessing 32^6 codes is hopeless.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, no 1/I
LENGTH = 6
GROUP = 3

# scrypt cost: ~60 ms per check on a laptop, 16 MiB of memory per check.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
HASH_BYTES = 32
SALT_BYTES = 16

FREE_TRIES = 3  # typos are human: the first wrong tries cost nothing
FIRST_WAIT_S = 2.0
MAX_WAIT_S = 60.0


@dataclass(frozen=True)
class HashedCode:
    salt: bytes
    digest: bytes


def generate() -> str:
    """A fresh random code as it is shown to people, e.g. ``K7M-4QX``."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{raw[:GROUP]}-{raw[GROUP:]}"


def normalise(typed: str) -> str:
    """What a judge typed, as the code it means: case, spaces and dashes do not matter."""
    return "".join(ch for ch in typed.upper() if ch not in " -_\t")


def looks_like_code(typed: str) -> bool:
    code = normalise(typed)
    return len(code) == LENGTH and all(ch in ALPHABET for ch in code)


def hash_code(code: str, salt: bytes | None = None) -> HashedCode:
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    digest = hashlib.scrypt(
        normalise(code).encode("ascii", "ignore"),
        salt=salt,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        dklen=HASH_BYTES,
    )
    return HashedCode(salt, digest)


def matches(typed: str, stored: HashedCode) -> bool:
    """Constant-time comparison of what was typed with the stored hash."""
    return hmac.compare_digest(hash_code(typed, stored.salt).digest, stored.digest)


def wait_after(failures: int) -> float:
    """Seconds a judge must wait before the next try, after ``failures`` wrong codes in a row.

    0 for the first ``FREE_TRIES``; then 2, 4, 8 ... seconds, capped at a minute.
    """
    if failures < FREE_TRIES:
        return 0.0
    return float(min(FIRST_WAIT_S * 2 ** (failures - FREE_TRIES), MAX_WAIT_S))
