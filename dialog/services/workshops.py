"""Live workshops: open one in the current phase, join it by a short code."""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError, NotFound
from dialog.events import record
from dialog.models import Participant, PhaseStatus, Process, Workshop, WorkshopState
from dialog.schemas import WorkshopOut

#: No 0/O, 1/I/L: a code read aloud in a noisy room or off a cracked screen stays unambiguous.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6


def open_workshop(
    session: Session, process: Process, *, title: str, pre_moderation: bool = False
) -> Workshop:
    """Open a workshop in the process's current phase with a fresh join code."""
    if not isinstance(title, str) or not title.strip():
        raise DialogError("field_required", field="title")
    if len(title.strip()) > 200:
        raise DialogError("field_too_long", field="title", max=200)
    phase = process.current_phase
    if phase is None or phase.status is not PhaseStatus.OPEN:
        raise DialogError("no_open_phase", 409)
    workshop = Workshop(
        process=process,
        phase=phase,
        title=title.strip(),
        join_code=_unused_code(session),
        pre_moderation=bool(pre_moderation),
    )
    session.add(workshop)
    session.flush()
    return workshop


def normalise_code(code: Any) -> str:
    """Uppercase and drop spaces and dashes, so "abc-d23" and "ABC D23" both work."""
    if not isinstance(code, str):
        return ""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def find_by_code(session: Session, code: Any) -> Workshop:
    """Return the workshop with this join code, or a clear refusal.

    A paused workshop can be joined: the phone lands on the write page under the pause
    banner, and what it writes waits in its outbox until the workshop continues. Only a
    closed workshop refuses (``workshop_closed``).
    """
    normalised = normalise_code(code)
    if not normalised:
        raise DialogError("join_code_required")
    workshop = session.scalar(select(Workshop).where(Workshop.join_code == normalised))
    if workshop is None:
        raise NotFound("join_code_unknown")
    if workshop.state is WorkshopState.CLOSED:
        raise DialogError("workshop_closed", 409)
    return workshop


def require_open(workshop: Workshop) -> None:
    """Refuse new input unless the workshop runs: a pause is not the end.

    ``workshop_paused`` tells a client to keep what it has and send it again when the
    workshop continues (the phone's outbox does); ``workshop_closed`` means it is over.
    """
    if workshop.state is WorkshopState.PAUSED:
        raise DialogError("workshop_paused", 409)
    if workshop.state is not WorkshopState.OPEN:
        raise DialogError("workshop_closed", 409)


def require_in_room(session: Session, participant: Participant) -> None:
    """Refuse a live, in-room answer unless the participant's meeting runs (``require_open``).

    What belongs to the room (a vote, the minority's answer, a fishing answer, a round or a
    check-back without a deadline) follows the meeting the phone joined last: paused, it
    is kept on the phone and sent when the meeting continues; closed, it is refused. What
    is meant to be answered from home (a round with a deadline) does not call this. A
    participant with no meeting (an imported one) is in no room to leave.
    """
    if participant.workshop_id is None:
        return
    workshop = session.get(Workshop, participant.workshop_id)
    if workshop is not None:
        require_open(workshop)


def room_closed(session: Session, participant: Participant) -> bool:
    """Whether the meeting the phone joined last is over: what :func:`require_in_room`
    would refuse with ``workshop_closed``, so a phone need not offer it."""
    if participant.workshop_id is None:
        return False
    workshop = session.get(Workshop, participant.workshop_id)
    return workshop is not None and workshop.state is WorkshopState.CLOSED


def set_state(session: Session, workshop: Workshop, state: str) -> Workshop:
    try:
        workshop.state = WorkshopState(state)
    except ValueError as exc:
        raise DialogError("invalid_workshop_state") from exc
    session.flush()
    record(session, "workshop-changed", workshop=WorkshopOut.dump(workshop))
    return workshop


def set_pre_moderation(session: Session, workshop: Workshop, enabled: bool) -> Workshop:
    workshop.pre_moderation = bool(enabled)
    session.flush()
    record(session, "workshop-changed", workshop=WorkshopOut.dump(workshop))
    return workshop


def _unused_code(session: Session) -> str:
    for _ in range(50):
        code = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
        if session.scalar(select(Workshop.id).where(Workshop.join_code == code)) is None:
            return code
    raise RuntimeError("could not find an unused join code")  # 31^6 codes: practically never


def retitle(workshop: Workshop, title: Any) -> Workshop:
    """A meeting's new title (the same rules as when it opened)."""
    if not isinstance(title, str) or not title.strip():
        raise DialogError("field_required", field="title")
    if len(title.strip()) > 200:
        raise DialogError("field_too_long", field="title", max=200)
    workshop.title = title.strip()
    return workshop
