"""Proposals from accepted alternatives, their dated status, their trace, and the export."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import WithJsonSchema

from dialog.actions import Call, Input, Output, Role, Target, operation
from dialog.actions.fields import Id, LooseIds, LooseNumber, LooseText
from dialog.actions.inputs import OfProcess
from dialog.models import Process, Proposal, ProposalStatusUpdate
from phases.konkretisering import export, proposals
from phases.konkretisering.schemas import ProposalOut, StatusUpdateOut, Trace
from phases.konkretisering.trace import trace

PROPOSAL = Target(Proposal, "proposal_id")
#: ``YYYY-MM-DD``.
LooseDate = Annotated[Any, WithJsonSchema({"type": ["string", "null"], "format": "date"})]
LooseTexts = Annotated[Any, WithJsonSchema({"type": "array", "items": {"type": "string"}})]


class Proposals(Output):
    proposals: list[ProposalOut]


class NewProposal(OfProcess):
    title: LooseText = None
    owner: LooseText = None
    alternative_ids: LooseIds = None
    description: LooseText = ""
    budget_tkr: LooseNumber = None
    starts_on: LooseDate = None
    ends_on: LooseDate = None
    committee_goal_id: LooseNumber = None
    #: A list of short texts (or one text, a line each).
    indicators: LooseTexts = None
    dated: LooseDate = None


class OneProposal(Input):
    proposal_id: Id


class StatusUpdate(OneProposal):
    #: Left out: the proposal's current status stays, with a new dated note.
    status: LooseText = None
    note: LooseText = ""
    #: Another name for ``note`` (a proposal owner's update).
    text: LooseText = None
    dated: LooseDate = None


class Updated(Output):
    update: StatusUpdateOut
    proposal: ProposalOut


@operation("proposal.list", input=OfProcess, role=Role.FACILITATOR, result=Proposals,
           target=Target(Process, "process_id"), changes=False)
def list_proposals(call: Call[OfProcess]) -> dict[str, list[Proposal]]:
    """The proposals of a process."""
    return {"proposals": proposals.proposals_of(call.session, call.target)}


@operation("proposal.create", input=NewProposal, role=Role.FACILITATOR, result=ProposalOut,
           target=Target(Process, "process_id"))
def create(call: Call[NewProposal]) -> Proposal:
    """Make a proposal from accepted alternatives; its first status, planerad, is dated."""
    data = call.input
    return proposals.create_proposal(
        call.session, call.target, call.facilitator, title=data.title, owner=data.owner,
        alternative_ids=data.alternative_ids, description=data.description,
        budget_tkr=data.budget_tkr, starts_on=data.starts_on, ends_on=data.ends_on,
        committee_goal_id=data.committee_goal_id, indicators=data.indicators, dated=data.dated)


@operation("proposal.get", input=OneProposal, role=Role.FACILITATOR, result=ProposalOut,
           target=PROPOSAL, changes=False, proposal_owners=True)
def get(call: Call[OneProposal]) -> Proposal:
    """A proposal with its status history."""
    return call.target  # type: ignore[no-any-return]


@operation("proposal.status", input=StatusUpdate, role=Role.FACILITATOR, result=Updated,
           target=PROPOSAL, proposal_owners=True)
def add_status(call: Call[StatusUpdate]) -> dict[str, Any]:
    """Add a dated status update; the status of the latest date is the proposal's."""
    data = call.input
    update: ProposalStatusUpdate = proposals.add_status_update(
        call.session, call.target, call.facilitator,
        status=data.status if data.status not in (None, "") else call.target.status,
        note=data.note or data.text or "", dated=data.dated)
    return {"update": update, "proposal": call.target}


@operation("proposal.trace", input=OneProposal, role=Role.FACILITATOR, result=Trace,
           target=PROPOSAL, changes=False)
def get_trace(call: Call[OneProposal]) -> dict[str, Any]:
    """The chain behind a proposal: alternatives, reflections, perspectives, groups."""
    return trace(call.session, call.target)


@operation("konkretisering.export", input=OfProcess, role=Role.FACILITATOR,
           target=Target(Process, "process_id"), changes=False)
def export_all(call: Call[OfProcess]) -> dict[str, Any]:
    """The whole konkretisering of a process as one JSON document (flagged texts left out)."""
    return export.export(call.session, call.target)
