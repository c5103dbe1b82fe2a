"""Who is on the other end of a socket: a facilitator or a participant, per connection."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import bindparam, inspect, select
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.util import identity_key

from dialog.errors import Unauthorized
from dialog.models import Facilitator, Participant
from dialog.services import facilitators, participants


@dataclass(frozen=True)
class Identity:
    role: Literal["facilitator", "participant"]
    id: int
    locale: str = "sv"
    process_id: int | None = None
    workshop_id: int | None = None
    #: The participant's token hash at connect: a token retired since no longer counts.
    token_hash: str | None = None
    blocked: bool = False


def identify(session: Session, secret_key: str, auth: Any, locale: str) -> Identity | None:
    """Resolve the ``auth={"token": ...}`` of a connection, or None to refuse it."""
    token = auth.get("token") if isinstance(auth, dict) else None
    if not isinstance(token, str) or not token:
        return None
    facilitator = facilitators.facilitator_for_token(session, secret_key, token)
    if facilitator is not None:
        return Identity("facilitator", facilitator.id, locale)
    participant = participants.participant_for_token(session, token)
    if participant is not None:
        return Identity("participant", participant.id, locale, participant.process_id,
                        participant.workshop_id, participant.token_hash, participant.blocked)
    return None


def facilitator_of(session: Session, identity: Identity) -> Facilitator:
    """The facilitator behind a connection (the account may have gone since it connected)."""
    found = session.get(Facilitator, identity.id) if identity.role == "facilitator" else None
    if found is None:
        raise Unauthorized("facilitator_token_required")
    return found


def participant_of(session: Session, identity: Identity) -> Participant:
    """The participant behind a connection, while its token is the one it connected with.

    Retention retires tokens (possibly in another server process): a socket that stayed
    open must not go on acting for the participant.
    """
    found = _participant(session, identity.id) if identity.role == "participant" else None
    if found is None or found.token_hash != identity.token_hash:
        raise Unauthorized("participant_token_invalid")
    return found


_PARTICIPANT = Participant.__table__
_BY_ID = select(_PARTICIPANT).where(_PARTICIPANT.c.id == bindparam("id"))
#: (attribute, column) of every column a participant maps.
_ATTRIBUTES = [(attribute.key, attribute.columns[0])
               for attribute in inspect(Participant).column_attrs]


def _participant(session: Session, participant_id: int) -> Participant | None:
    """The participant as the database has it now, read with one Core statement.

    Read at every event (a retired token or a block from another process counts at once),
    but without the ORM's loading machinery, which cost more than the rest of a reaction:
    the row becomes a persistent object of ``session`` directly. One already in the
    session (a second look in the same event) is returned as it is.
    """
    present = session.identity_map.get(identity_key(Participant, participant_id))
    if present is not None:
        return present
    row = session.connection().execute(_BY_ID, {"id": participant_id}).first()
    if row is None:
        return None
    values = row._mapping
    found = Participant(**{key: values[column] for key, column in _ATTRIBUTES})
    make_transient_to_detached(found)
    session.add(found)
    return found
