"""What every response carries, and the checks a request must pass before it may change anything.

The page loads nothing from any other host (the Content-Security-Policy forbids it), cannot be
framed, and the server does not say what software it runs. A write must come from this
server's own page: its Origin (when the browser sends one) must be this host, and it must carry
the CSRF token only that page could read. The push channel (a WebSocket, whose Origin every
browser sends) must come from this host too.
"""

from __future__ import annotations

from aiohttp import web

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}
STATIC_PREFIX = "/static/"


async def add_headers(request: web.Request, response: web.StreamResponse) -> None:
    """``on_response_prepare``: every response, static files and errors included."""
    response.headers.update(HEADERS)
    response.headers.pop("Server", None)
    if "Cache-Control" not in response.headers:
        revalidate = request.path.startswith(STATIC_PREFIX)
        response.headers["Cache-Control"] = "no-cache" if revalidate else "no-store"


def same_origin(request: web.Request, *, required: bool) -> bool:
    """The request's Origin is this server as the browser reached it (absent: ``not required``)."""
    origin = request.headers.get("Origin")
    if origin is None:
        return not required
    return origin == f"{request.scheme}://{request.host}"
