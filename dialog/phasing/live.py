"""``phase:changed``: every room of the process (consoles following it, phones, the wall)
learns that a phase opened or closed, after the commit."""

from __future__ import annotations

from typing import Any

from flask_socketio import SocketIO

from dialog import events
from dialog.live import relay, rooms


def register(socketio: SocketIO, namespace: str) -> None:
    """Connect the broadcaster once per ``SocketIO``."""
    if not relay.first_time(socketio, __name__):
        return

    def on_phase(_sender: Any, process_id: int, phase: dict[str, Any],
                 closed: list[dict[str, Any]], workshop_ids: list[int], **_: Any) -> None:
        to = [rooms.process_console(process_id)]
        for workshop_id in workshop_ids:
            to += [rooms.facilitators(workshop_id), rooms.phones(workshop_id),
                   rooms.wall(workshop_id)]
        socketio.emit("phase:changed", {"process_id": process_id, "phase": phase,
                                        "closed": closed}, namespace=namespace, to=to)

    # weak=False: the closure lives as long as the app, not as long as this call.
    events.phase_changed.connect(on_phase, weak=False)
