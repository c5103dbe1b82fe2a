"""Password hashing with the standard library's scrypt (no extra dependency).

Under ``dialog serve`` (gevent) scrypt runs on gevent's thread pool: it releases the GIL, so
a flood of logins no longer stalls every other socket on the one event loop.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

_N, _R, _P = 2**14, 8, 1
T = TypeVar("T")


def off_loop(work: Callable[..., T], *args: Any) -> T:
    """Run CPU-heavy ``work`` on gevent's thread pool when gevent drives the process."""
    try:
        from gevent import get_hub, monkey
    except ImportError:  # pragma: no cover (gevent is a dependency)
        return work(*args)
    if not monkey.is_module_patched("socket"):
        return work(*args)
    result: T = get_hub().threadpool.apply(work, args)
    return result


def _scrypt(password: bytes, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(password, salt=salt, n=n, r=r, p=p, dklen=dklen)


def hash_password(password: str) -> str:
    """Return a self-describing scrypt hash of ``password``."""
    salt = secrets.token_bytes(16)
    digest = off_loop(_scrypt, password.encode(), salt, _N, _R, _P, 32)
    return "$".join(
        ["scrypt", str(_N), str(_R), str(_P), _b64(salt), _b64(digest)]
    )


def verify_password(password: str, stored: str) -> bool:
    """Check ``password`` against a hash made by ``hash_password``."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.urlsafe_b64decode(digest)
        actual = off_loop(_scrypt, password.encode(), base64.urlsafe_b64decode(salt),
                          int(n), int(r), int(p), len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


@cache
def dummy_hash() -> str:
    """A hash of nothing anyone knows: checked against when an account does not exist."""
    return hash_password(secrets.token_urlsafe(16))


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode()
