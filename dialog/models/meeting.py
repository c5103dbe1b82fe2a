"""What a process run over months and places keeps: who came to which meeting (as anonymous
participants), the participant codes people carry between meetings, how the stakeholder
groups grew, and the outreach planned towards the groups not heard yet."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow
from dialog.models.process import StakeholderGroup


class ParticipantCode(Base):
    """A participant code (three words) by its hash; a printed card has no participant yet."""

    __tablename__ = "participant_code"
    __table_args__ = (UniqueConstraint("process_id", "code_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"))
    #: SHA-256 of the process id and the normalised words; the words are only on the card.
    code_hash: Mapped[str] = mapped_column(String(64))
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participant.id"))
    #: "join" (given at joining) or "card" (printed in advance).
    origin: Mapped[str] = mapped_column(String(8), default="join")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Attendance(Base):
    """A participant took part in a meeting (once per meeting, however often they joined)."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("workshop_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))
    came_back: Mapped[bool] = mapped_column(default=False)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class GroupChange(Base):
    """One change of a process's stakeholder groups: added, renamed or merged into another."""

    __tablename__ = "stakeholder_group_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(8))
    name_before: Mapped[str] = mapped_column(String(80), default="")
    name_after: Mapped[str] = mapped_column(String(80), default="")
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class OutreachStatus(enum.StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class OutreachAction(Base):
    """A planned step to hear a stakeholder group the process is missing."""

    __tablename__ = "outreach_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"))
    stakeholder_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("stakeholder_group.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(Text)
    place: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[str] = mapped_column(String(40), default="")
    #: A role or team name ("fritidsgården", "ungdomssamordnaren"), not a participant.
    responsible: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[OutreachStatus] = mapped_column(
        StrEnumType(OutreachStatus), default=OutreachStatus.PLANNED)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    stakeholder_group: Mapped[StakeholderGroup | None] = relationship()

    @property
    def group_name(self) -> str | None:
        return self.stakeholder_group.name if self.stakeholder_group else None
