"""A participant: a random token and nothing that identifies a person."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.base import Base, UTCDateTime, utcnow
from dialog.models.process import StakeholderGroup

#: Age bands a participant may choose; never a birth date.
AGE_BANDS = ("under-13", "13-15", "16-17", "18-25", "26-45", "46-65", "66+")


class Participant(Base):
    __tablename__ = "participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"))
    workshop_id: Mapped[int | None] = mapped_column(ForeignKey("workshop.id"))
    #: SHA-256 of the bearer token; the token itself is only ever on the phone.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    stakeholder_group_id: Mapped[int | None] = mapped_column(ForeignKey("stakeholder_group.id"))
    age_band: Mapped[str | None] = mapped_column(String(16))
    #: Label from an imported conversation (e.g. a Polis voter-id); None for live participants.
    external_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: Set while a facilitator has blocked this participant's submissions (see
    #: ``services.participant_blocks``); what they wrote stays, moderated like anything else.
    blocked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    @property
    def blocked(self) -> bool:
        return self.blocked_at is not None

    stakeholder_group: Mapped[StakeholderGroup | None] = relationship()
