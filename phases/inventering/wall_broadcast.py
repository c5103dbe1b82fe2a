"""The wall's reaction counts, sent after the reactions' commits: gathered under a server.

A reaction's commit used to read its perspective's counts at once, in a second transaction
opened inside the first one's commit: the event's connection was still checked out, so a
room reacting fast enough had every pooled connection held by an event waiting for a second
one (a deadlock that only the pool's 30 s timeout broke), and each reaction took two turns at
SQLite's one writer. Under a real server (gevent) the perspectives whose counts changed are
now gathered and read every ``INTERVAL_SECONDS`` in one query by a background task, after the
reactions' sessions have closed; a wall sees each count at most that much later. Elsewhere
(tests, the threading server) the counts are read and sent at once, as before.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from dialog.extensions import db
from phases.inventering.wall import reaction_counts, wall_room

log = logging.getLogger(__name__)

#: How often a server sends the counts gathered since the last time.
INTERVAL_SECONDS = 0.25

Emit = Callable[[str, dict[str, Any], str], None]


class WallCounts:
    """Perspectives whose counts changed (by process), sent in one read per interval."""

    def __init__(self, emit: Emit, start: Callable[[Callable[[], None]], Any] | None,
                 sleep: Callable[[float], Any]) -> None:
        self._emit, self._start, self._sleep = emit, start, sleep
        self._pending: dict[int, int] = {}
        self._lock = threading.Lock()
        self._running = False

    def changed(self, process_id: int, perspective_id: int) -> None:
        """A reaction to ``perspective_id`` was committed: its wall count is due."""
        if self._start is None:
            self._send({perspective_id: process_id})
            return
        with self._lock:
            self._pending[perspective_id] = process_id
            start, self._running = not self._running, True
        if start:
            self._start(self._drain)

    def _drain(self) -> None:
        while True:
            self._sleep(INTERVAL_SECONDS)
            with self._lock:
                due, self._pending = self._pending, {}
                if not due:
                    self._running = False
                    return
            self._send(due)

    def _send(self, due: dict[int, int]) -> None:
        # The reactions are stored already; a wall that misses a count must not turn any
        # of them into an error.
        try:
            with db.reading() as session:  # never waits for the writer's turn
                counts = reaction_counts(session, due)
        except SQLAlchemyError:
            log.warning("no reaction counts for the wall (%s)", sorted(due), exc_info=True)
            return
        except Exception:  # a background task must go on draining
            log.exception("wall counts failed (%s)", sorted(due))
            return
        for perspective_id, process_id in due.items():
            self._emit("wall:reactions", {"perspective_id": perspective_id,
                                          **counts[perspective_id]}, wall_room(process_id))
