"""Who works on a process: its team (owner, facilitator, reader), invitations, and the
accounts that own one proposal and follow it up."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.base import Base, StrEnumType, UTCDateTime, utcnow
from dialog.models.facilitator import Facilitator


class TeamRole(enum.StrEnum):
    #: Everything, including managing the team.
    OWNER = "owner"
    #: A co-facilitator: everything but managing the team.
    FACILITATOR = "facilitator"
    #: Reads everything (unpublished too), changes nothing.
    READER = "reader"


class ProcessMember(Base):
    """One account's role in one process."""

    __tablename__ = "process_member"
    __table_args__ = (UniqueConstraint("process_id", "facilitator_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"),
                                            index=True)
    facilitator_id: Mapped[int] = mapped_column(
        ForeignKey("facilitator.id", ondelete="CASCADE"), index=True)
    role: Mapped[TeamRole] = mapped_column(StrEnumType(TeamRole))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    facilitator: Mapped[Facilitator] = relationship()


class ProposalOwner(Base):
    """An account that follows one proposal up: reads it and adds dated status updates."""

    __tablename__ = "proposal_owner"
    __table_args__ = (UniqueConstraint("proposal_id", "facilitator_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"),
                                             index=True)
    facilitator_id: Mapped[int] = mapped_column(
        ForeignKey("facilitator.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    facilitator: Mapped[Facilitator] = relationship()


class Invitation(Base):
    """An invitation for an e-mail address without an account yet.

    Only the SHA-256 of the invite token is stored; accepting it creates the account and
    the membership (``role``) or, with ``proposal_id``, the proposal ownership.
    """

    __tablename__ = "invitation"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"),
                                            index=True)
    proposal_id: Mapped[int | None] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(254))
    #: A :class:`TeamRole` value, or ``"proposal_owner"``.
    role: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
