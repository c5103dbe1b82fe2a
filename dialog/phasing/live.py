"""The phases, live: every room of the process (consoles following it, phones, the wall)
learns that a phase opened or closed, after the commit.

In (with an ack): ``phase:watch`` {process_id} -> {ok, process_id, phases, current}: a
facilitator page follows the process's phases (the phase bar on every console page), by the
action ``phase.list``.

Out: ``phase:changed`` {process_id, phase, closed, workshop_ids} to the facilitators
following the process and to the meetings that moved (their consoles, phones and wall).
"""

from __future__ import annotations

from typing import Any

from flask_socketio import SocketIO, join_room
from sqlalchemy.orm import Session

from dialog import events
from dialog.live import relay, rooms
from dialog.live.identity import Identity
from dialog.live.socket_actions import on
from dialog.phasing import operations


def _follow(_session: Session, _identity: Identity, result: Any,
            body: dict[str, Any]) -> dict[str, Any]:
    join_room(rooms.process_console(result["process_id"]))
    return body


def register(socketio: SocketIO, namespace: str) -> None:
    """Attach ``phase:watch`` and (once per ``SocketIO``) the broadcaster."""
    on(socketio, namespace, "phase:watch", operations.list_phases, after=_follow)
    if not relay.first_time(socketio, __name__):
        return

    def on_phase(_sender: Any, process_id: int, phase: dict[str, Any],
                 closed: list[dict[str, Any]], workshop_ids: list[int], **_: Any) -> None:
        to = [rooms.process_console(process_id)]
        for workshop_id in workshop_ids:
            to += [rooms.facilitators(workshop_id), rooms.phones(workshop_id),
                   rooms.wall(workshop_id)]
        socketio.emit("phase:changed", {"process_id": process_id, "phase": phase,
                                        "closed": closed, "workshop_ids": workshop_ids},
                      namespace=namespace, to=to)

    # weak=False: the closure lives as long as the app, not as long as this call.
    events.phase_changed.connect(on_phase, weak=False)
