"""What the moderator's terminal shows when the server is up: where judges should go.

All of it fits an 80x24 terminal (the QR code with a narrow quiet zone), and the addresses
come last, just above the log, so they stay on screen whatever scrolls away.
"""

from __future__ import annotations

from ikm_tui.serve.addresses import is_loopback, urls
from ikm_tui.serve.qr import terminal_qr


def banner(messages, *, title: str, host: str, port: int, qr: bool, judges_without_code: list[str]) -> str:
    """The addresses to type (and a QR code of the first one a phone can reach)."""
    t = messages
    addresses = urls(host, port)
    reachable = [u for u in addresses if not is_loopback(u.split("//")[1].rsplit(":", 1)[0])]
    code = terminal_qr(reachable[0]) if qr and reachable else ""
    lines = [t("serve.banner", title=title)]
    if code:
        lines += [code.rstrip("\n"), t("serve.scan_or_type")]
    else:
        lines += ["", t("serve.type_address")]
    lines += [f"    {url}" for url in addresses]
    if not reachable:
        lines.append(t("serve.local_only"))
    lines.append(t("serve.board", board=addresses[0] + "board"))
    if judges_without_code:
        lines.append(t("serve.codes_missing", judges=", ".join(judges_without_code)))
    lines.append(t("serve.stop_hint"))
    return "\n".join(lines)
