"""A dialogue process, its stakeholder groups and its phases (rounds)."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow

if TYPE_CHECKING:
    from dialog.models.workshop import Workshop


class PhaseKind(enum.StrEnum):
    INVENTERING = "inventering"
    LARANDE_SAMTAL = "larande_samtal"
    KONKRETISERING = "konkretisering"


class PhaseStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Process(Base):
    __tablename__ = "process"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    #: The question the process asks, e.g. "Hur skapar vi tillit och trygghet i Varberg?"
    question: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    owner_organisation: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(8), default="sv")
    #: What the committee asked the process to find out, and what it may decide ("uppdrag").
    mandate: Mapped[str] = mapped_column(Text, default="")
    #: Who decides on the proposals, e.g. "Lokal nämnd Varberg".
    decision_maker: Mapped[str] = mapped_column(String(200), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    stakeholder_groups: Mapped[list[StakeholderGroup]] = relationship(
        back_populates="process", order_by="StakeholderGroup.position",
        cascade="all, delete-orphan",
    )
    phases: Mapped[list[Phase]] = relationship(
        back_populates="process", order_by="Phase.id", cascade="all, delete-orphan"
    )
    workshops: Mapped[list[Workshop]] = relationship(
        back_populates="process", order_by="Workshop.id", cascade="all, delete-orphan"
    )

    def group_named(self, name: str) -> StakeholderGroup | None:
        """Return the stakeholder group with this name (case-insensitive), if any."""
        wanted = name.strip().casefold()
        return next((g for g in self.stakeholder_groups if g.name.casefold() == wanted), None)

    @property
    def current_phase(self) -> Phase | None:
        """The open phase furthest in the method (meetings may be in different phases: the
        process has reached konkretisering while a youth centre still collects), the most
        recently opened among equals; with none open, the latest one."""
        method = list(PhaseKind)
        open_phases = [(method.index(p.kind), position, p)
                       for position, p in enumerate(self.phases) if p.status is PhaseStatus.OPEN]
        if open_phases:
            return max(open_phases, key=lambda found: found[:2])[2]
        return self.phases[-1] if self.phases else None


class StakeholderGroup(Base):
    __tablename__ = "stakeholder_group"
    __table_args__ = (UniqueConstraint("process_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(Integer, default=0)

    process: Mapped[Process] = relationship(back_populates="stakeholder_groups")


class Phase(Base):
    """One phase of the method in one round; a process may return to a phase in a new round."""

    __tablename__ = "phase"
    __table_args__ = (UniqueConstraint("process_id", "kind", "round"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"))
    kind: Mapped[PhaseKind] = mapped_column(StrEnumType(PhaseKind))
    round: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[PhaseStatus] = mapped_column(StrEnumType(PhaseStatus), default=PhaseStatus.OPEN)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    process: Mapped[Process] = relationship(back_populates="phases")
