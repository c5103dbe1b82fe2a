"""Go fishing: the facilitator asks the room for what has not been said yet."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow
from dialog.models.majority_vote import RoundStatus


class FishingPrompt(Base):
    __tablename__ = "fishing_prompt"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"),
                                            index=True)
    #: The alternative on the table when the facilitator went fishing, if any.
    alternative_id: Mapped[int | None] = mapped_column(ForeignKey("alternative.id"))
    question: Mapped[str] = mapped_column(Text)
    status: Mapped[RoundStatus] = mapped_column(StrEnumType(RoundStatus),
                                                default=RoundStatus.OPEN)
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    answers: Mapped[list[FishingAnswer]] = relationship(order_by="FishingAnswer.id")


class FishingAnswer(Base):
    __tablename__ = "fishing_answer"
    __table_args__ = (UniqueConstraint("participant_id", "client_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    prompt_id: Mapped[int] = mapped_column(ForeignKey("fishing_prompt.id", ondelete="CASCADE"),
                                           index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"))
    text: Mapped[str] = mapped_column(Text)
    personal_data: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Hidden by the facilitator (e.g. personal data); never deleted.
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    client_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    prompt: Mapped[FishingPrompt] = relationship(viewonly=True)

    @property
    def process_id(self) -> int:
        """The process of its prompt (read-only, for the policy)."""
        return self.prompt.process_id
