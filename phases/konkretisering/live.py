"""Konkretisering's Socket.IO events, each a thin adapter over an action.

In (all acknowledged after commit):
``konkret:watch`` {process_id} -> {ok, alternatives, checkback_rounds, vote_rounds, fishing}
``konkret:join`` {} -> {ok, ...phone state} (a phone: what it can answer now)
``checkback:rate`` {round_id, alternative_id, value, reason?, client_id}
``vote:cast`` {vote_round_id, value, reason?, client_id}
``minority:answer`` {vote_round_id, text, client_id}
``fishing:answer`` {prompt_id, text, client_id}
``vote:open`` {alternative_id} / ``vote:close`` {vote_round_id} (facilitator)
``fishing:open`` {process_id, question?, alternative_id?} / ``fishing:close`` {prompt_id}

Out: see :mod:`phases.konkretisering.broadcast`.
"""

from __future__ import annotations

from typing import Any

from flask_socketio import SocketIO, join_room
from sqlalchemy.orm import Session

from dialog.live.identity import Identity
from dialog.live.socket_actions import on
from phases.konkretisering import broadcast
from phases.konkretisering import rooms as konkret_rooms
from phases.konkretisering.operations import checkback, fishing, phone, votes


def _watching(_session: Session, _identity: Identity, _result: Any,
              body: dict[str, Any]) -> dict[str, Any]:
    join_room(konkret_rooms.watchers(body["process_id"]))
    return body


def _joined(_session: Session, _identity: Identity, _result: Any,
            body: dict[str, Any]) -> dict[str, Any]:
    join_room(konkret_rooms.phones(body["process_id"]))
    return body


def register(socketio: SocketIO, namespace: str) -> None:
    """Attach the events, and (once per ``SocketIO``) the broadcasters."""
    on(socketio, namespace, "konkret:watch", phone.watch, after=_watching)
    on(socketio, namespace, "konkret:join", phone.mine, after=_joined)
    on(socketio, namespace, "checkback:rate", checkback.rate)
    on(socketio, namespace, "vote:cast", votes.cast)
    on(socketio, namespace, "minority:answer", votes.answer_minority)
    on(socketio, namespace, "fishing:answer", fishing.answer)
    on(socketio, namespace, "vote:open", votes.open_vote, wrap="vote_round")
    on(socketio, namespace, "vote:close", votes.close_vote, wrap="vote_round")
    on(socketio, namespace, "fishing:open", fishing.go_fishing, wrap="prompt")
    on(socketio, namespace, "fishing:close", fishing.stop_fishing, wrap="prompt")
    broadcast.connect_signals(socketio, namespace)
