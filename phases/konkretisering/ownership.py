"""Proposal owners and their status updates: who follows a proposal up after the dialogue.

``POST /proposals/{id}/owners`` (the team) names an account, or invites an address, as an
owner of one proposal. The owner reads that proposal and its status updates and adds dated
updates (``proposal.status``, declared with ``proposal_owners=True``); nothing else of the
process is theirs to see.
"""

from __future__ import annotations

from typing import Any

from dialog.actions import Call, Output, Role, Target, operation
from dialog.actions.fields import LooseText
from dialog.models import Proposal
from dialog.operations.team import MemberOut, shown
from dialog.services import ownership
from phases.konkretisering.operations.proposals import OneProposal
from phases.konkretisering.schemas import StatusUpdateOut

PROPOSAL = Target(Proposal, "proposal_id")


class NewOwner(OneProposal):
    email: LooseText = None


class Owners(Output):
    owners: list[str]


class StatusUpdates(Output):
    proposal_id: int
    status: str
    updates: list[StatusUpdateOut]


@operation("proposal.add_owner", input=NewOwner, role=Role.FACILITATOR, result=MemberOut,
           target=PROPOSAL)
def add_owner(call: Call[NewOwner]) -> MemberOut:
    """Name an account (or invite an address) as an owner who follows the proposal up."""
    return shown(ownership.add_owner(call.session, call.target, call.input.email,
                                     call.facilitator))


@operation("proposal.owners", input=OneProposal, role=Role.FACILITATOR, result=Owners,
           target=PROPOSAL, changes=False, proposal_owners=True)
def list_owners(call: Call[OneProposal]) -> dict[str, Any]:
    """The accounts that own the proposal."""
    return {"owners": ownership.owners_of(call.session, call.target)}


@operation("proposal.status_updates", input=OneProposal, role=Role.FACILITATOR,
           result=StatusUpdates, target=PROPOSAL, changes=False, proposal_owners=True)
def list_updates(call: Call[OneProposal]) -> dict[str, Any]:
    """The proposal's dated status updates, oldest first."""
    proposal: Proposal = call.target
    return {"proposal_id": proposal.id, "status": proposal.status.value,
            "updates": proposal.updates}
