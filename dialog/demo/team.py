"""The demo's team: a co-facilitator, a reader from the committee, and the municipality
following up one proposal with its own dated status update."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.models import Facilitator, Process, Proposal
from dialog.services import facilitators, ownership, team
from dialog.services.passwords import hash_password
from phases.konkretisering import proposals

CO_FACILITATOR = "medledare@dialog.local"
READER = "namnd@dialog.local"
PROPOSAL_OWNER = "fritid@dialog.local"


def _account(session: Session, email: str, password: str) -> Facilitator:
    found = facilitators.find_by_email(session, email)
    if found is None:
        return facilitators.create_facilitator(session, email, password)
    found.password_hash = hash_password(password)
    return found


def build(session: Session, process: Process, password: str) -> dict[str, Any]:
    """Add the team and the proposal owner's update; return their logins and pages."""
    for email, role in ((CO_FACILITATOR, "facilitator"), (READER, "reader")):
        _account(session, email, password)
        team.add_member(session, process, email, role, None)
    municipality = _account(session, PROPOSAL_OWNER, password)
    followed = session.scalars(select(Proposal).where(Proposal.process_id == process.id)
                               .order_by(Proposal.id)).all()[-1:]
    for proposal in followed:
        ownership.add_owner(session, proposal, PROPOSAL_OWNER, None)
        proposals.add_status_update(
            session, proposal, municipality, status="ongoing",
            note="Andra fredagskvällen: 51 besökare; fältarna följer med hem till stationen.",
            dated=(date.today() - timedelta(days=3)).isoformat())
    return {"team": {"co_facilitator": CO_FACILITATOR, "reader": READER,
                     "proposal_owner": PROPOSAL_OWNER, "password": password},
            "urls": extra_urls(session, process)["urls"]}


def extra_urls(session: Session, process: Process) -> dict[str, Any]:
    urls = {"team": f"/facilitator/processes/{process.id}/team"}
    last = session.scalar(select(Proposal.id).where(Proposal.process_id == process.id)
                          .order_by(Proposal.id.desc()))
    if last is not None:
        urls["owner_updates"] = f"/facilitator/proposals/{last}/updates"
    return {"urls": urls}
