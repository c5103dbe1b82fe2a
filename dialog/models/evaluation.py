"""A meeting's short evaluation: "Kände du dig lyssnad på?" 1 to 5, with an optional comment."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow
from dialog.models.perspective import ModerationStatus


class EvaluationAnswer(Base):
    """One anonymous answer per participant and meeting (workshop), stored exactly once."""

    __tablename__ = "evaluation_answer"
    __table_args__ = (UniqueConstraint("participant_id", "client_id"),
                      UniqueConstraint("participant_id", "workshop_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"),
                                            index=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"),
                                             index=True)
    #: The random token's row, only to keep one answer per phone: never published.
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id",
                                                           ondelete="CASCADE"))
    client_id: Mapped[str] = mapped_column(String(64))
    #: 1 (inte alls) to 5 (helt och hållet).
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    #: Kinds of personal data the guard found in the comment (then it waits for moderation).
    personal_data: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Comments are published only when approved; hiding never deletes.
    status: Mapped[ModerationStatus] = mapped_column(StrEnumType(ModerationStatus),
                                                     default=ModerationStatus.APPROVED)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
