"""What happened next: the committee's decisions, money, indicators and follow-up of a proposal.

A proposal leaves the process for a committee. These tables keep what came back: the
decision (with its paragraph and case number), the funding lines of the committee's plan
and how each proposal's budget is split over them and over sources, the indicators and
their measurements, the consequence analysis, the minority's conditions followed up, and
the team's own assessment of where the process stands.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.alternative import Amendment
from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow
from dialog.models.proposal import Proposal


class DecisionOutcome(enum.StrEnum):
    #: "Bifall"
    APPROVED = "approved"
    #: "Avslag"
    REJECTED = "rejected"
    #: "Återremiss"
    REFERRED_BACK = "referred_back"
    #: "Noterat" (informationsärende, lagt till handlingarna)
    NOTED = "noted"


class FundingSource(enum.StrEnum):
    """Whose money it is; sums are never added across sources."""

    COMMITTEE = "committee"
    MUNICIPALITY = "municipality"
    REGION = "region"
    OTHER = "other"


class ProposalDecision(Base):
    """A committee's decision about a proposal, as written in its minutes (protokoll)."""

    __tablename__ = "proposal_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"),
                                             index=True)
    #: Who decided, e.g. "Lokal nämnd Varberg".
    body: Mapped[str] = mapped_column(String(200))
    decided_on: Mapped[date] = mapped_column(Date)
    #: The paragraph of the minutes, e.g. "§ 23".
    paragraph: Mapped[str] = mapped_column(String(40), default="")
    #: The diary number, e.g. "RS 2021/123".
    case_number: Mapped[str] = mapped_column(String(60), default="")
    outcome: Mapped[DecisionOutcome] = mapped_column(StrEnumType(DecisionOutcome))
    note: Mapped[str] = mapped_column(Text, default="")
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    proposal: Mapped[Proposal] = relationship()

    @property
    def process_id(self) -> int:
        """The process of its proposal (read-only, for the policy)."""
        return self.proposal.process_id


class FundingLine(Base):
    """One line of money a process may use, e.g. the plan's "Kunskapsuppdrag Tillit" 100 tkr."""

    __tablename__ = "funding_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"),
                                            index=True)
    name: Mapped[str] = mapped_column(String(200))
    #: Thousands of kronor, as the committee's budget counts.
    amount_tkr: Mapped[int] = mapped_column(Integer)
    source: Mapped[FundingSource] = mapped_column(StrEnumType(FundingSource))
    #: The plan's own code, when it came from a preset (to load a preset only once).
    code: Mapped[str] = mapped_column(String(40), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class BudgetLine(Base):
    """A part of a proposal's budget: from a funding line, or from a source without one."""

    __tablename__ = "budget_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"),
                                             index=True)
    funding_line_id: Mapped[int | None] = mapped_column(
        ForeignKey("funding_line.id", ondelete="SET NULL"), index=True)
    source: Mapped[FundingSource] = mapped_column(StrEnumType(FundingSource))
    amount_tkr: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    funding_line: Mapped[FundingLine | None] = relationship()
    proposal: Mapped[Proposal] = relationship()

    @property
    def process_id(self) -> int:
        """The process of its proposal (read-only, for the policy)."""
        return self.proposal.process_id


class Indicator(Base):
    """A follow-up indicator of a proposal with its baseline and target."""

    __tablename__ = "indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"),
                                             index=True)
    name: Mapped[str] = mapped_column(String(300))
    #: E.g. "%", "besökare per kväll".
    unit: Mapped[str] = mapped_column(String(60), default="")
    baseline: Mapped[float | None] = mapped_column(Float)
    target: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    measurements: Mapped[list[Measurement]] = relationship(
        order_by=lambda: [Measurement.measured_on, Measurement.id],
        cascade="all, delete-orphan")
    proposal: Mapped[Proposal] = relationship()

    @property
    def process_id(self) -> int:
        """The process of its proposal (read-only, for the policy)."""
        return self.proposal.process_id


class Measurement(Base):
    """One measured value of an indicator, with where it comes from (e.g. "LUPP 2022")."""

    __tablename__ = "indicator_measurement"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"),
                                              index=True)
    value: Mapped[float] = mapped_column(Float)
    measured_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ProposalConsequences(Base):
    """The consequence analysis of a proposal: children's rights, equality, ecology."""

    __tablename__ = "proposal_consequences"

    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"),
                                             primary_key=True)
    #: Barnrätt (barnkonventionen, barnets bästa).
    children: Mapped[str] = mapped_column(Text, default="")
    #: Jämlikhet och jämställdhet.
    equality: Mapped[str] = mapped_column(Text, default="")
    #: Ekologisk hållbarhet.
    ecology: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ConditionFollowUp(Base):
    """A minority's condition carried into a proposal, marked followed up (or not yet)."""

    __tablename__ = "condition_follow_up"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"),
                                             index=True)
    amendment_id: Mapped[int] = mapped_column(ForeignKey("amendment.id", ondelete="CASCADE"),
                                              index=True)
    followed_up: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    dated: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    amendment: Mapped[Amendment] = relationship()


class Assessment(Base):
    """The team's analysis, "vår bedömning av läget", dated, optionally about one phase."""

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"),
                                            index=True)
    phase_id: Mapped[int | None] = mapped_column(ForeignKey("phase.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
