"""Check-back rounds: open one on the alternatives, phones rate them, close and read."""

from __future__ import annotations

from typing import Any

from dialog.actions import Call, Input, Output, Role, Target, operation
from dialog.actions.fields import ClientId, Flag, Id, LooseIds, LooseNumber, LooseText
from dialog.actions.inputs import OfProcess
from dialog.models import CheckbackRound, Process
from phases.konkretisering import checkback
from phases.konkretisering.operations import SENT_ONCE
from phases.konkretisering.schemas import CheckbackResults

ROUND = Target(CheckbackRound, "round_id")


class NewCheckbackRound(OfProcess):
    title: LooseText = None
    alternative_ids: LooseIds = None
    after_phase_id: LooseNumber = None
    after_round_id: LooseNumber = None
    #: ISO 8601; without a time zone it is read as UTC.
    closes_at: LooseText = None


class CheckbackRounds(Output):
    checkback_rounds: list[CheckbackResults]


class CheckbackRoundRef(Input):
    round_id: Id


class Rating(CheckbackRoundRef):
    alternative_id: Id
    value: LooseText = None
    reason: LooseText = ""
    client_id: ClientId = SENT_ONCE


class Rated(Output):
    id: int
    round_id: int
    alternative_id: int
    value: str
    duplicate: bool
    client_id: str


@operation("checkback.open", input=NewCheckbackRound, role=Role.FACILITATOR,
           result=CheckbackResults, target=Target(Process, "process_id"))
def open_round(call: Call[NewCheckbackRound]) -> dict[str, Any]:
    """Open a check-back round on the given alternatives (default: every open one)."""
    data = call.input
    opened = checkback.open_round(
        call.session, call.target, call.facilitator, title=data.title,
        alternative_ids=data.alternative_ids, after_phase_id=data.after_phase_id,
        after_round_id=data.after_round_id, closes_at=data.closes_at)
    return checkback.results(call.session, opened)


@operation("checkback.list", input=OfProcess, role=Role.FACILITATOR, result=CheckbackRounds,
           target=Target(Process, "process_id"), changes=False)
def list_rounds(call: Call[OfProcess]) -> dict[str, Any]:
    """Every check-back round of a process with its results."""
    return {"checkback_rounds": [checkback.results(call.session, r)
                                 for r in checkback.rounds_of(call.session, call.target)]}


@operation("checkback.get", input=CheckbackRoundRef, role=Role.FACILITATOR, result=CheckbackResults,
           target=ROUND, changes=False)
def get(call: Call[CheckbackRoundRef]) -> dict[str, Any]:
    """A check-back round: per alternative the counts and the reasons given."""
    return checkback.results(call.session, call.target)


@operation("checkback.close", input=CheckbackRoundRef, role=Role.FACILITATOR,
           result=CheckbackResults, target=ROUND)
def close(call: Call[CheckbackRoundRef]) -> dict[str, Any]:
    """Close a check-back round; it takes no more ratings."""
    checkback.close_round(call.session, call.target, call.facilitator)
    return checkback.results(call.session, call.target)


class DecisiveMark(CheckbackRoundRef):
    #: False takes the mark away again.
    decisive: Flag = True


@operation("checkback.mark_decisive", input=DecisiveMark, role=Role.FACILITATOR,
           result=CheckbackResults, target=ROUND)
def mark_decisive(call: Call[DecisiveMark]) -> dict[str, Any]:
    """Mark the round whose answers are published as its alternatives' support."""
    call.target.decisive = bool(call.input.decisive)
    call.session.flush()
    return checkback.results(call.session, call.target)


@operation("checkback.rate", input=Rating, role=Role.PARTICIPANT, result=Rated, target=ROUND)
def rate(call: Call[Rating]) -> Rated:
    """Rate an alternative: supports, can live with or objects (once per client_id)."""
    data = call.input
    rating, duplicate = checkback.rate(
        call.session, call.participant, call.target, alternative_id=data.alternative_id,
        value=data.value, reason=data.reason, client_id=data.client_id)
    return Rated(id=rating.id, round_id=rating.round_id, alternative_id=rating.alternative_id,
                 value=rating.value.value, duplicate=duplicate, client_id=rating.client_id)
