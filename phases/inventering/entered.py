"""Input from outside the room: a facilitator enters a perspective heard in an interview, on
paper, through an interpreter, by letter or on an outreach visit, and says so (``source``).

Nothing about the person is stored: the text, its kind, the stakeholder group and the
source. It counts as a perspective of its meeting and phase, not as a participant.
"""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.events import record
from dialog.models import Facilitator, ModerationStatus, Perspective, Process, Workshop
from dialog.schemas import PerspectiveOut
from dialog.services.ids import parse_client_id
from dialog.services.participants import resolve_group
from dialog.services.personal_data import personal_data_kinds
from phases.inventering.perspectives import _valid_kind, _valid_text

#: Where a perspective entered by a facilitator came from.
SOURCES = ("interview", "outreach", "paper", "interpreter", "letter")


def parse_source(source: Any) -> str:
    if source not in SOURCES:
        raise DialogError("unknown_source", source=str(source)[:40])
    return str(source)


def enter_perspective(
    session: Session, facilitator: Facilitator, workshop: Workshop, *, text: Any, kind: Any,
    source: Any, stakeholder_group: Any = None, client_id: Any = None,
) -> tuple[Perspective, bool]:
    """Store a perspective a facilitator heard elsewhere, with its source; once per
    ``client_id`` (a resend returns the first). Personal data found waits for review."""
    client_id = (parse_client_id(client_id) if client_id not in (None, "")
                 else "f." + secrets.token_hex(8))
    existing = session.scalar(select(Perspective).where(
        Perspective.entered_by_id == facilitator.id, Perspective.client_id == client_id,
        Perspective.workshop_id == workshop.id))
    if existing is not None:
        return existing, True
    source = parse_source(source)
    text = _valid_text(text)
    valid_kind = _valid_kind(kind)
    process = session.get(Process, workshop.process_id)
    assert process is not None
    group = resolve_group(process, stakeholder_group)
    found = personal_data_kinds(text)
    perspective = Perspective(
        process_id=workshop.process_id, phase_id=workshop.phase_id, workshop_id=workshop.id,
        participant_id=None, stakeholder_group=group, kind=valid_kind, text=text,
        client_id=client_id, personal_data=found, source=source,
        entered_by_id=facilitator.id,
        status=ModerationStatus.PENDING if found else ModerationStatus.APPROVED,
    )
    session.add(perspective)
    session.flush()
    record(session, "perspective-submitted", perspective=PerspectiveOut.dump(perspective))
    return perspective, False
