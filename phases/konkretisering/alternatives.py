"""Draft solution alternatives from perspectives (and reflections), edit, hide, keep history."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import Conflict
from dialog.events import record
from dialog.models import (
    Alternative,
    AlternativeEvent,
    AlternativeOutcome,
    Facilitator,
    Process,
)
from dialog.models.alternative import DECIDED
from phases.konkretisering import sources as alternative_sources
from phases.konkretisering.fields import optional_text, required_text
from phases.konkretisering.schemas import AlternativeOut

MAX_TITLE = 200
MAX_DESCRIPTION = 4000


def draft_alternative(
    session: Session,
    process: Process,
    facilitator: Facilitator | None,
    *,
    title: Any,
    description: Any = "",
    perspective_ids: Any = None,
    reflection_ids: Any = None,
) -> Alternative:
    """Draft an alternative in the charrette, linked to the perspectives behind it."""
    alternative = Alternative(
        process_id=process.id,
        phase_id=process.current_phase.id if process.current_phase else None,
        title=required_text(title, "title", MAX_TITLE),
        description=optional_text(description, "description", MAX_DESCRIPTION),
        created_by_id=facilitator.id if facilitator else None,
    )
    session.add(alternative)
    session.flush()
    alternative_sources.link(session, alternative, perspective_ids=perspective_ids,
                             reflection_ids=reflection_ids)
    log(session, alternative, "drafted", facilitator=facilitator, title=alternative.title,
        perspective_ids=[p.id for p in alternative.perspectives],
        reflection_ids=[r.id for r in alternative.reflections])
    changed(session, alternative, "alternative_drafted")
    return alternative


def update_alternative(
    session: Session,
    alternative: Alternative,
    facilitator: Facilitator | None,
    *,
    title: Any = None,
    description: Any = None,
    perspective_ids: Any = None,
    reflection_ids: Any = None,
) -> Alternative:
    """Edit an undecided alternative between votes; the history keeps what it was."""
    require_undecided(alternative)
    if any(r.status.value == "open" for r in alternative.vote_rounds):
        raise Conflict("vote_open")
    before = {"title": alternative.title, "description": alternative.description}
    if title is not None:
        alternative.title = required_text(title, "title", MAX_TITLE)
    if description is not None:
        alternative.description = optional_text(description, "description", MAX_DESCRIPTION)
    if perspective_ids is not None or reflection_ids is not None:
        alternative_sources.link(session, alternative, perspective_ids=perspective_ids,
                                 reflection_ids=reflection_ids, replace=True)
    session.flush()
    log(session, alternative, "edited", facilitator=facilitator, before=before,
        after={"title": alternative.title, "description": alternative.description},
        perspective_ids=[p.id for p in alternative.perspectives],
        reflection_ids=[r.id for r in alternative.reflections])
    changed(session, alternative, "alternative_changed")
    return alternative


def set_hidden(session: Session, alternative: Alternative, facilitator: Facilitator | None,
               hidden: bool, reason: Any = "") -> Alternative:
    """Hide an alternative from the room (or show it again); nothing is deleted."""
    alternative.hidden = bool(hidden)
    session.flush()
    log(session, alternative, "hidden" if hidden else "restored", facilitator=facilitator,
        reason=optional_text(reason, "reason", 1000))
    changed(session, alternative, "alternative_changed")
    return alternative


def alternatives_of(session: Session, process: Process, *, include_hidden: bool = True
                    ) -> list[Alternative]:
    query = select(Alternative).where(Alternative.process_id == process.id)
    if not include_hidden:
        query = query.where(Alternative.hidden.is_(False))
    return list(session.scalars(query.order_by(Alternative.id)))


def require_undecided(alternative: Alternative) -> None:
    if alternative.outcome in DECIDED:
        raise Conflict("alternative_decided", outcome=alternative.outcome.value)


def log(session: Session, alternative: Alternative, kind: str, *,
        facilitator: Facilitator | None = None, participant_id: int | None = None,
        **data: Any) -> AlternativeEvent:
    """Append one step to the alternative's history."""
    event = AlternativeEvent(kind=kind, data=data,
                             facilitator_id=facilitator.id if facilitator else None,
                             participant_id=participant_id)
    alternative.events.append(event)  # through the collection, so it is never stale
    session.flush()
    return event


def changed(session: Session, alternative: Alternative, kind: str, **extra: Any) -> None:
    """Tell the live layer (after commit) that an alternative changed."""
    record(session, "konkret-changed", process_id=alternative.process_id, kind=kind,
           alternative=AlternativeOut.dump(alternative), **extra)


def is_open(alternative: Alternative) -> bool:
    return alternative.outcome is AlternativeOutcome.OPEN and not alternative.hidden
