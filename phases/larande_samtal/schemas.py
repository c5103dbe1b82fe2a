"""Lärande samtal as the API, the live events, the console and the report show it.

Rounds, reflections and readings of the resistance line are read from the ORM objects;
indicators and suggestions are computed and validated against their schema here. A
reflection never says who wrote it.
"""

from __future__ import annotations

from typing import Any

from pydantic import (
    AliasChoices,
    AliasPath,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from dialog.actions.fields import Timestamp
from dialog.actions.schema import Output
from dialog.models import (
    ConversationStatus,
    ModerationStatus,
    PerspectiveKind,
    PhaseKind,
    ResistanceLevel,
    ViewChange,
)
from dialog.phasing.schemas import ProcessPhaseOut
from dialog.schemas.core import FoundPersonalData

GROUP = AliasChoices("group_name", "stakeholder_group")


class RoundPerspectiveOut(Output):
    id: int
    #: Flagged personal data redacted (``Perspective.shown_text``): phones read this.
    text: str = Field(validation_alias=AliasChoices("shown_text", "text"))
    kind: PerspectiveKind
    stakeholder_group: str | None = Field(validation_alias=GROUP)


class RoundOut(Output):
    """A samtalsrunda: 2–8 perspectives side by side; ``closes_at`` makes it digital."""

    id: int
    process_id: int
    phase_id: int
    phase_round: int = Field(validation_alias=AliasChoices(AliasPath("phase", "round"),
                                                           "phase_round"))
    number: int
    title: str
    prompt: str
    basis: str
    status: ConversationStatus
    closes_at: Timestamp | None
    created_at: Timestamp
    closed_at: Timestamp | None
    perspectives: list[RoundPerspectiveOut]
    #: Open, and (for a digital round) not past its closing time.
    accepting: bool = False

    @model_validator(mode="after")
    def _accepting(self) -> RoundOut:
        from phases.larande_samtal.rounds import is_accepting

        self.accepting = is_accepting(self)
        return self


class MoverCount(Output):
    perspective_id: int
    count: int
    text: str | None
    stakeholder_group: str | None


class IndicatorsOut(Output):
    """A round's learning: who reflected, understood another view, moved; what moved them."""

    round_id: int
    participants: int
    understood: int
    understood_share: float
    shifted: int
    shifted_share: float
    view_changes: dict[str, int]
    questions: int
    keep: int
    moved_by: list[MoverCount]


class RoundWithIndicators(RoundOut):
    indicators: IndicatorsOut


class Rounds(Output):
    rounds: list[RoundWithIndicators]


class MoverOut(Output):
    id: int
    text: str
    stakeholder_group: str | None = Field(validation_alias=GROUP)


class ReflectionOut(Output):
    """A reflection for the facilitator or its writer; never who wrote it."""

    id: int
    round_id: int
    client_id: str
    understood: str
    question: str
    keep: str
    view_change: ViewChange
    moved_by: MoverOut | None
    stakeholder_group: str | None = Field(validation_alias=GROUP)
    status: ModerationStatus
    personal_data: list[str]
    #: When the guard flagged it: each prompt with its findings replaced by placeholders,
    #: which the ``redact`` moderation accepts as they stand; else null.
    suggested_prompts: dict[str, str] | None = None
    #: When the guard flagged it: what it found, prompt by prompt; else empty.
    personal_data_found: list[FoundPersonalData] = Field(default_factory=list)
    created_at: Timestamp

    @field_validator("personal_data", mode="before")
    @classmethod
    def _listed(cls, value: Any) -> list[str]:
        return list(value or [])


class RoundDetail(RoundWithIndicators):
    reflections: list[ReflectionOut]


class ReflectionSent(Output):
    id: int
    status: ModerationStatus
    duplicate: bool
    client_id: str
    round_id: int


class HideNote(Output):
    """Why the facilitator hid (or edited) a reflection, told to its author."""

    #: ``hide`` or ``redact``.
    action: str
    #: In the reader's language when it is a common reason, else as written.
    reason: str
    reason_code: str | None = None


class RedactNote(HideNote):
    """Why the facilitator edited a reflection, and what was changed, told to its author."""

    #: Each edited prompt with its words as shown now (never the words as written).
    changed: dict[str, str]


class MyReflection(ReflectionOut):
    #: Why it was hidden or edited (null unless its latest decision is a hide or a redact).
    note: RedactNote | HideNote | None = None


class MyRounds(Output):
    """The rounds a phone can answer now, and what it has answered (in any round), a hidden
    reflection with the reason."""

    rounds: list[RoundOut]
    reflections: list[MyReflection]


class LevelOut(Output):
    """A level of the resistance line with the intervention the method suggests."""

    level: ResistanceLevel
    position: int
    zone: str = ""
    name: str = ""
    signs: str = ""
    intervention: str = ""
    how: str = ""

    @model_validator(mode="after")
    def _words(self, info: ValidationInfo) -> LevelOut:
        """Fill the level's words in the language asked for (``context={"locale": ...}``)."""
        from phases.larande_samtal.resistance import describe

        locale = (info.context or {}).get("locale", "sv")
        for key, value in describe(self.level, locale).items():
            if key not in ("level", "position"):
                object.__setattr__(self, key, value)
        return self


class ResistanceEntryOut(LevelOut):
    """A reading of the room on the line; ``trend`` against the reading before (in a log)."""

    id: int
    process_id: int
    phase_id: int
    phase_kind: PhaseKind = Field(validation_alias=AliasChoices(AliasPath("phase", "kind"),
                                                                "phase_kind"))
    phase_round: int = Field(validation_alias=AliasChoices(AliasPath("phase", "round"),
                                                           "phase_round"))
    round_id: int | None
    note: str
    created_at: Timestamp
    trend: str | None = None


class ResistanceLog(Output):
    levels: list[LevelOut]
    entries: list[ResistanceEntryOut]


class SuggestionOut(Output):
    type: str
    source: str
    perspective_ids: list[int]
    about: dict[str, Any]
    title: str
    reason: str
    perspectives: list[RoundPerspectiveOut]


class Suggestions(Output):
    source: str | None
    suggestions: list[SuggestionOut]
    #: Whether the process has a perspective map (its suggestions may still be heuristic).
    has_map: bool = False


class Watched(Output):
    """What a console following a process gets first: phases, rounds and the line."""

    process_id: int
    phases: list[ProcessPhaseOut]
    rounds: list[RoundWithIndicators]
    resistance: list[ResistanceEntryOut]
