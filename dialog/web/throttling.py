"""The app's :class:`~dialog.services.throttle.Throttle`, and the key for "this client"."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import TypeVar

from flask import current_app, request

from dialog.config import Settings
from dialog.errors import DialogError, TooManyRequests
from dialog.services.throttle import Rule, Throttle

T = TypeVar("T")


def make_throttles(settings: Settings) -> tuple[Throttle, Throttle]:
    """The app's throttle (in Redis when there is one) and its sockets' (:func:`socket_throttle`):
    with Redis a count of this process's own, else the same one."""
    shared = Throttle(settings.redis_url, secret=settings.secret_key)
    return shared, (Throttle(None, secret=settings.secret_key) if settings.redis_url
                    else shared)


def current_throttle() -> Throttle:
    throttle: Throttle = current_app.extensions["dialog.throttle"]
    return throttle


def socket_throttle() -> Throttle:
    """The throttle of what sockets send: this process's own counts.

    A Socket.IO connection lives on one server process for its whole life (the balancer's
    sticky sessions), so counting its participant's sends there limits them as well as a
    count shared through Redis would, without a Redis round trip per event (a tenth of a
    cluster process's time per reaction). The price: in a cluster a participant's limit
    holds per process (a phone that reconnects to another process starts a new count, and
    its HTTP sends are counted apart, in Redis). Without Redis this is the app's throttle.
    """
    throttle: Throttle = current_app.extensions.get("dialog.socket_throttle") \
        or current_throttle()
    return throttle


def client_key() -> str:
    """This request's network address, hashed: counted, never kept in clear."""
    return current_throttle().opaque(client_address())


def client_address() -> str:
    """The TCP peer; behind ``DIALOG_PROXY_HOPS`` proxies, the address the outermost of them
    saw. Each proxy appends its peer to ``X-Forwarded-For``, so only the last ``hops``
    entries are the proxies' word: whatever a client wrote further left is never read."""
    settings: Settings = current_app.config["DIALOG_SETTINGS"]
    hops = settings.proxy_hops
    if hops:
        forwarded = [part.strip() for part in
                     ",".join(request.headers.getlist("X-Forwarded-For")).split(",")]
        if len(forwarded) >= hops and forwarded[-hops]:
            return forwarded[-hops]
    return request.remote_addr or "unknown"


def hit_for_client(rule: Rule, *key: str) -> None:
    """Count one try of ``rule`` for this client (and any further key parts)."""
    current_throttle().hit(rule, client_key(), *key)


def counting_wrong_guesses(rule: Rule, wrong: frozenset[str], run: Callable[[], T]) -> T:
    """Run ``run`` unless this client guessed too often; only a refusal whose code is in
    ``wrong`` counts as a guess (a room behind one address, all right, is never slowed)."""
    throttle, key = current_throttle(), client_key()
    if not throttle.allows(rule, key):
        raise TooManyRequests(rule.code, retry_after=throttle.retry_after(rule, key))
    try:
        return run()
    except DialogError as exc:
        if exc.code in wrong:
            # This wrong guess is answered as such; the next try is refused.
            with suppress(TooManyRequests):
                throttle.hit(rule, key)
        raise
