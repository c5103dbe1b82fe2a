"""Processes, phases, workshops and perspectives as the API, the events and exports show them."""

from __future__ import annotations

from typing import Any

from pydantic import AliasChoices, Field, field_validator

from dialog.actions.fields import Timestamp
from dialog.actions.schema import Output
from dialog.models import ModerationStatus, PerspectiveKind


class FoundPersonalData(Output):
    """One finding of the personal-data guard, as the facilitator's console lists it."""

    #: ``personnummer``, ``phone`` or ``email``.
    kind: str
    #: The words as written.
    text: str
    #: What a redaction puts in their place, e.g. ``[telefonnummer borttaget]``.
    placeholder: str


class PerspectiveOut(Output):
    id: int
    process_id: int
    workshop_id: int | None
    phase_id: int | None
    text: str
    kind: PerspectiveKind
    #: The stakeholder group's name (the ORM's ``group_name``).
    stakeholder_group: str | None = Field(
        validation_alias=AliasChoices("group_name", "stakeholder_group"))
    status: ModerationStatus
    #: Kinds of personal data found in the text (``personnummer``, ``phone``, ``email``).
    personal_data: list[str]
    #: When the guard flagged the text: the text with each finding replaced by its
    #: placeholder, which the ``redact`` moderation accepts as it stands; else null.
    suggested_text: str | None = None
    #: When the guard flagged the text: what it found, earliest first; else empty.
    personal_data_found: list[FoundPersonalData] = Field(default_factory=list)
    client_id: str | None
    participant_id: int | None
    created_at: Timestamp
    #: Entered by a facilitator from outside the room: ``interview``, ``paper``, ...; null
    #: when a participant wrote it.
    source: str | None = None

    @field_validator("personal_data", mode="before")
    @classmethod
    def _listed(cls, value: Any) -> list[str]:
        return list(value or [])


class MeetingPhaseOut(Output):
    """The phase round a meeting is in (meetings of one process may be in different ones)."""

    kind: str
    round: int
    status: str

    @field_validator("kind", "status", mode="before")
    @classmethod
    def _value(cls, value: Any) -> str:
        return str(getattr(value, "value", value))


class WorkshopOut(Output):
    id: int
    process_id: int
    phase_id: int | None
    title: str
    join_code: str
    state: str
    pre_moderation: bool
    created_at: Timestamp

    #: The meeting: where and when (ISO 8601 with offset), format, for whom, run by whom.
    place: str = ""
    starts_at: Timestamp | None = None
    ends_at: Timestamp | None = None
    format: str = "physical"
    target_groups: list[str] = Field(default_factory=list)
    facilitators: list[str] = Field(default_factory=list)
    agenda: str = ""
    requires_participant_code: bool = False
    phase: MeetingPhaseOut | None = None

    @field_validator("format", mode="before")
    @classmethod
    def _format(cls, value: Any) -> str:
        return str(getattr(value, "value", value or "physical"))

    @field_validator("target_groups", "facilitators", mode="before")
    @classmethod
    def _listed(cls, value: Any) -> list[str]:
        return list(value or [])

    @field_validator("place", "agenda", mode="before")
    @classmethod
    def _text(cls, value: Any) -> str:
        return value or ""

    @field_validator("state", mode="before")
    @classmethod
    def _state(cls, value: Any) -> str:
        return str(getattr(value, "value", value))


class PhaseOut(Output):
    id: int
    kind: str
    round: int
    status: str
    opened_at: Timestamp
    closed_at: Timestamp | None

    @field_validator("kind", "status", mode="before")
    @classmethod
    def _value(cls, value: Any) -> str:
        return str(getattr(value, "value", value))


class ProcessOut(Output):
    id: int
    slug: str
    title: str
    question: str
    description: str
    owner_organisation: str
    language: str
    mandate: str = ""
    decision_maker: str = ""
    stakeholder_groups: list[str]
    phases: list[PhaseOut]
    created_at: Timestamp

    @field_validator("stakeholder_groups", mode="before")
    @classmethod
    def _names(cls, value: Any) -> list[str]:
        return [getattr(group, "name", group) for group in value]
