"""Who is on the other end of a socket: a facilitator or a participant, per connection."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy.orm import Session

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
    found = session.get(Participant, identity.id) if identity.role == "participant" else None
    if found is None or found.token_hash != identity.token_hash:
        raise Unauthorized("participant_token_invalid")
    return found
