"""The addresses a judge types: this laptop's own network addresses, found without the network.

Binding to ``0.0.0.0`` says nothing a judge can type, so the moderator is shown each IPv4
address of this machine's network interfaces. Nothing is sent anywhere to find them: the
operating system lists them (``ifaddr``, on Windows, macOS and Linux alike); if it cannot, the
addresses the host name resolves to are used.
"""

from __future__ import annotations

import ipaddress
import socket

import ifaddr

WILDCARD_HOSTS = {"", "0.0.0.0", "::", "*"}


def urls(host: str, port: int) -> list[str]:
    """Every URL a browser can use to reach a server bound to ``host:port``, LAN ones first."""
    if host in WILDCARD_HOSTS:
        hosts = lan_addresses() + ["127.0.0.1"]
    else:
        hosts = [host]
    return [f"http://{_bracketed(h)}:{port}/" for h in hosts]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback, in a stable order."""
    found = _interface_addresses() or _host_name_addresses()
    unique = sorted(
        {a for a in found if not ipaddress.ip_address(a).is_loopback},
        key=lambda a: (not ipaddress.ip_address(a).is_private, a),
    )
    return unique


def _interface_addresses() -> list[str]:
    """Every IPv4 address of this machine's interfaces, the same way on Windows, macOS and
    Linux (``ifaddr`` asks the operating system; nothing is sent)."""
    found: list[str] = []
    try:
        adapters = ifaddr.get_adapters()
    except OSError:  # an unusual system refusing to list them: the host name still helps
        return found
    for adapter in adapters:
        for ip in adapter.ips:
            if ip.is_IPv4 and isinstance(ip.ip, str):
                found.append(ip.ip)
    return found


def _host_name_addresses() -> list[str]:
    try:
        return socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        return []


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host
