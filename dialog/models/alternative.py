"""A solution alternative (lösningsalternativ), what it came from, its amendments and history."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Boolean, Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow
from dialog.models.conversation import Reflection
from dialog.models.perspective import Perspective

if TYPE_CHECKING:
    from dialog.models.majority_vote import Dissent, VoteRound


class AlternativeOutcome(enum.StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    #: Accepted by a majority; the remaining dissent is recorded, never erased.
    ACCEPTED_WITH_DISSENT = "accepted_with_dissent"
    REJECTED = "rejected"


DECIDED = (AlternativeOutcome.ACCEPTED, AlternativeOutcome.ACCEPTED_WITH_DISSENT,
           AlternativeOutcome.REJECTED)
ACCEPTED = (AlternativeOutcome.ACCEPTED, AlternativeOutcome.ACCEPTED_WITH_DISSENT)

alternative_perspective = Table(
    "alternative_perspective",
    Base.metadata,
    Column("alternative_id", ForeignKey("alternative.id", ondelete="CASCADE"), primary_key=True),
    Column("perspective_id", ForeignKey("perspective.id"), primary_key=True),
)

#: Lärande samtal reflections ("det här är viktigt att vi inte tappar"…) behind an alternative.
alternative_reflection = Table(
    "alternative_reflection",
    Base.metadata,
    Column("alternative_id", ForeignKey("alternative.id", ondelete="CASCADE"), primary_key=True),
    Column("reflection_id", ForeignKey("reflection.id"), primary_key=True),
)


class Alternative(Base):
    __tablename__ = "alternative"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"),
                                            index=True)
    #: The phase (and round) that was current when it was drafted.
    phase_id: Mapped[int | None] = mapped_column(ForeignKey("phase.id"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[AlternativeOutcome] = mapped_column(
        StrEnumType(AlternativeOutcome), default=AlternativeOutcome.OPEN)
    #: Public-records law: an alternative is hidden, never deleted.
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    perspectives: Mapped[list[Perspective]] = relationship(
        secondary=alternative_perspective, order_by=Perspective.id)
    reflections: Mapped[list[Reflection]] = relationship(
        secondary=alternative_reflection, order_by=Reflection.id)
    amendments: Mapped[list[Amendment]] = relationship(
        back_populates="alternative", order_by="Amendment.id")
    vote_rounds: Mapped[list[VoteRound]] = relationship(
        back_populates="alternative", order_by="VoteRound.number")
    dissents: Mapped[list[Dissent]] = relationship(order_by="Dissent.id")
    events: Mapped[list[AlternativeEvent]] = relationship(order_by="AlternativeEvent.id")


class Amendment(Base):
    """A condition the minority named ("vad skulle krävas…"), added to the alternative."""

    __tablename__ = "amendment"
    __table_args__ = (UniqueConstraint("participant_id", "client_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    alternative_id: Mapped[int] = mapped_column(
        ForeignKey("alternative.id", ondelete="CASCADE"), index=True)
    #: The vote whose minority was asked; None for one the facilitator wrote down.
    vote_round_id: Mapped[int | None] = mapped_column(ForeignKey("majority_vote_round.id"))
    #: The author's participant id (a random token's row): never a name.
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participant.id"))
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    text: Mapped[str] = mapped_column(Text)
    client_id: Mapped[str | None] = mapped_column(String(64))
    #: Left out of the next vote by the facilitator (with a reason); kept, never deleted.
    included: Mapped[bool] = mapped_column(Boolean, default=True)
    excluded_reason: Mapped[str] = mapped_column(Text, default="")
    personal_data: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    alternative: Mapped[Alternative] = relationship(back_populates="amendments")

    @property
    def process_id(self) -> int:
        """The process of its alternative (read-only, for the policy)."""
        return self.alternative.process_id

    @property
    def by_facilitator(self) -> bool:
        """Written down by the facilitator rather than sent by a phone."""
        return self.facilitator_id is not None


class AlternativeEvent(Base):
    """One step in an alternative's history: drafted, voted, asked, amended, decided…"""

    __tablename__ = "alternative_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    alternative_id: Mapped[int] = mapped_column(
        ForeignKey("alternative.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participant.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @property
    def by_facilitator(self) -> bool:
        return self.facilitator_id is not None
