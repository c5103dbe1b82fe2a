"""Where this instance lives, for links that leave the request: never the Host header alone.

A link that is stored or shared (a cached ``data.zip`` or ``report.pdf``, a join link, a QR
code) must not point wherever the caller's ``Host`` header said. The base is
``DIALOG_PUBLIC_URL`` when it is set; otherwise the request's own host, but only when it is
trusted: listed in ``DIALOG_TRUSTED_HOSTS`` (Flask then refuses every other host with 400),
or, with no list, the loopback names a laptop answers on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from flask import current_app, request, url_for

from dialog.config import Settings

#: Hosts trusted without configuration: the machine itself, on any port it serves.
LOOPBACK = frozenset({"localhost", "127.0.0.1", "[::1]"})


def settings() -> Settings:
    found: Settings = current_app.config["DIALOG_SETTINGS"]
    return found


def host_is_trusted(host: str, trusted: tuple[str, ...] | None = None) -> bool:
    """Is ``host`` (``name`` or ``name:port``) one this instance may name in its links?

    ``trusted`` is ``DIALOG_TRUSTED_HOSTS`` (the app's, when not given): an entry with a port
    matches that port only, ``.varberg.se`` matches every name under it. With no list, only
    loopback names are trusted.
    """
    trusted = settings().trusted_hosts if trusted is None else trusted
    host = host.lower()
    name = host.rsplit(":", 1)[0] if ":" in host and not host.endswith("]") else host
    if not trusted:
        return name in LOOPBACK
    return host in trusted or name in trusted or any(
        entry.startswith(".") and (name.endswith(entry) or name == entry[1:])
        for entry in trusted)


def public_base_url() -> str | None:
    """``DIALOG_PUBLIC_URL``, else this request's ``scheme://host`` when trusted, else None."""
    configured = settings().public_base_url
    if configured:
        return configured
    if host_is_trusted(request.host):
        return request.host_url.rstrip("/")
    return None


def allowed_origin_hosts() -> set[str]:
    """The ``host[:port]`` an ``Origin`` header may name: this site, its public URL, allowed."""
    allowed = {request.host.lower(), *settings().allowed_origins}
    configured = settings().public_base_url
    if configured:
        allowed.add(urlsplit(configured).netloc.lower())
    return allowed


def external_url(endpoint: str, **values: Any) -> str:
    """An absolute link for this answer: on the public base, else on the request's host.

    The fallback is the caller's own ``Host``, so it only ever misleads the caller who sent
    it; anything stored or shared (cached files) must use :func:`public_base_url` alone.
    """
    base = public_base_url()
    if base is None:
        return url_for(endpoint, _external=True, **values)
    return base + url_for(endpoint, **values)


def flask_trusted_hosts(settings: Settings) -> list[str] | None:
    """``DIALOG_TRUSTED_HOSTS`` as Flask's ``TRUSTED_HOSTS`` (names; Flask ignores ports)."""
    if not settings.trusted_hosts:
        return None
    return sorted({entry if entry.endswith("]") else entry.rsplit(":", 1)[0]
                   if ":" in entry else entry for entry in settings.trusted_hosts})


def socket_origin_check(config: Settings) -> Callable[[str | None, dict[str, Any]], bool]:
    """Engine.IO's origin check: this site (when its host is trusted), the public URL, and
    ``DIALOG_ALLOWED_ORIGINS``; a page of any other site cannot open a live connection."""

    def allowed(origin: str | None, environ: dict[str, Any]) -> bool:
        if not origin:
            return False
        netloc = urlsplit(origin).netloc.lower()
        accepted = set(config.allowed_origins)
        if config.public_base_url:
            accepted.add(urlsplit(config.public_base_url).netloc.lower())
        host = str(environ.get("HTTP_HOST", "")).lower()
        if host and (not config.trusted_hosts or host_is_trusted(host, config.trusted_hosts)):
            accepted.add(host)
        return bool(netloc) and netloc in accepted

    return allowed
