"""The app's :class:`~dialog.services.throttle.Throttle`, and the key for "this client"."""

from __future__ import annotations

from flask import current_app, request

from dialog.services.throttle import Rule, Throttle


def current_throttle() -> Throttle:
    throttle: Throttle = current_app.extensions["dialog.throttle"]
    return throttle


def client_key() -> str:
    """This request's network address, hashed: counted, never kept in clear."""
    return current_throttle().opaque(request.remote_addr or "unknown")


def hit_for_client(rule: Rule, *key: str) -> None:
    """Count one try of ``rule`` for this client (and any further key parts)."""
    current_throttle().hit(rule, client_key(), *key)
