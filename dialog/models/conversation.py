"""Lärande samtal: conversation rounds between contrasting perspectives, and reflections."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow
from dialog.models.participant import Participant
from dialog.models.perspective import ModerationStatus, Perspective
from dialog.models.process import Phase, StakeholderGroup
from dialog.services.personal_data import found_as_written, suggested_redaction

#: Each reflection prompt takes at most this many characters, like a perspective.
MAX_REFLECTION_LENGTH = 500
#: A reflection's three prompts, in the order the phone asks them.
REFLECTION_PROMPTS = ("understood", "question", "keep")


class ConversationStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class ViewChange(enum.StrEnum):
    """How a participant's own view moved in a round (oförändrad, nyanserad, förändrad)."""

    UNCHANGED = "unchanged"
    NUANCED = "nuanced"
    CHANGED = "changed"


class ConversationRound(Base):
    """A samtalsrunda: a pair or set of contrasting perspectives the room talks about."""

    __tablename__ = "conversation_round"
    __table_args__ = (UniqueConstraint("phase_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"))
    phase_id: Mapped[int] = mapped_column(ForeignKey("phase.id"), index=True)
    #: 1, 2, 3 ... within its phase, in the order the facilitator built them.
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    #: An optional guiding question for the conversation.
    prompt: Mapped[str] = mapped_column(Text, default="")
    #: Where the round came from: a suggestion type ("divisive", ...) or "manual".
    basis: Mapped[str] = mapped_column(String(32), default="manual")
    status: Mapped[ConversationStatus] = mapped_column(
        StrEnumType(ConversationStatus), default=ConversationStatus.OPEN)
    #: A digital round may stay open for days; after this moment it takes no reflections.
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    phase: Mapped[Phase] = relationship()
    links: Mapped[list[ConversationRoundPerspective]] = relationship(
        back_populates="round", order_by="ConversationRoundPerspective.position",
        cascade="all, delete-orphan",
    )

    @property
    def perspectives(self) -> list[Perspective]:
        return [link.perspective for link in self.links]


class ConversationRoundPerspective(Base):
    """One of the contrasting perspectives a round puts side by side."""

    __tablename__ = "conversation_round_perspective"

    round_id: Mapped[int] = mapped_column(
        ForeignKey("conversation_round.id", ondelete="CASCADE"), primary_key=True)
    perspective_id: Mapped[int] = mapped_column(ForeignKey("perspective.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    round: Mapped[ConversationRound] = relationship(back_populates="links")
    perspective: Mapped[Perspective] = relationship()


class Reflection(Base):
    """A participant's answer to a round's reflection prompts, and how their view moved."""

    __tablename__ = "reflection"
    __table_args__ = (
        #: Exactly-once delivery, as for perspectives: a resend finds the first row.
        UniqueConstraint("participant_id", "client_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"))
    round_id: Mapped[int] = mapped_column(ForeignKey("conversation_round.id"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"))
    #: The group the participant chose, copied so the round's record stays as it was.
    stakeholder_group_id: Mapped[int | None] = mapped_column(ForeignKey("stakeholder_group.id"))
    client_id: Mapped[str] = mapped_column(String(64))
    #: "Det här förstår jag nu, efter att ha hört ett annat perspektiv"
    understood: Mapped[str] = mapped_column(Text, default="")
    #: "Det här vill jag fråga"
    question: Mapped[str] = mapped_column(Text, default="")
    #: "Det här är viktigt att vi inte tappar"
    keep: Mapped[str] = mapped_column(Text, default="")
    view_change: Mapped[ViewChange] = mapped_column(StrEnumType(ViewChange))
    #: The perspective that moved the participant, if they name one.
    moved_by_id: Mapped[int | None] = mapped_column(ForeignKey("perspective.id"))
    status: Mapped[ModerationStatus] = mapped_column(
        StrEnumType(ModerationStatus), default=ModerationStatus.APPROVED)
    personal_data: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    round: Mapped[ConversationRound] = relationship()
    participant: Mapped[Participant] = relationship()
    stakeholder_group: Mapped[StakeholderGroup | None] = relationship()
    moved_by: Mapped[Perspective | None] = relationship()

    @property
    def suggested_prompts(self) -> dict[str, str] | None:
        """The redaction the console offers when the guard flagged the reflection: each
        prompt with its findings replaced by placeholders (else None)."""
        if not self.personal_data:
            return None
        return {prompt: suggested_redaction(getattr(self, prompt), self.personal_data) or ""
                for prompt in REFLECTION_PROMPTS}

    @property
    def personal_data_found(self) -> list[dict[str, str]]:
        """What the guard found in a flagged reflection, prompt by prompt."""
        return [found for prompt in REFLECTION_PROMPTS
                for found in found_as_written(getattr(self, prompt), self.personal_data)]

    @property
    def group_name(self) -> str | None:
        return self.stakeholder_group.name if self.stakeholder_group else None
