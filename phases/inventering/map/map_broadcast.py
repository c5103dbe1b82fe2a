"""Send a process's map to its rooms: the facilitators' whole map, the projector's sizes only.

Called by the scheduler in the server and by the analysis job in ``dialog worker``, where
``socketio`` has no clients of its own and only publishes to the Redis message queue.
"""

from __future__ import annotations

from typing import Any

from flask_socketio import SocketIO

from phases.inventering.map import analysis_runs
from phases.inventering.map import rooms as map_rooms


def send_map(socketio: SocketIO, namespace: str, process_id: int, result: dict[str, Any]) -> None:
    """Emit ``map:update`` to the watchers' and the projector's rooms of a process."""
    socketio.emit("map:update", {"process_id": process_id, "map": result},
                  namespace=namespace, to=map_rooms.watchers(process_id))
    socketio.emit("map:update",
                  {"process_id": process_id, "map": analysis_runs.for_projector(result)},
                  namespace=namespace, to=map_rooms.projector(process_id))
