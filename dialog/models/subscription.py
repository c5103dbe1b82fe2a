"""E-mail subscriptions to a process's news, kept apart from everything people said.

An address lives only here: never in a record of a contribution, never published, and
deleted with its row on unsubscribe or when the process's retention rule is applied.
Mails wait in :class:`MailOutbox`, written in the same transaction as the news they
announce, so a notice is never lost between a commit and a send.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.base import Base, UTCDateTime, utcnow
from dialog.models.process import Process


class Subscription(Base):
    """One address asking for notices about one process (double opt-in)."""

    __tablename__ = "subscription"
    __table_args__ = (UniqueConstraint("process_id", "email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"),
                                            index=True)
    email: Mapped[str] = mapped_column(String(254))
    #: The secret in the confirm and unsubscribe links (random; tells nothing about anyone).
    token: Mapped[str] = mapped_column(String(64), unique=True)
    locale: Mapped[str] = mapped_column(String(8), default="sv")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: None until the address owner followed the confirmation link.
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    process: Mapped[Process] = relationship()
    mails: Mapped[list[MailOutbox]] = relationship(
        back_populates="subscription", cascade="all, delete-orphan", passive_deletes=True)


class MailOutbox(Base):
    """A mail waiting to be (or already) sent to one subscription."""

    __tablename__ = "mail_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(
        ForeignKey("subscription.id", ondelete="CASCADE"), index=True)
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)

    subscription: Mapped[Subscription] = relationship(back_populates="mails")
