"""Socket.IO events of the map, each a thin adapter over an action.

``vote:submit`` {perspective_id, vote} -> ack {ok, perspective_id, vote, created, next,
remaining}; ``vote:next`` {} -> ack {ok, perspective, remaining}; ``map:watch``
{process_id, view?: "projector"} -> ack {ok, process_id, map}, then ``map:update``;
``link:create`` {process_id?, source_id, target_id, relation} -> ack {ok, link, created}.
"""

from __future__ import annotations

from typing import Any

from flask_socketio import SocketIO, join_room
from sqlalchemy.orm import Session

from dialog.live.identity import Identity
from dialog.live.socket_actions import on
from phases.inventering.map import operations, theme_operations
from phases.inventering.map import rooms as map_rooms
from phases.inventering.map.decks import decks
from phases.inventering.map.scheduler import scheduler_for
from phases.inventering.map.schemas import NextPerspective

#: Under a real server, how long the next-card deck is trusted before one query checks it.
RECHECK_SECONDS = 0.5


def _with_next(session: Session, identity: Identity, _result: Any,
               body: dict[str, Any]) -> dict[str, Any]:
    """Hand back the next perspective in the same round trip as the reaction.

    Read after the reaction's commit, in a read-only session: the token was checked in
    the reaction's own transaction, so the connection's identity names the phone."""
    following = NextPerspective.dump(operations.offer(session, identity))
    return {key: value for key, value in body.items() if key != "ok"} | {
        "next": following["perspective"], "remaining": following["remaining"]}


def _watching(session: Session, identity: Identity, _result: Any,
              body: dict[str, Any]) -> dict[str, Any]:
    """Join the map's room: the projector's (sizes only) or the facilitators'."""
    process_id = body["process_id"]
    on_projector = body.pop("view", None) == "projector"
    join_room(map_rooms.projector(process_id) if on_projector else map_rooms.watchers(process_id))
    return body


def _link_apart(_session: Session, _identity: Identity, _result: Any,
                body: dict[str, Any]) -> dict[str, Any]:
    link = dict(body["link"])
    return {"link": link, "created": link.pop("created")}


def _own_process(identity: Identity) -> dict[str, Any]:
    return {"process_id": identity.process_id} if identity.role == "participant" else {}


def register(socketio: SocketIO, namespace: str) -> None:
    """Attach the map's events and its analysis scheduler."""
    scheduler_for(socketio, namespace)
    if socketio.async_mode == "gevent":  # a real server: trust the deck for half a second
        decks.recheck_seconds = RECHECK_SECONDS
    # A reaction commits with the others waiting (group commit); its next card is read
    # after that commit, like ``vote:next``, without the writer's turn.
    on(socketio, namespace, "vote:submit", operations.submit_reaction, after=_with_next,
       mode="batched")
    on(socketio, namespace, "vote:next", operations.next_for_me, mode="reading")
    on(socketio, namespace, "map:watch", operations.watch_map, after=_watching)
    on(socketio, namespace, "link:create", operations.create_link, wrap="link",
       defaults=_own_process, after=_link_apart)
    on(socketio, namespace, "theme:rename", theme_operations.rename_theme, wrap="theme")
