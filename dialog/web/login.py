"""Signing in, for the console form and the token exchange alike.

Each failed try counts against the account (any address) and against the address (any account),
so neither guessing one password from many places nor many accounts from one place goes
fast; a successful login clears the account's count. Where to go after the login form is
only ever a path on this site.
"""

from __future__ import annotations

import unicodedata
from contextlib import suppress
from urllib.parse import unquote, urlsplit

from dialog.errors import TooManyRequests, Unauthorized
from dialog.extensions import db
from dialog.models import Facilitator
from dialog.services import facilitators
from dialog.services.throttle import Rule
from dialog.web.throttling import client_key, current_throttle

#: Failed tries at one account's password, from anywhere.
PER_ACCOUNT = Rule("login_account", "10/15minutes", code="login_throttled")
#: Failed tries from one network address, at any account.
PER_ADDRESS = Rule("login_address", "30/15minutes", code="login_throttled")
#: Longest ``next`` path we follow.
MAX_NEXT_LENGTH = 2000


def sign_in(email: str, password: str) -> Facilitator:
    """The facilitator these credentials are; ``login_throttled`` after too many failures."""
    throttle = current_throttle()
    account = throttle.opaque("login:" + email.strip().lower())
    address = client_key()
    for rule, key in ((PER_ACCOUNT, account), (PER_ADDRESS, address)):
        if not throttle.allows(rule, key):
            raise TooManyRequests(rule.code, retry_after=throttle.retry_after(rule, key))
    try:
        facilitator = facilitators.authenticate(db.session, email, password)
    except Unauthorized:
        for rule, key in ((PER_ACCOUNT, account), (PER_ADDRESS, address)):
            with suppress(TooManyRequests):  # this try is refused for its password anyway
                throttle.hit(rule, key)
        raise
    throttle.clear(PER_ACCOUNT, account)
    return facilitator


def safe_next(target: str | None) -> str | None:
    """``target`` if it is a path on this site (``/...``), else None.

    Refused: another host (``//host``, ``/\\host``, ``https:``), and any control character,
    backslash or space, also percent-encoded, which a browser may strip into ``//host``.
    """
    if not target or len(target) > MAX_NEXT_LENGTH:
        return None
    for form in (target, unquote(target)):
        if any(ch in "\\ " or unicodedata.category(ch).startswith(("C", "Z")) for ch in form):
            return None
        if not form.startswith("/") or form.startswith("//"):
            return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None
