"""How dialog talks to Redis: fail fast while it is away, come back by itself.

Redis carries the Socket.IO messages between `dialog serve` processes and the throttles'
counts. Neither may hold up a room: while Redis restarts, a call must fail within a second
(redis-py's default retries with back-off for up to ten seconds, and a socket event waiting
that long holds its database connection), and the next call after Redis is back succeeds.
"""

from __future__ import annotations

from typing import Any

from redis.backoff import ConstantBackoff
from redis.retry import Retry

#: Seconds to connect (Redis is on the same network) and, for request-reply calls, to answer.
CONNECT_SECONDS = 1.0
ANSWER_SECONDS = 1.0


def fast_failing(*, answers: bool = True) -> dict[str, Any]:
    """redis-py options: connect within a second, one quick retry (a dropped connection is
    opened again once), no back-off. ``answers=False`` for a subscription, which waits for
    messages indefinitely and must not time out while the room is quiet."""
    options: dict[str, Any] = {
        "socket_connect_timeout": CONNECT_SECONDS,
        "socket_keepalive": True,
        "retry": Retry(ConstantBackoff(0.05), 1),
    }
    if answers:
        options["socket_timeout"] = ANSWER_SECONDS
    return options
