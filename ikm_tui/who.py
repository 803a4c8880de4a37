"""Who is acting, when nobody said: the operating-system user, on any platform."""

from __future__ import annotations

import getpass

UNKNOWN = "?"


def os_user() -> str:
    """The logged-in user's name; ``?`` when the system cannot tell."""
    try:
        return getpass.getuser().strip() or UNKNOWN
    except Exception:  # noqa: BLE001 - getpass raises OSError/KeyError/ImportError by platform
        return UNKNOWN
