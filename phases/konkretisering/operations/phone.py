"""Following konkretisering live: the console watches a process, a phone reads its state."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from dialog.actions import Call, Output, Role, Target, operation
from dialog.actions.inputs import NoInput, OfProcess
from dialog.models import Process
from phases.konkretisering import alternatives, checkback, fishing, majority_vote
from phases.konkretisering.phone import phone_state
from phases.konkretisering.schemas import (
    AlternativeOut,
    CheckbackResults,
    CheckbackRoundOut,
    PromptOut,
    PromptWithAnswers,
    VoteRoundOut,
)


class Watched(Output):
    process_id: int
    alternatives: list[AlternativeOut]
    vote_rounds: list[VoteRoundOut]
    checkback_rounds: list[CheckbackResults]
    fishing: list[PromptWithAnswers]


class MyAlternative(Output):
    id: int
    title: str
    description: str
    my_rating: dict[str, str] | None


class MyCheckback(CheckbackRoundOut):
    alternatives: list[MyAlternative]


class MyVote(Output):
    id: int
    alternative_id: int
    title: str
    number: int
    text: str
    my_vote: dict[str, str] | None


class MyMinorityPrompt(Output):
    vote_round_id: int
    alternative_id: int
    title: str
    text: str
    number: int
    question: str
    my_conditions: list[str]


class HideNote(Output):
    action: str
    #: Why, in the reader's language when it is a common reason, else as written.
    reason: str
    reason_code: str | None = None


class MyAnswer(Output):
    id: int
    text: str
    hidden: bool
    #: Why it was hidden (null while it is shown).
    note: HideNote | None = None


class MyPrompt(PromptOut):
    my_answers: list[str]
    #: The same answers with whether each is hidden, and why.
    my_answer_items: list[MyAnswer] = Field(default_factory=list)


class PhoneState(Output):
    """What a phone can answer now: check-backs, votes, minority questions, fishing."""

    process_id: int
    participant_id: int
    #: The phone's meeting is closed: only what is answered from home is listed (a
    #: check-back with a deadline), as votes and the room's questions would be refused.
    meeting_closed: bool = False
    checkback_rounds: list[MyCheckback]
    votes: list[MyVote]
    minority_prompts: list[MyMinorityPrompt]
    fishing: list[MyPrompt]



@operation("konkretisering.watch", input=OfProcess, role=Role.FACILITATOR, result=Watched,
           target=Target(Process, "process_id"), changes=False)
def watch(call: Call[OfProcess]) -> dict[str, Any]:
    """Follow a process's konkretisering; what is there so far."""
    process, session = call.target, call.session
    found = alternatives.alternatives_of(session, process)
    return {
        "process_id": process.id,
        "alternatives": found,
        "vote_rounds": [majority_vote.vote_round_out(session, r)
                        for a in found for r in a.vote_rounds],
        "checkback_rounds": [checkback.results(session, r)
                             for r in checkback.rounds_of(session, process)],
        "fishing": fishing.prompts_of(session, process),
    }


@operation("konkretisering.mine", input=NoInput, role=Role.PARTICIPANT, result=PhoneState)
def mine(call: Call[NoInput]) -> dict[str, Any]:
    """What the calling phone can answer now, live or days later with its token."""
    return phone_state(call.session, call.participant, call.locale)
