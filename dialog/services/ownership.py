"""Proposal owners: accounts outside the team that follow one proposal up.

An owner reads that proposal and adds dated status updates to it, nothing else of the
process (:mod:`dialog.policy`, actions declared with ``proposal_owners=True``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.models import Facilitator, Process, Proposal, ProposalOwner
from dialog.services import facilitators, team


def owners_of(session: Session, proposal: Proposal) -> list[str]:
    """The e-mail addresses of the proposal's owners."""
    return list(session.scalars(
        select(Facilitator.email).join(ProposalOwner, ProposalOwner.facilitator_id ==
                                       Facilitator.id)
        .where(ProposalOwner.proposal_id == proposal.id).order_by(ProposalOwner.id)))


def add_owner(session: Session, proposal: Proposal, email: Any,
              invited_by: Facilitator | None) -> team.Added:
    """Make an account an owner of the proposal, or invite the address."""
    address = team.clean_email(email)
    account = facilitators.find_by_email(session, address)
    if account is None:
        process = session.get(Process, proposal.process_id)
        assert process is not None
        token = team.invite(session, process, address, "proposal_owner", invited_by,
                            proposal_id=proposal.id)
        return team.Added(address, "proposal_owner", invited=True, invite_token=token)
    known = session.scalar(select(ProposalOwner).where(
        ProposalOwner.proposal_id == proposal.id, ProposalOwner.facilitator_id == account.id))
    if known is None:
        session.add(ProposalOwner(proposal_id=proposal.id, facilitator_id=account.id))
        session.flush()
    return team.Added(address, "proposal_owner")


def followed_by(session: Session, facilitator: Facilitator) -> list[Proposal]:
    """The proposals this account owns (what its dashboard lists to follow up)."""
    return list(session.scalars(
        select(Proposal).join(ProposalOwner, ProposalOwner.proposal_id == Proposal.id)
        .where(ProposalOwner.facilitator_id == facilitator.id).order_by(Proposal.id)))
