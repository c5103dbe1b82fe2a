"""A proposal's consequence analysis, and the minority's conditions it carries.

The analysis asks three questions every proposal to the committee must answer: what it
means for children's rights (barnrättsperspektivet), for equality, and for the ecology.
The conditions are what the minority said would be needed ("utan uniform"): they were
added to the alternative as amendments, so they come with every proposal built from it,
and the team marks each one followed up when it is.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.models import (
    Amendment,
    ConditionFollowUp,
    Proposal,
    ProposalConsequences,
    utcnow,
)
from dialog.services.ids import parse_id
from phases.konkretisering.fields import optional_date, optional_text

MAX_ANALYSIS = 4000
ASPECTS = ("children", "equality", "ecology")


def set_consequences(session: Session, proposal: Proposal,
                     texts: dict[str, Any]) -> ProposalConsequences:
    """Write the analysis (each aspect given replaces the one before; others stay)."""
    found = consequences_of(session, proposal)
    if found is None:
        found = ProposalConsequences(proposal_id=proposal.id, children="", equality="",
                                     ecology="")
        session.add(found)
    for aspect in ASPECTS:
        if texts.get(aspect) is not None:
            setattr(found, aspect, optional_text(texts[aspect], aspect, MAX_ANALYSIS))
    found.updated_at = utcnow()
    session.flush()
    return found


def consequences_of(session: Session, proposal: Proposal) -> ProposalConsequences | None:
    return session.get(ProposalConsequences, proposal.id)


def conditions_of(session: Session, proposal: Proposal) -> list[dict[str, Any]]:
    """The conditions (amendments) of the proposal's alternatives, with their follow-up."""
    marks = {m.amendment_id: m for m in session.scalars(select(ConditionFollowUp).where(
        ConditionFollowUp.proposal_id == proposal.id))}
    found = []
    for alternative in proposal.alternatives:
        for amendment in alternative.amendments:
            mark = marks.get(amendment.id)
            found.append({
                "amendment_id": amendment.id, "alternative_id": alternative.id,
                "alternative_title": alternative.title, "text": amendment.text,
                "included": amendment.included, "from_minority": amendment.participant_id
                is not None, "personal_data": list(amendment.personal_data or []),
                "followed_up": bool(mark and mark.followed_up),
                "note": mark.note if mark else "", "dated": mark.dated if mark else None})
    return found


def follow_up_condition(session: Session, proposal: Proposal, amendment_id: Any, *,
                        followed_up: bool, note: Any = "", dated: Any = None) -> dict[str, Any]:
    """Mark one of the proposal's conditions followed up (with a note), or not yet."""
    wanted = parse_id(amendment_id, "amendment_id")
    amendment = session.get(Amendment, wanted)
    if amendment is None or amendment.alternative not in proposal.alternatives:
        raise DialogError("condition_not_of_proposal", 404, id=wanted)
    mark = session.scalar(select(ConditionFollowUp).where(
        ConditionFollowUp.proposal_id == proposal.id,
        ConditionFollowUp.amendment_id == wanted))
    if mark is None:
        mark = ConditionFollowUp(proposal_id=proposal.id, amendment_id=wanted)
        session.add(mark)
    mark.followed_up = followed_up
    mark.note = optional_text(note, "note", 2000)
    mark.dated = optional_date(dated, "dated")
    mark.updated_at = utcnow()
    session.flush()
    return next(c for c in conditions_of(session, proposal) if c["amendment_id"] == wanted)
