"""The moderation log: every approve, hide and restore, kept for public records."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow
from dialog.models.facilitator import Facilitator
from dialog.models.perspective import ModerationStatus, Perspective


class ModerationEvent(Base):
    """One moderation decision; hiding changes a status, it never deletes a perspective."""

    __tablename__ = "moderation_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    perspective_id: Mapped[int] = mapped_column(ForeignKey("perspective.id"), index=True)
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    action: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[ModerationStatus] = mapped_column(StrEnumType(ModerationStatus))
    to_status: Mapped[ModerationStatus] = mapped_column(StrEnumType(ModerationStatus))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    perspective: Mapped[Perspective] = relationship()
    facilitator: Mapped[Facilitator | None] = relationship()
