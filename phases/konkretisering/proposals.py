"""Proposals (förslag) from accepted alternatives, with dated status updates kept in full."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog import policy
from dialog.errors import Conflict, DialogError
from dialog.events import record
from dialog.models import (
    Alternative,
    CommitteeGoal,
    Facilitator,
    Process,
    Proposal,
    ProposalStatus,
    ProposalStatusUpdate,
)
from dialog.models.alternative import ACCEPTED
from dialog.publication import feed
from dialog.services import subscriptions
from dialog.services.ids import optional_id
from dialog.services.personal_data import personal_data_kinds
from phases.konkretisering import alternatives as alternative_service
from phases.konkretisering.fields import (
    id_list,
    optional_budget,
    optional_date,
    optional_text,
    required_text,
    text_list,
)
from phases.konkretisering.schemas import ProposalOut

#: Swedish names are accepted too, as the committee writes them.
STATUS_ALIASES = {"planerad": "planned", "pågår": "ongoing", "genomförd": "completed",
                  "avslutad": "closed"}


def create_proposal(
    session: Session, process: Process, facilitator: Facilitator | None, *,
    title: Any, owner: Any, alternative_ids: Any, description: Any = "", budget_tkr: Any = None,
    starts_on: Any = None, ends_on: Any = None, committee_goal_id: Any = None,
    indicators: Any = None, dated: Any = None,
) -> Proposal:
    """Make a proposal from accepted alternatives; its first status, planerad, is dated."""
    alternatives = _accepted_alternatives(session, process, alternative_ids)
    start, end = optional_date(starts_on, "starts_on"), optional_date(ends_on, "ends_on")
    if start and end and end < start:
        raise DialogError("ends_before_start")
    owner_text = required_text(owner, "owner", 200)
    if personal_data_kinds(owner_text):  # a role or an organisation, never a person's contact
        raise DialogError("owner_personal_data")
    goal_id = optional_id(committee_goal_id, "committee_goal_id")
    if goal_id is not None and policy.load(session, CommitteeGoal, goal_id).process_id != (
            process.id):
        raise DialogError("committee_goal_not_in_process", id=goal_id)
    proposal = Proposal(
        process_id=process.id, title=required_text(title, "title", 200),
        description=optional_text(description, "description", 4000),
        owner=owner_text, budget_tkr=optional_budget(budget_tkr),
        starts_on=start, ends_on=end, committee_goal_id=goal_id,
        indicators=text_list(indicators, "indicators"), status=ProposalStatus.PLANNED,
        created_by_id=facilitator.id if facilitator else None, alternatives=alternatives)
    session.add(proposal)
    session.flush()
    session.add(ProposalStatusUpdate(proposal_id=proposal.id, status=ProposalStatus.PLANNED,
                                     note="Förslaget skapades.",
                                     dated=optional_date(dated, "dated") or date.today(),
                                     facilitator_id=proposal.created_by_id))
    for alternative in alternatives:
        alternative_service.log(session, alternative, "proposal_created", facilitator=facilitator,
                                proposal_id=proposal.id, title=proposal.title)
    session.flush()
    session.expire(proposal, ["updates"])
    record(session, "konkret-changed", process_id=process.id, kind="proposal_changed",
           proposal=ProposalOut.dump(proposal))
    return proposal


def _accepted_alternatives(session: Session, process: Process, value: Any) -> list[Alternative]:
    ids = id_list(value, "alternative_ids")
    if not ids:
        raise DialogError("alternatives_required")
    found = []
    for alternative_id in ids:
        alternative = session.get(Alternative, alternative_id)
        if alternative is None or alternative.process_id != process.id:
            raise DialogError("alternative_not_in_process", id=alternative_id)
        if alternative.outcome not in ACCEPTED:
            raise Conflict("alternative_not_accepted", id=alternative_id)
        found.append(alternative)
    return found


def add_status_update(session: Session, proposal: Proposal, facilitator: Facilitator | None, *,
                      status: Any, note: Any = "", dated: Any = None) -> ProposalStatusUpdate:
    """Add a dated status update; the proposal's status is the one of the latest date."""
    update = ProposalStatusUpdate(
        proposal_id=proposal.id, status=parse_status(status),
        note=optional_text(note, "note", 2000),
        dated=optional_date(dated, "dated") or date.today(),
        facilitator_id=facilitator.id if facilitator else None)
    session.add(update)
    session.flush()
    session.expire(proposal, ["updates"])
    proposal.status = proposal.updates[-1].status
    session.flush()
    record(session, "konkret-changed", process_id=proposal.process_id, kind="proposal_changed",
           proposal=ProposalOut.dump(proposal))
    announce_status(session, proposal, update)
    return update


def announce_status(session: Session, proposal: Proposal, update: ProposalStatusUpdate) -> None:
    """Mail the subscribers, when the proposal is public (a published version shows it)."""
    if not feed.is_public(session, proposal):
        return
    process = session.get(Process, proposal.process_id)
    assert process is not None
    subscriptions.announce(session, process, "status", proposal=proposal.title,
                           status=subscriptions.Localized(f"publish.status.{update.status}"),
                           note=update.note and f"\n{update.note}\n")


def parse_status(value: Any) -> ProposalStatus:
    text = STATUS_ALIASES.get(value.strip().casefold(), value) if isinstance(value, str) else value
    try:
        return ProposalStatus(text)
    except ValueError as exc:
        raise DialogError("unknown_proposal_status") from exc


def proposals_of(session: Session, process: Process) -> list[Proposal]:
    return list(session.scalars(select(Proposal).where(Proposal.process_id == process.id)
                                .order_by(Proposal.id)))
