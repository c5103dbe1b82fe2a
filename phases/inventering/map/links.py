"""Explicit links between perspectives: builds on, contrasts with, same as."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError, NotFound
from dialog.events import record
from dialog.models import (
    Facilitator,
    LinkRelation,
    ModerationStatus,
    Participant,
    Perspective,
    PerspectiveLink,
    Process,
)
from dialog.services.exactly_once import insert_once
from dialog.services.ids import parse_id
from phases.inventering.map.schemas import LinkOut


def parse_relation(relation: Any) -> LinkRelation:
    try:
        return LinkRelation(relation)
    except ValueError as exc:
        raise DialogError("unknown_relation", relation=str(relation)[:40]) from exc


def create_link(
    session: Session,
    process: Process,
    *,
    source_id: Any,
    target_id: Any,
    relation: Any,
    facilitator: Facilitator | None = None,
    participant: Participant | None = None,
) -> tuple[PerspectiveLink, bool]:
    """Draw a link between two approved perspectives of the process; return it and if new.

    Drawing the same link again returns the first one. Symmetric relations (contrasts with,
    same as) are stored with the smaller id first, so A-B and B-A are the same link.
    """
    if (facilitator is None) == (participant is None):
        raise ValueError("a link is drawn by exactly one facilitator or participant")
    if participant is not None and participant.process_id != process.id:
        raise DialogError("token_not_for_this_process", 403)
    kind = parse_relation(relation)
    source = _linkable(session, process, parse_id(source_id, "source_id"))
    target = _linkable(session, process, parse_id(target_id, "target_id"))
    if source.id == target.id:
        raise DialogError("link_to_itself")
    first, second = source.id, target.id
    if kind.symmetric and first > second:
        first, second = second, first
    existing = _find(session, first, second, kind)
    if existing is not None:
        return existing, False
    link, duplicate = insert_once(session, PerspectiveLink(
        process_id=process.id, source_id=first, target_id=second, relation=kind,
        facilitator_id=facilitator.id if facilitator else None,
        participant_id=participant.id if participant else None,
    ), winner=lambda: _find(session, first, second, kind))
    if not duplicate:
        record(session, "link-created", process_id=process.id, link=LinkOut.dump(link))
    return link, not duplicate


def links_of_process(
    session: Session, process_id: int, *, approved_only: bool = False
) -> list[PerspectiveLink]:
    """Return the process's links, oldest first; optionally only between approved ones."""
    query = (select(PerspectiveLink).where(PerspectiveLink.process_id == process_id)
             .order_by(PerspectiveLink.id))
    links = list(session.scalars(query))
    if not approved_only or not links:
        return links
    approved = set(session.scalars(select(Perspective.id).where(
        Perspective.process_id == process_id,
        Perspective.status == ModerationStatus.APPROVED)))
    return [k for k in links if k.source_id in approved and k.target_id in approved]


def _linkable(session: Session, process: Process, perspective_id: int) -> Perspective:
    perspective = session.get(Perspective, perspective_id)
    if perspective is None or perspective.process_id != process.id:
        raise NotFound("perspective_not_found")
    if perspective.status is not ModerationStatus.APPROVED:
        raise DialogError("perspective_not_open_for_reactions", 409)
    return perspective


def _find(session: Session, source_id: int, target_id: int,
          relation: LinkRelation) -> PerspectiveLink | None:
    return session.scalar(select(PerspectiveLink).where(
        PerspectiveLink.source_id == source_id, PerspectiveLink.target_id == target_id,
        PerspectiveLink.relation == relation))
