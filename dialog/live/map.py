"""Socket.IO events of the map: phones react, facilitators and projectors watch the map.

``vote:submit`` {perspective_id, vote} -> ack {ok, perspective_id, vote, created, next}
``vote:next`` {} -> ack {ok, perspective, remaining}
``map:watch`` {process_id, view?: "projector"} -> ack {ok, process_id, map}, then ``map:update``
``link:create`` {process_id?, source_id, target_id, relation} -> ack {ok, link}
"""

from __future__ import annotations

from typing import Any

from flask_socketio import SocketIO, join_room
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.live import rooms
from dialog.live.analysis_scheduler import scheduler_for
from dialog.live.guard import Handler, event_handler
from dialog.live.identity import Identity, facilitator_of, participant_of
from dialog.models import VOTE_NAMES, Participant
from dialog.services import analysis_runs, links, processes
from dialog.services.ids import parse_id
from dialog.services.reaction_queue import next_perspective, perspective_for_phone
from dialog.services.reactions import react


def _next(session: Session, participant: Participant) -> dict[str, Any]:
    perspective, remaining = next_perspective(session, participant)
    return {"perspective": perspective_for_phone(perspective) if perspective else None,
            "remaining": remaining}


def submit_vote(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    """Store a reaction and hand back the next perspective in the same round trip."""
    participant = participant_of(session, identity)
    reaction, created = react(session, participant, data.get("perspective_id"), data.get("vote"))
    following = _next(session, participant)
    return {"perspective_id": reaction.perspective_id, "vote": VOTE_NAMES[reaction.vote],
            "created": created, "next": following["perspective"],
            "remaining": following["remaining"]}


def next_vote(session: Session, identity: Identity, _data: dict[str, Any]) -> dict[str, Any]:
    return _next(session, participant_of(session, identity))


def watch_map(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    """Follow a process's map; the ack carries the current map, ``map:update`` the next ones."""
    facilitator = facilitator_of(session, identity)
    if facilitator is None:
        raise DialogError("facilitator_token_required", 401)
    process = processes.managed_process(
        session, facilitator, parse_id(data.get("process_id"), "process_id"))
    on_projector = data.get("view") == "projector"
    result, _computed = analysis_runs.refresh(session, process)
    join_room(rooms.map_projector(process.id) if on_projector else rooms.map_watchers(process.id))
    return {"process_id": process.id,
            "map": analysis_runs.for_projector(result) if on_projector else result}


def create_link(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    """Draw a link, as a facilitator of the process or as one of its participants."""
    if identity.role == "participant":
        participant = participant_of(session, identity)
        process = processes.get_process(session, participant.process_id)
        link, created = links.create_link(
            session, process, source_id=data.get("source_id"), target_id=data.get("target_id"),
            relation=data.get("relation"), participant=participant)
    else:
        facilitator = facilitator_of(session, identity)
        if facilitator is None:
            raise DialogError("facilitator_token_required", 401)
        process = processes.managed_process(
            session, facilitator, parse_id(data.get("process_id"), "process_id"))
        link, created = links.create_link(
            session, process, source_id=data.get("source_id"), target_id=data.get("target_id"),
            relation=data.get("relation"), facilitator=facilitator)
    return {"link": links.link_to_dict(link), "created": created}


def register(socketio: SocketIO, namespace: str) -> None:
    """Attach the map's events and its analysis scheduler."""
    scheduler_for(socketio, namespace)
    handlers: dict[str, tuple[str | None, Handler]] = {
        "vote:submit": ("participant", submit_vote),
        "vote:next": ("participant", next_vote),
        "map:watch": ("facilitator", watch_map),
        "link:create": (None, create_link),
    }
    for name, (role, handler) in handlers.items():
        socketio.on_event(name, event_handler(role, handler), namespace=namespace)
