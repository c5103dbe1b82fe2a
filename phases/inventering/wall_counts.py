"""The wall's reaction counts, read after the commit: at once, or gathered under a server.

A reaction changes the counts of one perspective on every wall of its process. Read afresh
for each reaction, a room reacting tens of times a second pays a second transaction per
reaction (a pooled connection, its ping, the query, the commit) for walls that show one
number changing. Under a real server (gevent) the perspectives reacted to are gathered for
``GATHER_SECONDS`` and their counts read in one query, each sent once; elsewhere (tests,
the CLI) they are read and sent at once, as before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from flask_socketio import SocketIO
from sqlalchemy.exc import SQLAlchemyError

from dialog.extensions import db
from phases.inventering.wall import reaction_counts

log = logging.getLogger(__name__)

#: How long a server process gathers reacted perspectives before reading their counts.
GATHER_SECONDS = 0.5

#: ``send(process_id, perspective_id, counts)`` emits one perspective's counts to its walls.
Send = Callable[[int, int, dict[str, int]], None]


class WallCounts:
    """Reads and sends the counts of the perspectives reacted to, at once or gathered."""

    def __init__(self, socketio: SocketIO, send: Send) -> None:
        self._socketio = socketio
        self._send = send
        self._gather = socketio.async_mode == "gevent"
        #: Perspective id -> its process id, waiting to be read.
        self._pending: dict[int, int] = {}
        self._scheduled = False

    def reacted(self, process_id: int, perspective_id: int) -> None:
        if not self._gather:
            self._read_and_send({perspective_id: process_id})
            return
        self._pending[perspective_id] = process_id
        if not self._scheduled:
            self._scheduled = True
            self._socketio.start_background_task(self._later)

    def _later(self) -> None:
        self._socketio.sleep(GATHER_SECONDS)
        pending, self._pending, self._scheduled = self._pending, {}, False
        self._read_and_send(pending)

    def _read_and_send(self, pending: dict[int, int]) -> None:
        # The reactions are stored already: a wall that misses a count must not turn it into
        # an error.
        try:
            with db.transaction() as session:
                counts = reaction_counts(session, pending)
        except SQLAlchemyError:
            log.warning("no reaction counts for the wall (perspectives %s)", sorted(pending),
                        exc_info=True)
            return
        for perspective_id, process_id in pending.items():
            self._send(process_id, perspective_id, counts[perspective_id])
