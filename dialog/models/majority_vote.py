"""Majority vote with minority wisdom: vote rounds per alternative, votes and recorded dissent."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.alternative import Alternative
from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow


class VoteValue(enum.StrEnum):
    FOR = "for"
    AGAINST = "against"


class Majority(enum.StrEnum):
    FOR = "for"
    AGAINST = "against"
    TIE = "tie"


class RoundStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class VoteRound(Base):
    """One vote on an alternative; the next round votes on it with the amendments added."""

    __tablename__ = "majority_vote_round"
    __table_args__ = (UniqueConstraint("alternative_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    alternative_id: Mapped[int] = mapped_column(
        ForeignKey("alternative.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    #: What was voted on: the alternative's text with the amendments included at opening.
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[RoundStatus] = mapped_column(StrEnumType(RoundStatus),
                                                default=RoundStatus.OPEN)
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    majority: Mapped[Majority | None] = mapped_column(StrEnumType(Majority))
    #: True once the minority was asked "vad skulle krävas för att ni ska kunna följa med?"
    minority_asked: Mapped[bool] = mapped_column(Boolean, default=False)
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    alternative: Mapped[Alternative] = relationship(back_populates="vote_rounds")
    votes: Mapped[list[Vote]] = relationship(back_populates="vote_round", order_by="Vote.id")

    @property
    def process_id(self) -> int:
        """The process of its alternative (read-only, for the policy)."""
        return self.alternative.process_id


class Vote(Base):
    """One vote; a participant may change it while the round is open and the latest counts."""

    __tablename__ = "majority_vote"
    __table_args__ = (UniqueConstraint("participant_id", "client_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_round_id: Mapped[int] = mapped_column(
        ForeignKey("majority_vote_round.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"))
    value: Mapped[VoteValue] = mapped_column(StrEnumType(VoteValue))
    reason: Mapped[str] = mapped_column(Text, default="")
    client_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    vote_round: Mapped[VoteRound] = relationship(back_populates="votes")


class Dissent(Base):
    """The minority's position when the loop ended, recorded as such and never erased."""

    __tablename__ = "dissent"

    id: Mapped[int] = mapped_column(primary_key=True)
    alternative_id: Mapped[int] = mapped_column(
        ForeignKey("alternative.id", ondelete="CASCADE"), index=True)
    vote_round_id: Mapped[int] = mapped_column(ForeignKey("majority_vote_round.id"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"))
    side: Mapped[VoteValue] = mapped_column(StrEnumType(VoteValue))
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
