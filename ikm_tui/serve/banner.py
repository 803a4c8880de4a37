"""What the moderator's terminal shows when the server is up: where judges should go."""

from __future__ import annotations

from ikm_tui.serve.addresses import is_loopback, urls
from ikm_tui.serve.qr import terminal_qr


def banner(messages, *, title: str, host: str, port: int, limit: int, qr: bool,
           judges_without_code: list[str]) -> str:
    """The addresses to type (and a QR code of the first one a phone can reach)."""
    t = messages
    addresses = urls(host, port)
    lines = [t("serve.banner", title=title), "", t("serve.type_address")]
    lines += [f"    {url}" for url in addresses]
    lines.append("")
    reachable = [u for u in addresses if not is_loopback(u.split("//")[1].rsplit(":", 1)[0])]
    if not reachable:
        lines += [t("serve.local_only"), ""]
    elif qr and (code := terminal_qr(reachable[0])):
        lines += [t("serve.scan_qr"), code]
    lines.append(t("serve.limit", limit=limit))
    if judges_without_code:
        lines.append(t("serve.codes_missing", judges=", ".join(judges_without_code)))
    lines.append(t("serve.stop_hint"))
    return "\n".join(lines)
