"""A perspective: a standpoint, feeling, idea or thought, as someone wrote it."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow
from dialog.models.participant import Participant
from dialog.models.process import Phase, StakeholderGroup
from dialog.services.personal_data import found_as_written, redacted_text, suggested_redaction

MAX_TEXT_LENGTH = 500


class PerspectiveKind(enum.StrEnum):
    STANDPOINT = "standpoint"
    FEELING = "feeling"
    IDEA = "idea"
    THOUGHT = "thought"


class ModerationStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    HIDDEN = "hidden"


class Perspective(Base):
    __tablename__ = "perspective"
    __table_args__ = (
        #: Exactly-once delivery: a resend with the same client id finds the first row.
        UniqueConstraint("participant_id", "client_id"),
        Index("ix_perspective_process_status", "process_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"))
    phase_id: Mapped[int] = mapped_column(ForeignKey("phase.id"))
    workshop_id: Mapped[int | None] = mapped_column(ForeignKey("workshop.id"), index=True)
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participant.id"))
    stakeholder_group_id: Mapped[int | None] = mapped_column(ForeignKey("stakeholder_group.id"))
    kind: Mapped[PerspectiveKind] = mapped_column(StrEnumType(PerspectiveKind))
    text: Mapped[str] = mapped_column(Text)
    client_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[ModerationStatus] = mapped_column(
        StrEnumType(ModerationStatus), default=ModerationStatus.PENDING
    )
    #: Kinds of personal data found in the text ("personnummer", "phone", "email").
    personal_data: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Label from an imported conversation (e.g. a Polis comment-id).
    external_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: Entered by a facilitator from outside the room: "interview", "outreach", "paper", ...
    source: Mapped[str | None] = mapped_column(String(16))
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    #: About the conversation, not its question (a Polis comment marked ``is-meta``): shown
    #: and reacted to, but left out of the map's analysis, as Polis leaves it out of its math.
    is_meta: Mapped[bool] = mapped_column(default=False, server_default=false())

    participant: Mapped[Participant | None] = relationship()
    stakeholder_group: Mapped[StakeholderGroup | None] = relationship()
    phase: Mapped[Phase] = relationship()

    @property
    def shown_text(self) -> str:
        """The text as phones, the wall and the publication show it (flagged data redacted)."""
        return redacted_text(self.text, self.personal_data)

    @property
    def suggested_text(self) -> str | None:
        """The redaction the console offers when the guard flagged the text (else None)."""
        return suggested_redaction(self.text, self.personal_data)

    @property
    def personal_data_found(self) -> list[dict[str, str]]:
        """What the guard found in a flagged text: kind, words as written, placeholder."""
        return found_as_written(self.text, self.personal_data)

    @property
    def group_name(self) -> str | None:
        return self.stakeholder_group.name if self.stakeholder_group else None
