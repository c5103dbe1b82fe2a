"""Committed domain events out to Socket.IO rooms, subscribed once per server.

A phase's broadcaster asks :func:`first_time` before connecting its signal handlers: the
app factory may run more than once in a process (tests build many apps on one ``SocketIO``),
and a handler connected twice would emit every event twice.
"""

from __future__ import annotations

_subscribed: set[tuple[int, str]] = set()


def first_time(socketio: object, owner: str) -> bool:
    """True once per ``socketio`` and ``owner`` (the broadcaster's module name)."""
    key = (id(socketio), owner)
    if key in _subscribed:
        return False
    _subscribed.add(key)
    return True
