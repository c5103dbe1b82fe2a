"""Socket.IO events of konkretisering: check-back, majority vote, minority wisdom, fishing.

In (all acknowledged after commit):
``konkret:watch`` {process_id} -> {ok, alternatives, checkback_rounds, vote_rounds, fishing}
``konkret:join`` {} -> {ok, ...phone state} (a phone: what it can answer now)
``checkback:rate`` {round_id, alternative_id, value, reason?, client_id}
``vote:cast`` {vote_round_id, value, reason?, client_id}
``minority:answer`` {vote_round_id, text, client_id}
``fishing:answer`` {prompt_id, text, client_id}
``vote:open`` {alternative_id} / ``vote:close`` {vote_round_id} (facilitator)
``fishing:open`` {process_id, question?, alternative_id?} / ``fishing:close`` {prompt_id}

Out: see ``dialog.live.konkret_broadcast``.
"""

from __future__ import annotations

from typing import Any

from flask_socketio import SocketIO, join_room
from sqlalchemy.orm import Session

from dialog.live import rooms
from dialog.live.guard import Handler, event_handler
from dialog.live.identity import Identity, facilitator_of, participant_of
from dialog.services import processes
from phases.konkretisering import alternatives, checkback, fishing, majority_vote, minority_wisdom
from phases.konkretisering import broadcast as konkret_broadcast
from phases.konkretisering import phone as konkret_phone
from phases.konkretisering.fields import as_id


def watch(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    """Follow a process's konkretisering; returns what is there so far."""
    process = processes.managed_process(session, facilitator_of(session, identity),
                                        as_id(data.get("process_id"), "process_id"))
    join_room(rooms.konkret_watchers(process.id))
    found = alternatives.alternatives_of(session, process)
    return {
        "process_id": process.id,
        "alternatives": [alternatives.alternative_to_dict(a) for a in found],
        "vote_rounds": [majority_vote.vote_round_to_dict(session, r)
                        for a in found for r in a.vote_rounds],
        "checkback_rounds": [checkback.results(session, r)
                             for r in checkback.rounds_of(session, process)],
        "fishing": [fishing.prompt_to_dict(p, with_answers=True)
                    for p in fishing.prompts_of(session, process)],
    }


def join(session: Session, identity: Identity, _data: dict[str, Any]) -> dict[str, Any]:
    """A phone joins its process's konkretisering; returns what it can answer now."""
    participant = participant_of(session, identity)
    join_room(rooms.konkret_phones(participant.process_id))
    return konkret_phone.phone_state(session, participant)


def rate(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    participant = participant_of(session, identity)
    rating, duplicate = checkback.rate(
        session, participant, checkback.get_round(session, as_id(data.get("round_id"),
                                                                 "round_id")),
        alternative_id=data.get("alternative_id"), value=data.get("value"),
        reason=data.get("reason", ""), client_id=data.get("client_id"))
    return {"id": rating.id, "round_id": rating.round_id, "alternative_id": rating.alternative_id,
            "value": rating.value.value, "duplicate": duplicate, "client_id": rating.client_id}


def cast(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    participant = participant_of(session, identity)
    vote_round = majority_vote.get_vote_round(
        session, as_id(data.get("vote_round_id"), "vote_round_id"))
    vote, duplicate = majority_vote.cast_vote(
        session, participant, vote_round, value=data.get("value"),
        reason=data.get("reason", ""), client_id=data.get("client_id"))
    return {"id": vote.id, "vote_round_id": vote.vote_round_id, "value": vote.value.value,
            "duplicate": duplicate, "client_id": vote.client_id}


def answer_minority(session: Session, identity: Identity, data: dict[str, Any]
                    ) -> dict[str, Any]:
    participant = participant_of(session, identity)
    vote_round = majority_vote.get_vote_round(
        session, as_id(data.get("vote_round_id"), "vote_round_id"))
    amendment, duplicate = minority_wisdom.answer_minority(
        session, participant, vote_round, text=data.get("text"),
        client_id=data.get("client_id"))
    return {"id": amendment.id, "vote_round_id": vote_round.id, "duplicate": duplicate,
            "client_id": amendment.client_id}


def answer_fishing(session: Session, identity: Identity, data: dict[str, Any]
                   ) -> dict[str, Any]:
    participant = participant_of(session, identity)
    prompt = fishing.get_prompt(session, as_id(data.get("prompt_id"), "prompt_id"))
    item, duplicate = fishing.answer(session, participant, prompt, text=data.get("text"),
                                     client_id=data.get("client_id"))
    return {"id": item.id, "prompt_id": prompt.id, "duplicate": duplicate,
            "client_id": item.client_id}


def open_vote(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    facilitator = facilitator_of(session, identity)
    alternative = alternatives.get_alternative(
        session, as_id(data.get("alternative_id"), "alternative_id"))
    processes.managed_process(session, facilitator, alternative.process_id)
    vote_round = majority_vote.open_vote(session, alternative, facilitator)
    return {"vote_round": majority_vote.vote_round_to_dict(session, vote_round)}


def close_vote(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    facilitator = facilitator_of(session, identity)
    vote_round = majority_vote.get_vote_round(
        session, as_id(data.get("vote_round_id"), "vote_round_id"))
    processes.managed_process(session, facilitator, vote_round.alternative.process_id)
    majority_vote.close_vote(session, vote_round, facilitator)
    return {"vote_round": majority_vote.vote_round_to_dict(session, vote_round)}


def go_fishing(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    facilitator = facilitator_of(session, identity)
    process = processes.managed_process(session, facilitator,
                                        as_id(data.get("process_id"), "process_id"))
    prompt = fishing.open_prompt(session, process, facilitator, question=data.get("question"),
                                 alternative_id=data.get("alternative_id"))
    return {"prompt": fishing.prompt_to_dict(prompt, with_answers=True)}


def stop_fishing(session: Session, identity: Identity, data: dict[str, Any]) -> dict[str, Any]:
    facilitator = facilitator_of(session, identity)
    prompt = fishing.get_prompt(session, as_id(data.get("prompt_id"), "prompt_id"))
    processes.managed_process(session, facilitator, prompt.process_id)
    fishing.close_prompt(session, prompt)
    return {"prompt": fishing.prompt_to_dict(prompt, with_answers=True)}


def register(socketio: SocketIO, namespace: str) -> None:
    """Attach the handlers, and (once per ``SocketIO``) the broadcasters."""
    handlers: dict[str, tuple[str, Handler]] = {
        "konkret:watch": ("facilitator", watch),
        "konkret:join": ("participant", join),
        "checkback:rate": ("participant", rate),
        "vote:cast": ("participant", cast),
        "minority:answer": ("participant", answer_minority),
        "fishing:answer": ("participant", answer_fishing),
        "vote:open": ("facilitator", open_vote),
        "vote:close": ("facilitator", close_vote),
        "fishing:open": ("facilitator", go_fishing),
        "fishing:close": ("facilitator", stop_fishing),
    }
    for name, (role, handler) in handlers.items():
        socketio.on_event(name, event_handler(role, handler), namespace=namespace)
    konkret_broadcast.connect_signals(socketio, namespace)
