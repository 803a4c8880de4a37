"""A judge's browser sign-in: a signed cookie that lasts the event day, and its CSRF token.

Nothing is kept on the server: the cookie names the judge and when it ends, and is signed with
a key derived from that judge's current access code hash (``store.access.session_key``). So a
sign-in survives a server restart, and re-issuing or revoking the judge's code ends every
sign-in made with the old one at the next request. The CSRF token is derived from the cookie:
only a page of this server (which can read its own JSON) learns it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

COOKIE = "ikm_judge"
MAC_BYTES = 20


@dataclass(frozen=True)
class SignIn:
    """The judge a cookie speaks for, until ``expires`` (Unix seconds)."""

    judge: str
    expires: int

    @property
    def payload(self) -> str:
        return f"{self.judge}.{self.expires}"


def end_of_day(now: dt.datetime | None = None) -> int:
    """Local midnight after ``now``: a sign-in lasts the event day, not a second longer."""
    now = now or dt.datetime.now().astimezone()
    tomorrow = (now + dt.timedelta(days=1)).date()
    return int(dt.datetime.combine(tomorrow, dt.time(0), tzinfo=now.tzinfo).timestamp())


def cookie_value(sign_in: SignIn, key: bytes) -> str:
    return f"{sign_in.payload}.{_mac(key, 'cookie', sign_in.payload)}"


def read_cookie(value: str | None) -> tuple[SignIn, str] | None:
    """The sign-in a cookie claims and its MAC (not yet checked), or None if malformed."""
    if not value or value.count(".") != 2:
        return None
    judge, expires, mac = value.split(".")
    if not judge or not expires.isdigit() or len(expires) > 12:
        return None
    return SignIn(judge, int(expires)), mac


def genuine(sign_in: SignIn, mac: str, key: bytes, now: float) -> bool:
    return sign_in.expires > now and hmac.compare_digest(mac, _mac(key, "cookie", sign_in.payload))


def csrf_token(cookie: str, key: bytes) -> str:
    return _mac(key, "csrf", cookie)


def csrf_ok(cookie: str, key: bytes, token: str | None) -> bool:
    return bool(token) and hmac.compare_digest(token or "", csrf_token(cookie, key))


def _mac(key: bytes, purpose: str, text: str) -> str:
    return hmac.new(key, f"{purpose}\0{text}".encode(), hashlib.sha256).hexdigest()[: MAC_BYTES * 2]
