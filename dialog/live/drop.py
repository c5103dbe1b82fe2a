"""Drop the live connections of a participant who may no longer act: blocked, or retired.

A blocked participant's phone, or every phone of a process whose tokens the retention rule
retired, is disconnected at once in this server process. Another process learns it on the
connection's next event, which is refused (``dialog.live.identity.participant_of``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_socketio import SocketIO

from dialog.events import signals
from dialog.live import relay
from dialog.live.guard import connections
from dialog.live.identity import Identity


def connect_signals(socketio: SocketIO, namespace: str) -> None:
    """Subscribe once per ``SocketIO`` to the events that end a participant's connections."""
    if not relay.first_time(socketio, __name__):
        return

    def drop(wanted: Callable[[Identity], bool]) -> None:
        for sid in connections(wanted):
            socketio.server.disconnect(sid, namespace=namespace)

    def on_blocked(_sender: Any, participant_id: int, **_: Any) -> None:
        drop(lambda i: i.role == "participant" and i.id == participant_id)

    def on_retired(_sender: Any, process_id: int, **_: Any) -> None:
        drop(lambda i: i.role == "participant" and i.process_id == process_id)

    # weak=False: these closures live as long as the app, not as long as this call.
    signals.signal("participant-blocked").connect(on_blocked, weak=False)
    signals.signal("retention-applied").connect(on_retired, weak=False)
