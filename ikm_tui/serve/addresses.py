"""The addresses a judge types: this laptop's own network addresses, found without the network.

Binding to ``0.0.0.0`` says nothing a judge can type, so the moderator is shown each IPv4
address of this machine's network interfaces. Nothing is sent anywhere to find them: on
Linux each interface is asked through ``ioctl``; elsewhere (macOS, Windows) the addresses the
host name resolves to are used.
"""

from __future__ import annotations

import ipaddress
import socket
import struct

WILDCARD_HOSTS = {"", "0.0.0.0", "::", "*"}
SIOCGIFADDR = 0x8915


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
    try:
        import fcntl
    except ImportError:  # not a Unix
        return []
    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:  # never sends anything
        for _, name in socket.if_nameindex():
            request = struct.pack("256s", name.encode()[:15])
            try:
                reply = fcntl.ioctl(probe.fileno(), SIOCGIFADDR, request)
            except OSError:  # no IPv4 address on this interface, or not Linux
                continue
            found.append(socket.inet_ntoa(reply[20:24]))
    return found


def _host_name_addresses() -> list[str]:
    try:
        return socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        return []


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host
