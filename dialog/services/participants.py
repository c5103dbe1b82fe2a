"""Participants join with a code and get a random token; nothing else is stored about them."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.models import AGE_BANDS, Attendance, Participant, Process, StakeholderGroup, Workshop
from dialog.services import participant_codes
from dialog.services.workshops import find_by_code

TOKEN_PREFIX = "p."


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Joining:
    """A join: who, their new bearer token, their participant code, and whether they came back."""

    participant: Participant
    token: str
    participant_code: str
    returning: bool


def join(
    session: Session,
    join_code: Any,
    *,
    stakeholder_group: Any = None,
    age_band: Any = None,
) -> tuple[Participant, str]:
    """Join the open workshop with this code; return the participant and its bearer token."""
    joining = join_meeting(session, join_code, stakeholder_group=stakeholder_group,
                           age_band=age_band)
    return joining.participant, joining.token


def join_meeting(
    session: Session,
    join_code: Any,
    *,
    stakeholder_group: Any = None,
    age_band: Any = None,
    participant_code: Any = None,
) -> Joining:
    """Join a meeting; with a participant code, come back as the same participant.

    A code from an earlier meeting (or a printed card already used) brings back the same
    participant behind a new token; a fresh card's code starts a participant. Without a
    code the participant is new and gets a code to write down. A meeting that requires a
    code (one person, one voice) refuses a join without one.
    """
    workshop = find_by_code(session, join_code)
    process = session.get(Process, workshop.process_id)
    assert process is not None
    token = TOKEN_PREFIX + secrets.token_urlsafe(24)
    returning = False
    if participant_code not in (None, ""):
        record = participant_codes.find(session, process, participant_code)
        words = participant_codes.normalise(participant_code)
        participant = session.get(Participant, record.participant_id) if (
            record.participant_id) else None
        if participant is not None:
            returning = True
            participant.token_hash = hash_token(token)
            participant.workshop_id = workshop.id
        else:
            participant = _new_participant(session, workshop, token)
            record.participant_id = participant.id
    elif workshop.requires_participant_code:
        raise DialogError("participant_code_required", 403)
    else:
        participant = _new_participant(session, workshop, token)
        words = participant_codes.new_code(session, process, participant_id=participant.id)
    describe(session, participant, stakeholder_group=stakeholder_group, age_band=age_band)
    _attend(session, workshop, participant, returning)
    return Joining(participant, token, words, returning)


def _new_participant(session: Session, workshop: Workshop, token: str) -> Participant:
    participant = Participant(process_id=workshop.process_id, workshop_id=workshop.id,
                              token_hash=hash_token(token))
    session.add(participant)
    session.flush()
    return participant


def _attend(session: Session, workshop: Workshop, participant: Participant,
            returning: bool) -> None:
    """Note that the participant took part in this meeting (once, however often they join)."""
    seen = session.scalar(select(Attendance).where(
        Attendance.workshop_id == workshop.id, Attendance.participant_id == participant.id))
    if seen is None:
        session.add(Attendance(workshop_id=workshop.id, participant_id=participant.id,
                               came_back=returning))
        session.flush()


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
