"""Proposals (förslag) made from accepted alternatives, with owner, budget and status history."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import JSON, Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.alternative import Alternative
from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow
from dialog.models.committee import CommitteeGoal


class ProposalStatus(enum.StrEnum):
    #: "Planerad"
    PLANNED = "planned"
    #: "Pågår"
    ONGOING = "ongoing"
    #: "Genomförd"
    COMPLETED = "completed"
    #: "Avslutad"
    CLOSED = "closed"


proposal_alternative = Table(
    "proposal_alternative",
    Base.metadata,
    Column("proposal_id", ForeignKey("proposal.id", ondelete="CASCADE"), primary_key=True),
    Column("alternative_id", ForeignKey("alternative.id"), primary_key=True),
)


class Proposal(Base):
    __tablename__ = "proposal"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"),
                                            index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    #: A role or organisation ("Varbergs kommun, fritidsförvaltningen"), not a private person.
    owner: Mapped[str] = mapped_column(String(200))
    #: Thousands of kronor, as the committee's budget counts.
    budget_tkr: Mapped[int | None] = mapped_column(Integer)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    committee_goal_id: Mapped[int | None] = mapped_column(ForeignKey("committee_goal.id"))
    #: Follow-up indicators, e.g. "Andel unga som känner sig trygga i centrum (LUPP)".
    indicators: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[ProposalStatus] = mapped_column(StrEnumType(ProposalStatus),
                                                   default=ProposalStatus.PLANNED)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    committee_goal: Mapped[CommitteeGoal | None] = relationship()
    alternatives: Mapped[list[Alternative]] = relationship(
        secondary=proposal_alternative, order_by=Alternative.id)
    updates: Mapped[list[ProposalStatusUpdate]] = relationship(
        order_by=lambda: [ProposalStatusUpdate.dated, ProposalStatusUpdate.id])


class ProposalStatusUpdate(Base):
    """A dated status update; the history is kept in full."""

    __tablename__ = "proposal_status_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"),
                                             index=True)
    status: Mapped[ProposalStatus] = mapped_column(StrEnumType(ProposalStatus))
    note: Mapped[str] = mapped_column(Text, default="")
    #: The date the update is about (chosen by the facilitator; defaults to today).
    dated: Mapped[date] = mapped_column(Date)
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
