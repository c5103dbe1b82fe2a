"""The majority vote and minority wisdom: open, cast, close; the minority's conditions."""

from __future__ import annotations

from typing import Any

from dialog.actions import Call, Input, Output, Role, Target, operation
from dialog.actions.fields import ClientId, Id, LooseNumber, LooseText
from dialog.models import Alternative, Amendment, VoteRound
from phases.konkretisering import majority_vote, minority_wisdom
from phases.konkretisering.operations import SENT_ONCE, LooseFlag
from phases.konkretisering.schemas import AmendmentOut, VoteRoundOut

ALTERNATIVE = Target(Alternative, "alternative_id")
ROUND = Target(VoteRound, "vote_round_id")


class OnAlternative(Input):
    alternative_id: Id


class VoteRoundRef(Input):
    vote_round_id: Id


class Ballot(VoteRoundRef):
    value: LooseText = None
    reason: LooseText = ""
    client_id: ClientId = SENT_ONCE


class Cast(Output):
    id: int
    vote_round_id: int
    value: str
    duplicate: bool
    client_id: str


class Condition(VoteRoundRef):
    text: LooseText = None
    client_id: ClientId = SENT_ONCE


class MinorityAnswered(AmendmentOut):
    duplicate: bool
    client_id: str | None


class Written(OnAlternative):
    text: LooseText = None
    vote_round_id: LooseNumber = None


class Inclusion(Input):
    amendment_id: Id
    included: LooseFlag = True
    reason: LooseText = ""


@operation("vote.open", input=OnAlternative, role=Role.FACILITATOR, result=VoteRoundOut,
           target=ALTERNATIVE)
def open_vote(call: Call[OnAlternative]) -> dict[str, Any]:
    """Open the next vote on an alternative, its included amendments written in."""
    opened = majority_vote.open_vote(call.session, call.target, call.facilitator)
    return majority_vote.vote_round_out(call.session, opened)


@operation("vote.get", input=VoteRoundRef, role=Role.FACILITATOR, result=VoteRoundOut,
           target=ROUND, changes=False)
def get(call: Call[VoteRoundRef]) -> dict[str, Any]:
    """A vote round with its tally (and, once closed, its minority)."""
    return majority_vote.vote_round_out(call.session, call.target)


@operation("vote.close", input=VoteRoundRef, role=Role.FACILITATOR, result=VoteRoundOut,
           target=ROUND)
def close_vote(call: Call[VoteRoundRef]) -> dict[str, Any]:
    """Close and count a round; its minority is asked what it would take to come along."""
    majority_vote.close_vote(call.session, call.target, call.facilitator)
    return majority_vote.vote_round_out(call.session, call.target)


@operation("vote.cast", input=Ballot, role=Role.PARTICIPANT, result=Cast, target=ROUND)
def cast(call: Call[Ballot]) -> Cast:
    """Vote for or against (stored once per client_id; the latest vote counts)."""
    data = call.input
    vote, duplicate = majority_vote.cast_vote(call.session, call.participant, call.target,
                                              value=data.value, reason=data.reason,
                                              client_id=data.client_id)
    return Cast(id=vote.id, vote_round_id=vote.vote_round_id, value=vote.value.value,
                duplicate=duplicate, client_id=vote.client_id)


@operation("minority.answer", input=Condition, role=Role.PARTICIPANT, result=MinorityAnswered,
           target=ROUND)
def answer_minority(call: Call[Condition]) -> MinorityAnswered:
    """A minority member names what it would take (stored once per client_id)."""
    amendment, duplicate = minority_wisdom.answer_minority(
        call.session, call.participant, call.target, text=call.input.text,
        client_id=call.input.client_id)
    return MinorityAnswered(**AmendmentOut.dump(amendment), duplicate=duplicate,
                    client_id=amendment.client_id)


@operation("amendment.add", input=Written, role=Role.FACILITATOR, result=AmendmentOut,
           target=ALTERNATIVE)
def add_amendment(call: Call[Written]) -> Amendment:
    """Write down a condition heard in the room."""
    return minority_wisdom.add_amendment(call.session, call.target, call.facilitator,
                                         text=call.input.text,
                                         vote_round_id=call.input.vote_round_id)


@operation("amendment.include", input=Inclusion, role=Role.FACILITATOR, result=AmendmentOut,
           target=Target(Amendment, "amendment_id"))
def include(call: Call[Inclusion]) -> Amendment:
    """Leave an amendment out of the next vote (with a reason), or take it back in."""
    return minority_wisdom.set_included(call.session, call.target, call.facilitator,
                                        call.input.included is not False, call.input.reason)
