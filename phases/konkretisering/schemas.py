"""What konkretisering answers: alternatives, rounds, votes, prompts, goals and proposals.

Each schema reads the ORM object by attribute (``Schema.dump(obj)``); the computed parts
(tallies, minorities) are filled in by the domain module that knows how to count them.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, AliasPath, BeforeValidator, Field

from dialog.actions.fields import Timestamp
from dialog.actions.schema import Output
from dialog.models import (
    AlternativeOutcome,
    GoalKind,
    ModerationStatus,
    PerspectiveKind,
    ProposalStatus,
    RoundStatus,
    ViewChange,
    VoteValue,
)


def _ids(value: Any) -> list[int]:
    return [item["id"] if isinstance(item, dict) else getattr(item, "id", item)
            for item in value or []]


def _listed(value: Any) -> list[Any]:
    return list(value or [])


#: Related rows (or their ids) as a list of ids.
Ids = Annotated[list[int], BeforeValidator(_ids)]
Texts = Annotated[list[str], BeforeValidator(_listed)]


def _from(*names: str) -> Any:
    """A field read from the first of ``names`` the source has (ORM name, then JSON name)."""
    return Field(validation_alias=AliasChoices(*names))


class AlternativeOut(Output):
    id: int
    process_id: int
    phase_id: int | None
    title: str
    description: str
    outcome: AlternativeOutcome
    hidden: bool
    perspective_ids: Ids = _from("perspectives", "perspective_ids")
    reflection_ids: Ids = _from("reflections", "reflection_ids")
    created_at: Timestamp
    decided_at: Timestamp | None


class EventOut(Output):
    """One step of an alternative's history."""

    id: int
    kind: str
    data: dict[str, Any]
    participant_id: int | None
    by_facilitator: bool
    created_at: Timestamp


class CheckbackRoundOut(Output):
    id: int
    process_id: int
    title: str
    status: RoundStatus
    accepting: bool
    phase_id: int | None
    after_phase_id: int | None
    after_round_id: int | None
    alternative_ids: Ids = _from("alternatives", "alternative_ids")
    opened_at: Timestamp
    closes_at: Timestamp | None
    closed_at: Timestamp | None
    decisive: bool


class CheckbackTally(Output):
    """An alternative's result in one check-back round."""

    round_id: int
    title: str
    status: RoundStatus
    after_phase_id: int | None
    decisive: bool
    tally: dict[str, int]


class VoteRoundOut(Output):
    id: int
    alternative_id: int
    alternative_title: str
    number: int
    text: str
    status: RoundStatus
    #: ``for``, ``against``, ``total``.
    tally: dict[str, int]
    majority: str | None
    minority_asked: bool
    #: Participant ids of the minority of a closed round (phones receive it empty).
    minority: list[int]
    question: str | None
    opened_at: Timestamp
    closed_at: Timestamp | None


class AmendmentOut(Output):
    id: int
    alternative_id: int
    vote_round_id: int | None
    #: The author's participant id only (a random token's row); None for the facilitator.
    participant_id: int | None
    by_facilitator: bool
    text: str
    included: bool
    excluded_reason: str
    personal_data: Texts
    created_at: Timestamp


class DissentOut(Output):
    id: int
    vote_round_id: int
    participant_id: int
    side: VoteValue
    reason: str
    recorded_at: Timestamp


class PerspectiveEntry(Output):
    """A perspective behind an alternative, with its stakeholder group."""

    id: int
    #: Flagged personal data redacted (``Perspective.shown_text``).
    text: str = _from("shown_text", "text")
    kind: PerspectiveKind
    stakeholder_group: str | None = _from("group_name", "stakeholder_group")
    status: ModerationStatus
    phase_id: int | None
    workshop_id: int | None
    created_at: Timestamp


class ReflectionEntry(Output):
    """A reflection behind an alternative: what was said and by which group, never by whom."""

    id: int
    round_id: int | None
    round_title: str | None = Field(None, validation_alias=AliasChoices(
        "round_title", AliasPath("round", "title")))
    understood: str
    question: str
    keep: str
    view_change: ViewChange
    moved_by_id: int | None
    stakeholder_group: str | None = _from("group_name", "stakeholder_group")
    status: ModerationStatus
    created_at: Timestamp


class AlternativeDetail(AlternativeOut):
    """An alternative with its check-backs, votes, amendments, dissent and history."""

    checkbacks: list[CheckbackTally]
    vote_rounds: list[VoteRoundOut]
    amendments: list[AmendmentOut]
    dissent: list[DissentOut]
    history: list[EventOut]


class AlternativeFull(AlternativeDetail):
    """An alternative with the perspectives and reflections behind it, spelled out."""

    perspectives: list[PerspectiveEntry]
    reflections: list[ReflectionEntry]


class RatingReason(Output):
    value: str
    reason: str
    personal_data: Texts


class CheckbackItem(Output):
    id: int
    title: str
    outcome: AlternativeOutcome
    tally: dict[str, int]
    reasons: list[RatingReason]


class CheckbackResults(Output):
    """A check-back round with, per alternative, its counts and the reasons given."""

    round: CheckbackRoundOut
    participants: int
    alternatives: list[CheckbackItem]


class AnswerOut(Output):
    id: int
    prompt_id: int
    participant_id: int
    text: str
    hidden: bool
    personal_data: Texts
    created_at: Timestamp


class PromptOut(Output):
    id: int
    process_id: int
    alternative_id: int | None
    question: str
    status: RoundStatus
    opened_at: Timestamp
    closed_at: Timestamp | None


class PromptWithAnswers(PromptOut):
    answers: list[AnswerOut]


class GoalOut(Output):
    id: int
    code: str
    kind: GoalKind
    title: str
    description: str
    budget_tkr: int | None
    parent_id: int | None
    committee: str
    label: str


class StatusUpdateOut(Output):
    id: int
    status: ProposalStatus
    note: str
    dated: date
    created_at: Timestamp


class ProposalOut(Output):
    id: int
    process_id: int
    title: str
    description: str
    owner: str
    budget_tkr: int | None
    starts_on: date | None
    ends_on: date | None
    committee_goal: GoalOut | None
    indicators: Texts
    status: ProposalStatus
    alternative_ids: Ids = _from("alternatives", "alternative_ids")
    status_updates: list[StatusUpdateOut] = _from("updates", "status_updates")
    created_at: Timestamp


class TracePerspective(PerspectiveEntry):
    alternative_ids: list[int]


class ReflectionPerspective(PerspectiveEntry):
    """A perspective reached only through a reflection: ``moved_by`` or ``shown``."""

    via: Literal["moved_by", "shown"]
    reflection_ids: list[int]


class TraceReflection(ReflectionEntry):
    alternative_ids: list[int]


class GroupCoverage(Output):
    name: str | None
    perspectives: int
    missing: bool


class Trace(Output):
    """The chain behind a proposal, each perspective with its stakeholder group."""

    proposal: ProposalOut
    committee_goal: GoalOut | None
    alternatives: list[AlternativeDetail]
    reflections: list[TraceReflection]
    perspectives: list[TracePerspective]
    reflection_perspectives: list[ReflectionPerspective]
    stakeholder_groups: list[GroupCoverage]
