"""Socket.IO events of the phases and the lärande samtal.

In (with acks):
``samtal:watch`` {process_id} -> {ok, process_id, phases, rounds, resistance}
``samtal:rounds`` {} -> {ok, rounds, reflections} (a phone: what it can answer now)
``reflection:submit`` {round_id, client_id, view_change, understood?, question?, keep?,
moved_by?} -> {ok, id, duplicate, status, client_id, round_id}
``resistance:log`` {process_id, level, note?, round_id?} -> {ok, entry}

Out: ``phase:changed`` to every room of the process (console, phones, wall); ``samtal:round``
to the console and the phones; ``reflection:new`` / ``reflection:updated`` (with the round's
indicators) and ``resistance:new`` to the facilitators following the process.
"""

from __future__ import annotations

from typing import Any

from flask_socketio import SocketIO, join_room
from sqlalchemy.orm import Session

from dialog import events
from dialog.live import rooms
from dialog.live.guard import Handler, event_handler
from dialog.live.identity import Identity, facilitator_of, participant_of
from dialog.models import Process
from dialog.services import (
    conversation_rounds,
    learning,
    processes,
    reflections,
    resistance_line,
)
from dialog.services.ids import parse_id
from dialog.services.phases import history

_connected: set[int] = set()


def watch(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    """Follow a process's phases and conversation rounds; returns what is there so far."""
    process = processes.managed_process(
        session, facilitator_of(session, identity), parse_id(data.get("process_id"), "process_id"))
    join_room(rooms.samtal_watchers(process.id))
    found = conversation_rounds.rounds_of_process(session, process)
    return {
        "process_id": process.id,
        "phases": history(process),
        "rounds": [conversation_rounds.round_to_dict(r)
                   | {"indicators": learning.indicators(session, r)} for r in found],
        "resistance": resistance_line.timeline(session, process, identity.locale),
    }


def my_rounds(session: Session, identity: Identity, _data: dict[str, Any]) -> dict[str, Any]:
    participant = participant_of(session, identity)
    process = session.get(Process, participant.process_id)
    assert process is not None
    mine = reflections.reflections_of_participant(session, participant)
    return {"rounds": [conversation_rounds.round_to_dict(r)
                       for r in conversation_rounds.open_rounds(session, process)],
            "reflections": [reflections.reflection_to_dict(r) for r in mine]}


def submit(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    participant = participant_of(session, identity)
    conversation = conversation_rounds.get_round(session, data.get("round_id"))
    reflection, duplicate = reflections.submit_reflection(
        session, participant, conversation, client_id=data.get("client_id"),
        view_change=data.get("view_change"), understood=data.get("understood"),
        question=data.get("question"), keep=data.get("keep"), moved_by=data.get("moved_by"))
    return {"id": reflection.id, "duplicate": duplicate, "status": reflection.status.value,
            "client_id": reflection.client_id, "round_id": reflection.round_id}


def log_resistance(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    process = processes.managed_process(
        session, facilitator_of(session, identity), parse_id(data.get("process_id"), "process_id"))
    entry = resistance_line.log_entry(
        session, facilitator_of(session, identity), process, level=data.get("level"),
        note=data.get("note", ""), round_id=data.get("round_id"))
    return {"entry": resistance_line.entry_to_dict(entry, identity.locale)}


def register(socketio: SocketIO, namespace: str) -> None:
    """Attach the handlers, and (once per ``SocketIO``) the broadcasters."""
    handlers: dict[str, tuple[str, Handler]] = {
        "samtal:watch": ("facilitator", watch),
        "samtal:rounds": ("participant", my_rounds),
        "reflection:submit": ("participant", submit),
        "resistance:log": ("facilitator", log_resistance),
    }
    for name, (role, handler) in handlers.items():
        socketio.on_event(name, event_handler(role, handler), namespace=namespace)
    if id(socketio) in _connected:
        return
    _connected.add(id(socketio))
    _connect_signals(socketio, namespace)


def _connect_signals(socketio: SocketIO, namespace: str) -> None:
    def emit(event: str, data: dict[str, Any], to: list[str]) -> None:
        socketio.emit(event, data, namespace=namespace, to=to)

    def workshop_rooms(workshop_ids: list[int], *, wall: bool) -> list[str]:
        found = [rooms.facilitators(w) for w in workshop_ids]
        found += [rooms.phones(w) for w in workshop_ids]
        return found + ([rooms.wall(w) for w in workshop_ids] if wall else [])

    def on_phase(_sender: Any, process_id: int, phase: dict[str, Any],
                 closed: list[dict[str, Any]], workshop_ids: list[int], **_: Any) -> None:
        emit("phase:changed", {"process_id": process_id, "phase": phase, "closed": closed},
             [rooms.samtal_watchers(process_id), *workshop_rooms(workshop_ids, wall=True)])

    def on_round(_sender: Any, process_id: int, conversation_round: dict[str, Any],
                 workshop_ids: list[int], **_: Any) -> None:
        emit("samtal:round", {"process_id": process_id, "round": conversation_round},
             [rooms.samtal_watchers(process_id), *workshop_rooms(workshop_ids, wall=False)])

    def on_reflection(_sender: Any, process_id: int, reflection: dict[str, Any],
                      indicators: dict[str, Any], updated: bool = False, **_: Any) -> None:
        emit("reflection:updated" if updated else "reflection:new",
             {"reflection": reflection, "indicators": indicators},
             [rooms.samtal_watchers(process_id)])

    def on_resistance(_sender: Any, process_id: int, entry: dict[str, Any], **_: Any) -> None:
        emit("resistance:new", {"entry": entry}, [rooms.samtal_watchers(process_id)])

    # weak=False: these closures live as long as the app, not as long as this call.
    events.phase_changed.connect(on_phase, weak=False)
    events.round_changed.connect(on_round, weak=False)
    events.reflection_submitted.connect(on_reflection, weak=False)
    events.resistance_logged.connect(on_resistance, weak=False)
