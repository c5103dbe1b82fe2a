"""A live session (charrette) in one phase, joined by a short code."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow
from dialog.models.process import Phase, Process


class WorkshopState(enum.StrEnum):
    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"


class MeetingFormat(enum.StrEnum):
    PHYSICAL = "physical"
    DIGITAL = "digital"
    HYBRID = "hybrid"


class Workshop(Base):
    """A meeting of the process: a place and a time, a format, its team and agenda."""

    __tablename__ = "workshop"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"))
    phase_id: Mapped[int] = mapped_column(ForeignKey("phase.id"))
    title: Mapped[str] = mapped_column(String(200))
    #: Six characters from an alphabet without look-alikes (no 0/O, 1/I/L).
    join_code: Mapped[str] = mapped_column(String(12), unique=True)
    state: Mapped[WorkshopState] = mapped_column(
        StrEnumType(WorkshopState), default=WorkshopState.OPEN
    )
    #: When on, nothing is shown on the wall before a facilitator approves it.
    pre_moderation: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    place: Mapped[str] = mapped_column(String(200), default="")
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    format: Mapped[MeetingFormat] = mapped_column(
        StrEnumType(MeetingFormat), default=MeetingFormat.PHYSICAL
    )
    #: Names of the stakeholder groups the meeting is for (free text, e.g. "unga").
    target_groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: The team running it: names or work e-mail addresses (staff, not participants).
    facilitators: Mapped[list[str]] = mapped_column(JSON, default=list)
    agenda: Mapped[str] = mapped_column(Text, default="")
    #: One person, one voice: joining needs a participant code (a card or an earlier meeting).
    requires_participant_code: Mapped[bool] = mapped_column(Boolean, default=False)

    process: Mapped[Process] = relationship(back_populates="workshops")
    phase: Mapped[Phase] = relationship()

    @property
    def is_open(self) -> bool:
        return self.state is WorkshopState.OPEN
