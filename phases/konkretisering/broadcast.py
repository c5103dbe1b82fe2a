"""Send committed konkretisering events to the console and the phones of a process.

Out, to the facilitators following the process (``konkret:<id>``):
``alternative:changed``, ``checkback:round``, ``checkback:tally``, ``vote:opened``,
``vote:tally``, ``vote:closed``, ``amendment:new``, ``fishing:prompt``, ``fishing:closed``,
``fishing:answer``, ``proposal:changed``.
To the phones of the process (``konkret-phones:<id>``): ``checkback:round``,
``vote:opened``, ``vote:closed`` (without who is in the minority), ``alternative:outcome``,
``fishing:prompt``, ``fishing:closed``.
To each phone in a minority (``participant:<id>``): ``minority:prompt``; to the author of a
fishing answer that was hidden or shown again: ``fishing:answer_status`` {prompt_id, id,
hidden, note: {action, reason, reason_code} | null}.
"""

from __future__ import annotations

from typing import Any

from flask_socketio import SocketIO

from dialog import events
from dialog.live import relay, rooms
from phases.konkretisering import rooms as konkret_rooms

#: Event kind -> (event name, payload key, to the phones as well?)
_SIMPLE: dict[str, tuple[str, str, bool]] = {
    "alternative_drafted": ("alternative:changed", "alternative", False),
    "alternative_changed": ("alternative:changed", "alternative", False),
    "checkback_opened": ("checkback:round", "round", True),
    "checkback_closed": ("checkback:round", "round", True),
    "vote_opened": ("vote:opened", "vote_round", True),
    "fishing_opened": ("fishing:prompt", "prompt", True),
    "fishing_closed": ("fishing:closed", "prompt", True),
    "proposal_changed": ("proposal:changed", "proposal", False),
}


def connect_signals(socketio: SocketIO, namespace: str) -> None:
    """Subscribe once per ``SocketIO`` object to the ``konkret-changed`` signal."""
    if not relay.first_time(socketio, __name__):
        return

    def emit(event: str, data: dict[str, Any], room: str) -> None:
        socketio.emit(event, data, namespace=namespace, to=room)

    def on_changed(_sender: Any, process_id: int, kind: str, **payload: Any) -> None:
        console, phones = konkret_rooms.watchers(process_id), konkret_rooms.phones(process_id)
        if kind in _SIMPLE:
            name, key, to_phones = _SIMPLE[kind]
            body = {"process_id": process_id, key: payload[key]}
            emit(name, body, console)
            if to_phones:
                emit(name, _for_phones(body), phones)
        elif kind == "checkback_rated":
            emit("checkback:tally", {"process_id": process_id, **payload}, console)
        elif kind == "vote_cast":
            emit("vote:tally", {"process_id": process_id, **payload}, console)
        elif kind == "amendment_added":
            emit("amendment:new", {"process_id": process_id, **payload}, console)
        elif kind == "fishing_answered":
            emit("fishing:answer", {"process_id": process_id, **payload}, console)
        elif kind == "fishing_answer_moderated":
            # Only its author hears that an answer was hidden (or shown again), and why.
            emit("fishing:answer_status", {
                "prompt_id": payload["prompt_id"], "id": payload["answer_id"],
                "hidden": payload["hidden"], "note": payload["note"]},
                rooms.participant(payload["participant_id"]))
        elif kind == "alternative_concluded":
            body = {"process_id": process_id, "alternative": payload["alternative"]}
            emit("alternative:changed", body, console)
            emit("alternative:outcome", body, phones)
        elif kind == "vote_closed":
            _vote_closed(emit, process_id, payload, console, phones)

    # weak=False: this closure lives as long as the app, not as long as this call.
    events.konkret_changed.connect(on_changed, weak=False)


def _vote_closed(emit: Any, process_id: int, payload: dict[str, Any], console: str,
                 phones: str) -> None:
    vote_round = payload["vote_round"]
    body = {"process_id": process_id, "vote_round": vote_round,
            "alternative": payload["alternative"]}
    emit("vote:closed", body, console)
    emit("vote:closed", _for_phones(body), phones)
    prompt = {"process_id": process_id, "vote_round_id": vote_round["id"],
              "alternative_id": vote_round["alternative_id"],
              "title": vote_round["alternative_title"], "text": vote_round["text"],
              "number": vote_round["number"], "question": payload["question"],
              "my_conditions": []}
    for participant_id in payload["minority"]:
        emit("minority:prompt", prompt, rooms.participant(participant_id))


def _for_phones(body: dict[str, Any]) -> dict[str, Any]:
    """Phones never learn who is in the minority."""
    vote_round = body.get("vote_round")
    if isinstance(vote_round, dict) and "minority" in vote_round:
        return {**body, "vote_round": {**vote_round, "minority": []}}
    return body
