"""Participants join with a code and get a random token; nothing else is stored about them."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.models import AGE_BANDS, Participant, Process, StakeholderGroup
from dialog.services.workshops import find_by_code

TOKEN_PREFIX = "p."


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def join(
    session: Session,
    join_code: Any,
    *,
    stakeholder_group: Any = None,
    age_band: Any = None,
) -> tuple[Participant, str]:
    """Join the open workshop with this code; return the participant and its bearer token."""
    workshop = find_by_code(session, join_code)
    token = TOKEN_PREFIX + secrets.token_urlsafe(24)
    participant = Participant(
        process_id=workshop.process_id,
        workshop_id=workshop.id,
        token_hash=hash_token(token),
    )
    session.add(participant)
    describe(session, participant, stakeholder_group=stakeholder_group, age_band=age_band)
    session.flush()
    return participant, token


def participant_for_token(session: Session, token: Any) -> Participant | None:
    if not isinstance(token, str) or not token.startswith(TOKEN_PREFIX):
        return None
    return session.scalar(select(Participant).where(Participant.token_hash == hash_token(token)))


def describe(
    session: Session, participant: Participant, *, stakeholder_group: Any = None,
    age_band: Any = None,
) -> Participant:
    """Set the optional, self-chosen stakeholder group and age band."""
    process = session.get(Process, participant.process_id)
    assert process is not None
    if stakeholder_group not in (None, ""):
        participant.stakeholder_group = resolve_group(process, stakeholder_group)
    if age_band not in (None, ""):
        if age_band not in AGE_BANDS:
            raise DialogError("invalid_age_band")
        participant.age_band = age_band
    session.flush()
    return participant


def resolve_group(process: Process, name: Any) -> StakeholderGroup | None:
    """Find a stakeholder group of the process by name; empty means none chosen."""
    if name in (None, ""):
        return None
    group = process.group_named(name) if isinstance(name, str) else None
    if group is None:
        raise DialogError("unknown_stakeholder_group", name=str(name)[:80])
    return group
