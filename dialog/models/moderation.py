"""The moderation log: every approve, hide and restore, kept for public records."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow
from dialog.models.facilitator import Facilitator
from dialog.models.perspective import ModerationStatus, Perspective


class ModerationEvent(Base):
    """One moderation decision; hiding changes a status, it never deletes anything.

    Perspectives, reflections and fishing answers are all moderated; ``subject_type`` and
    ``subject_id`` say which text the decision was about, ``process_id`` where it belongs.
    """

    __tablename__ = "moderation_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int | None] = mapped_column(ForeignKey("process.id"), index=True)
    subject_type: Mapped[str] = mapped_column(String(32), default="perspective")
    subject_id: Mapped[int | None] = mapped_column()
    #: Set for perspectives (kept for the foreign key); other subjects use ``subject_id``.
    perspective_id: Mapped[int | None] = mapped_column(ForeignKey("perspective.id"), index=True)
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    action: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[ModerationStatus] = mapped_column(StrEnumType(ModerationStatus))
    to_status: Mapped[ModerationStatus] = mapped_column(StrEnumType(ModerationStatus))
    reason: Mapped[str] = mapped_column(Text, default="")
    #: A common reason's stable code (``services.hide_reasons``): its author reads it in
    #: their own language. ``None`` for the facilitator's own words and for older rows.
    reason_code: Mapped[str | None] = mapped_column(String(32))
    #: For ``redact``: the text as written (kept here, never published) and as edited.
    original_text: Mapped[str | None] = mapped_column(Text)
    edited_text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    perspective: Mapped[Perspective | None] = relationship()
    facilitator: Mapped[Facilitator | None] = relationship()
