"""How often one key may do one thing: login tries, join-code guesses, posts per participant.

Counts live in Redis when the instance has one (so every server process shares them), else in
this process's memory. Keys are opaque strings the caller builds; a network address is hashed
with :func:`opaque` first, so no address is kept in clear anywhere.

A throttle that cannot reach Redis lets the call through and logs it: a slow-down must never
become an outage for a room that is already talking. After a failure it does not ask Redis
again for a few seconds (every call then passes at once), so a Redis restart costs a room at
most one second's wait per process, not one per call.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import threading
import time
from dataclasses import dataclass
from typing import cast

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage, Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from dialog.errors import TooManyRequests
from dialog.services.redis_link import fast_failing

log = logging.getLogger(__name__)

#: After Redis failed once, every throttle lets calls through without asking it for this long.
AWAY_SECONDS = 5.0


#: How often the in-memory counts drop expired hits. limits' ``MemoryStorage`` sweeps every
#: key 100 times a second while anything is counted: with a room of phones that is a scan
#: of a thousand keys every 10 ms. Expired hits never count (every check compares times),
#: so sweeping once a second only keeps memory bounded.
SWEEP_SECONDS = 1.0
#: ``MemoryStorage``'s private sweep, as its own methods name it.
_EXPIRE = "_MemoryStorage__expire_events"


class _SweptMemoryStorage(MemoryStorage):
    """``MemoryStorage`` whose expiry sweep runs once a second, not every 10 ms."""

    def _MemoryStorage__schedule_expiry(self) -> None:  # overrides the name-mangled hook
        if not self.timer.is_alive():
            self.timer = threading.Timer(SWEEP_SECONDS,
                                         getattr(self, _EXPIRE))
            self.timer.daemon = True
            self.timer.start()


@dataclass(frozen=True)
class Rule:
    """One limit: ``name`` scopes the counters, ``rate`` reads like ``"10/minute"``.

    ``code`` is the stable error code a caller gets once the limit is reached.
    """

    name: str
    rate: str
    code: str = "too_many_requests"

    @property
    def item(self) -> RateLimitItem:
        return parse(self.rate)


class Throttle:
    """Counts hits per rule and key, in Redis or in memory."""

    def __init__(self, redis_url: str | None = None, *, secret: str = "") -> None:
        self.storage: Storage = (
            cast(Storage, storage_from_string(redis_url, **fast_failing())) if redis_url
            else _SweptMemoryStorage())
        self.limiter = MovingWindowRateLimiter(self.storage)
        self.secret = secret
        self._away_until = 0.0

    def _away(self) -> bool:
        return time.monotonic() < self._away_until

    def _lost(self, rule: Rule) -> None:
        if not self._away():
            log.warning("throttle %s unavailable; allowing for %.0f s", rule.name,
                        AWAY_SECONDS, exc_info=True)
        self._away_until = time.monotonic() + AWAY_SECONDS

    def hit(self, rule: Rule, *key: str) -> None:
        """Count one try; refuse with 429 ``rule.code`` when the limit is already reached."""
        if self._away():
            return
        try:
            allowed = self.limiter.hit(rule.item, rule.name, *key)
        except Exception:  # Redis away: let the room go on, say so in the log
            self._lost(rule)
            return
        if not allowed:
            raise TooManyRequests(rule.code, retry_after=self.retry_after(rule, *key))

    def allows(self, rule: Rule, *key: str) -> bool:
        """Would one more try pass? Counts nothing."""
        if self._away():
            return True
        try:
            return bool(self.limiter.test(rule.item, rule.name, *key))
        except Exception:
            self._lost(rule)
            return True

    def retry_after(self, rule: Rule, *key: str) -> int:
        try:
            reset_at, _remaining = self.limiter.get_window_stats(rule.item, rule.name, *key)
        except Exception:
            return 60
        return max(1, int(reset_at - time.time()) + 1)

    def clear(self, rule: Rule, *key: str) -> None:
        """Forget the count (e.g. after a successful login)."""
        if self._away():
            return
        try:
            self.limiter.clear(rule.item, rule.name, *key)
        except Exception:
            log.warning("throttle %s could not be cleared", rule.name, exc_info=True)

    def opaque(self, value: str) -> str:
        """A keyed hash of a value we must not keep in clear (a network address)."""
        return hmac.new(self.secret.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]
