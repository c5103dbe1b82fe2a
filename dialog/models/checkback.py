"""Check-back rounds (avstämning): after a conversation round, everyone rates each alternative."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, Column, ForeignKey, String, Table, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.alternative import Alternative
from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow
from dialog.models.majority_vote import RoundStatus


class Rating(enum.StrEnum):
    #: "Stöder"
    SUPPORTS = "supports"
    #: "Kan leva med"
    CAN_LIVE_WITH = "can_live_with"
    #: "Invänder"
    OBJECTS = "objects"


checkback_round_alternative = Table(
    "checkback_round_alternative",
    Base.metadata,
    Column("round_id", ForeignKey("checkback_round.id", ondelete="CASCADE"), primary_key=True),
    Column("alternative_id", ForeignKey("alternative.id", ondelete="CASCADE"),
           primary_key=True),
)


class CheckbackRound(Base):
    __tablename__ = "checkback_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"),
                                            index=True)
    #: The phase that was current when the round opened.
    phase_id: Mapped[int | None] = mapped_column(ForeignKey("phase.id"))
    #: The conversation round (a lärande samtal phase round) this check-back follows.
    after_phase_id: Mapped[int | None] = mapped_column(ForeignKey("phase.id"))
    #: The samtalsrunda it checks back after, when there is one.
    after_round_id: Mapped[int | None] = mapped_column(ForeignKey("conversation_round.id"))
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[RoundStatus] = mapped_column(StrEnumType(RoundStatus),
                                                default=RoundStatus.OPEN)
    #: An asynchronous round may stay open for days; after this it takes no more ratings.
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: Marked by the facilitator as the round whose answers the publication reports as the
    #: alternative's support (without a mark: the round with the most answers).
    decisive: Mapped[bool] = mapped_column(default=False, server_default=false())

    alternatives: Mapped[list[Alternative]] = relationship(
        secondary=checkback_round_alternative, order_by=Alternative.id)

    @property
    def accepting(self) -> bool:
        """Open, and its deadline (if any) not yet passed."""
        return self.status is RoundStatus.OPEN and (
            self.closes_at is None or self.closes_at > utcnow())


class CheckbackRating(Base):
    """One rating; all are kept, the latest per participant and alternative counts."""

    __tablename__ = "checkback_rating"
    __table_args__ = (UniqueConstraint("participant_id", "client_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("checkback_round.id", ondelete="CASCADE"),
                                          index=True)
    alternative_id: Mapped[int] = mapped_column(ForeignKey("alternative.id"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"))
    value: Mapped[Rating] = mapped_column(StrEnumType(Rating))
    reason: Mapped[str] = mapped_column(Text, default="")
    personal_data: Mapped[list[str]] = mapped_column(JSON, default=list)
    client_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
