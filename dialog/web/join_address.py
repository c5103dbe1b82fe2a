"""The address phones in the room use to join: join links and QR codes.

A facilitator often opens the console on the laptop that serves (``http://127.0.0.1:5000``);
a QR code with that address leads a phone nowhere. So, in this order:

1. ``DIALOG_PUBLIC_URL`` when it is set (behind a proxy, or a fixed name);
2. when the server listens on every interface (``dialog serve --host 0.0.0.0``), the
   machine's address on the local network, with the port it listens on;
3. otherwise the address the browser used (a laptop alone: 127.0.0.1 is right).

The local address is found without sending anything: connecting a UDP socket only asks the
kernel which interface would carry a datagram to a private address.
"""

from __future__ import annotations

import ipaddress
import socket

from flask import current_app, request, url_for

from dialog.web.public_url import public_base_url

#: ``app.config`` key holding ``(host, port)`` that ``dialog serve`` listens on.
LISTEN_KEY = "DIALOG_LISTEN"
#: Hosts that mean "every interface".
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})
#: A private address no packet is sent to: it only picks the interface of the LAN route.
_PROBE = ("10.254.254.254", 1)


def lan_address() -> str | None:
    """This machine's IPv4 address on the local network, or ``None`` when it has none."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_PROBE)
            found = str(probe.getsockname()[0])
    except OSError:
        found = ""
    if _reachable(found):
        return found
    try:
        found = socket.gethostbyname(socket.gethostname())
    except OSError:
        return None
    return found if _reachable(found) else None


def _reachable(address: str) -> bool:
    """Whether another device could reach ``address`` (not loopback, not unspecified)."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    return not (parsed.is_loopback or parsed.is_unspecified or parsed.is_link_local)


def room_base_url(public_url: str | None, listen: tuple[str, int] | None,
                  browser_base: str) -> str:
    """The base URL for join links (without a trailing slash); see the module's order."""
    if public_url:
        return public_url.rstrip("/")
    if listen is not None and listen[0] in WILDCARD_HOSTS:
        address = lan_address()
        if address is not None:
            return f"http://{address}:{listen[1]}"
    return browser_base.rstrip("/")


def join_base_url() -> str:
    """:func:`room_base_url` for the running app and the current request."""
    settings = current_app.config.get("DIALOG_SETTINGS")
    public_url = getattr(settings, "public_base_url", None)
    # The fallback is a trusted host's address, else the caller's own Host (which then only
    # ever misleads the caller who sent it; see dialog.web.public_url).
    return room_base_url(public_url, current_app.config.get(LISTEN_KEY),
                         public_base_url() or request.host_url)


def join_url(code: str) -> str:
    """The join link of a workshop code that a phone in the room can open."""
    return join_base_url() + url_for("participant.join", code=code)
