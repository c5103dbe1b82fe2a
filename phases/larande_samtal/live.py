"""Lärande samtal's Socket.IO events, each bound to an action, and its broadcasts.

In (with acks):
``samtal:watch`` {process_id} -> {ok, process_id, phases, rounds, resistance}
``samtal:rounds`` {} -> {ok, rounds, reflections} (a phone: what it can answer now, and its
own reflections, a hidden one with ``note``)
``reflection:submit`` {round_id, client_id, view_change, understood?, question?, keep?,
moved_by?} -> {ok, id, duplicate, status, client_id, round_id}
``resistance:log`` {process_id, level, note?, round_id?} -> {ok, entry}
``reflection:moderate`` {reflection_id, action: approve|hide|redact, reason?, reason_code?,
understood?, question?, keep?} -> {ok, reflection} (a facilitator; a redact publishes the
edited prompts, as ``POST /api/v1/reflections/{id}/moderation``)

Out: ``samtal:round`` to the console and the phones; ``reflection:new`` /
``reflection:updated`` (with the round's indicators and a hide's ``note``) and
``resistance:new`` to the facilitators following the process; ``reflection:status`` {id,
round_id, status, note: {action, reason, reason_code, changed?} | null} to the author of a
reflection that was moderated (a redact's ``changed``: each edited prompt as shown now).
``phase:changed`` is the kernel's (:mod:`dialog.phasing.live`).
"""

from __future__ import annotations

from typing import Any

from flask_socketio import SocketIO, join_room
from sqlalchemy.orm import Session

from dialog import events
from dialog.live import relay, rooms
from dialog.live.identity import Identity
from dialog.live.socket_actions import on
from phases.larande_samtal import operations as do


def _follow(_session: Session, _identity: Identity, result: Any,
            body: dict[str, Any]) -> dict[str, Any]:
    join_room(rooms.process_console(result["process_id"]))
    return body


def register(socketio: SocketIO, namespace: str) -> None:
    """Attach the events, and (once per ``SocketIO``) the broadcasters."""
    on(socketio, namespace, "samtal:watch", do.watch, after=_follow)
    on(socketio, namespace, "samtal:rounds", do.my_rounds)
    on(socketio, namespace, "reflection:submit", do.submit_reflection)
    on(socketio, namespace, "resistance:log", do.log_resistance, wrap="entry")
    on(socketio, namespace, "reflection:moderate", do.moderate, wrap="reflection")
    if not relay.first_time(socketio, __name__):
        return
    _connect_signals(socketio, namespace)


def _connect_signals(socketio: SocketIO, namespace: str) -> None:
    def emit(event: str, data: dict[str, Any], to: list[str]) -> None:
        socketio.emit(event, data, namespace=namespace, to=to)

    def on_round(_sender: Any, process_id: int, conversation_round: dict[str, Any],
                 workshop_ids: list[int], **_: Any) -> None:
        to = [rooms.process_console(process_id)]
        to += [rooms.facilitators(w) for w in workshop_ids]
        emit("samtal:round", {"process_id": process_id, "round": conversation_round},
             to + [rooms.phones(w) for w in workshop_ids])

    def on_reflection(_sender: Any, process_id: int, reflection: dict[str, Any],
                      indicators: dict[str, Any], updated: bool = False,
                      author: int | None = None, note: dict[str, Any] | None = None,
                      **_: Any) -> None:
        emit("reflection:updated" if updated else "reflection:new",
             {"reflection": reflection, "indicators": indicators, "note": note},
             [rooms.process_console(process_id)])
        if updated and author is not None:
            # Only its author hears that a reflection was hidden, edited or shown again, and why.
            emit("reflection:status", {"id": reflection["id"], "round_id": reflection["round_id"],
                                       "status": reflection["status"], "note": note},
                 [rooms.participant(author)])

    def on_resistance(_sender: Any, process_id: int, entry: dict[str, Any], **_: Any) -> None:
        emit("resistance:new", {"entry": entry}, [rooms.process_console(process_id)])

    # weak=False: these closures live as long as the app, not as long as this call.
    events.round_changed.connect(on_round, weak=False)
    events.reflection_submitted.connect(on_reflection, weak=False)
    events.resistance_logged.connect(on_resistance, weak=False)
