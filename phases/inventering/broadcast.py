"""Inventering's broadcasts: committed perspectives and workshop states to their rooms.

``perspective:new`` / ``perspective:updated`` to the facilitators, ``perspective:status`` to
the author's phone, ``wall:perspective`` / ``wall:remove`` to the wall, ``workshop:state``
to all three, ``wall:reactions`` (counts only) to every wall of the process.
"""

from __future__ import annotations

from typing import Any

from flask_socketio import SocketIO

from dialog import events
from dialog.live import relay, rooms
from phases.inventering.perspectives import for_wall
from phases.inventering.wall_broadcast import WallCounts


def connect_signals(socketio: SocketIO, namespace: str) -> None:
    """Subscribe to domain signals once per ``SocketIO`` object; handlers emit to rooms."""
    if not relay.first_time(socketio, __name__):
        return

    def emit(event: str, data: dict[str, Any], room: str) -> None:
        socketio.emit(event, data, namespace=namespace, to=room)

    def on_submitted(_sender: Any, perspective: dict[str, Any], **_: Any) -> None:
        workshop_id = perspective.get("workshop_id")
        if workshop_id is None:
            return
        emit("perspective:new", perspective, rooms.facilitators(workshop_id))
        if perspective["status"] == "approved":
            emit("wall:perspective", for_wall(perspective), rooms.wall(workshop_id))

    def on_moderated(_sender: Any, perspective: dict[str, Any],
                     note: dict[str, Any] | None = None, **_: Any) -> None:
        workshop_id = perspective.get("workshop_id")
        if perspective.get("participant_id"):
            # The author hears what was changed and why (redact, hide), never anyone else.
            status = {"id": perspective["id"], "status": perspective["status"]}
            emit("perspective:status", status | ({"note": note} if note else {}),
                 rooms.participant(perspective["participant_id"]))
        if workshop_id is None:
            return
        emit("perspective:updated", perspective, rooms.facilitators(workshop_id))
        if perspective["status"] == "approved":
            emit("wall:perspective", for_wall(perspective), rooms.wall(workshop_id))
        else:
            emit("wall:remove", {"id": perspective["id"]}, rooms.wall(workshop_id))

    def on_workshop_changed(_sender: Any, workshop: dict[str, Any], **_: Any) -> None:
        for room in (rooms.facilitators(workshop["id"]), rooms.wall(workshop["id"]),
                     rooms.phones(workshop["id"])):
            emit("workshop:state", {"id": workshop["id"], "state": workshop["state"]}, room)

    # The wall shows counts, never who: read afresh after the commit (gathered under a server).
    gevent = socketio.async_mode == "gevent"
    walls = WallCounts(emit, socketio.start_background_task if gevent else None, socketio.sleep)

    def on_reaction(_sender: Any, process_id: int, perspective_id: int, **_: Any) -> None:
        walls.changed(process_id, perspective_id)

    # weak=False: these closures live as long as the app, not as long as this call.
    events.perspective_submitted.connect(on_submitted, weak=False)
    events.perspective_moderated.connect(on_moderated, weak=False)
    events.workshop_changed.connect(on_workshop_changed, weak=False)
    events.reaction_submitted.connect(on_reaction, weak=False)
