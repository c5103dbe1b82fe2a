"""What became of a proposal: the committee's decision, the consequence analysis, the
minority's conditions followed up, and everything of it at once (``follow-up``)."""

from __future__ import annotations

from typing import Any

from dialog.actions import Call, Role, Target, operation
from dialog.actions.fields import Id, LooseOptionalText, LooseText
from dialog.models import Proposal, ProposalConsequences, ProposalDecision
from phases.konkretisering import consequences, decisions, follow_up
from phases.konkretisering.followup_schemas import (
    ConditionOut,
    ConsequencesOut,
    DecisionOut,
    FollowUp,
)
from phases.konkretisering.operations import LooseFlag
from phases.konkretisering.operations.proposals import LooseDate, OneProposal

PROPOSAL = Target(Proposal, "proposal_id")


class NewDecision(OneProposal):
    #: Who decided; defaults to the process's ``decision_maker``.
    body: LooseOptionalText = None
    decided_on: LooseDate = None
    #: E.g. "§ 23".
    paragraph: LooseText = ""
    #: The diary number, e.g. "RS 2021/123".
    case_number: LooseText = ""
    #: approved, rejected, referred_back or noted.
    outcome: LooseText = None
    note: LooseText = ""


class Consequences(OneProposal):
    #: Barnrätt: what the proposal means for children (barnets bästa).
    children: LooseOptionalText = None
    #: Jämlikhet och jämställdhet.
    equality: LooseOptionalText = None
    #: Ekologisk hållbarhet.
    ecology: LooseOptionalText = None


class ConditionMark(OneProposal):
    amendment_id: Id
    followed_up: LooseFlag = True
    note: LooseText = ""
    dated: LooseDate = None


@operation("proposal.decide", input=NewDecision, role=Role.FACILITATOR, result=DecisionOut,
           target=PROPOSAL)
def decide(call: Call[NewDecision]) -> ProposalDecision:
    """Record the committee's decision on the proposal (paragraph, case number, outcome)."""
    data = call.input
    return decisions.add_decision(
        call.session, call.target, call.facilitator, body=data.body,
        decided_on=data.decided_on, paragraph=data.paragraph, case_number=data.case_number,
        outcome=data.outcome, note=data.note)


@operation("proposal.consequences", input=Consequences, role=Role.FACILITATOR,
           result=ConsequencesOut, target=PROPOSAL)
def analyse(call: Call[Consequences]) -> ProposalConsequences:
    """Write the consequence analysis: children's rights, equality, ecology."""
    data = call.input
    return consequences.set_consequences(call.session, call.target, {
        "children": data.children, "equality": data.equality, "ecology": data.ecology})


@operation("proposal.condition", input=ConditionMark, role=Role.FACILITATOR,
           result=ConditionOut, target=PROPOSAL)
def mark_condition(call: Call[ConditionMark]) -> dict[str, Any]:
    """Mark a minority's condition of the proposal followed up (or not yet)."""
    data = call.input
    flag = data.followed_up
    followed = flag.strip().lower() in ("1", "true", "on", "yes", "ja") if isinstance(
        flag, str) else flag is True
    return consequences.follow_up_condition(call.session, call.target, data.amendment_id,
                                            followed_up=followed, note=data.note,
                                            dated=data.dated)


@operation("proposal.follow_up", input=OneProposal, role=Role.FACILITATOR, result=FollowUp,
           target=PROPOSAL, changes=False)
def get_follow_up(call: Call[OneProposal]) -> dict[str, Any]:
    """Decisions, budget lines, indicators, consequences and conditions of a proposal."""
    return follow_up.of_proposal(call.session, call.target)
