"""Publications: immutable, dated snapshots of what a process has made public.

A publication stores the rendered data as JSON, so a version reads the same forever,
whatever happens to the process afterwards. ``PublicationSettings`` holds what a
process decides about publishing and keeping its records (licence, retention).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialog.models.base import Base, UTCDateTime, utcnow
from dialog.models.facilitator import Facilitator

#: Licence of published data unless a process or publication says otherwise.
DEFAULT_LICENCE = "CC-BY-4.0"


class Publication(Base):
    """One published version of a process's summary; never changed after it is written."""

    __tablename__ = "publication"
    __table_args__ = (UniqueConstraint("process_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("process.id", ondelete="CASCADE"))
    #: 1, 2, 3 … per process; the URL of a version is ``/p/<slug>/v/<version>``.
    version: Mapped[int] = mapped_column(Integer)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("facilitator.id"))
    licence: Mapped[str] = mapped_column(String(64), default=DEFAULT_LICENCE)
    #: The facilitator's own words about this version (already through the personal-data guard).
    note: Mapped[str] = mapped_column(Text, default="")
    #: Everything the public page, the report and the open data show, as plain JSON.
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: Where this instance lived for the request that published it (``https://host``, no
    #: trailing slash), when ``DIALOG_PUBLIC_URL`` was unset and that request's host was
    #: trusted; "" when unknown. Links in the version's report and open data are built on
    #: ``DIALOG_PUBLIC_URL``, else on this (``dialog.web.publication.builds``).
    base_url: Mapped[str] = mapped_column(String(300), default="", server_default="")

    published_by: Mapped[Facilitator | None] = relationship()


class PublicationSettings(Base):
    """A process's choices about publishing and keeping records."""

    __tablename__ = "publication_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("process.id", ondelete="CASCADE"), unique=True)
    licence: Mapped[str] = mapped_column(String(64), default=DEFAULT_LICENCE)
    #: After this date ``dialog retention apply`` cuts the link between phones and rows.
    retention_until: Mapped[date | None] = mapped_column(Date)
    #: When the retention rule was applied; None while links are still kept.
    retention_applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: The report as a committee document: the case's number (diarienummer), who handles
    #: it (handläggare) and the proposed decision (förslag till beslut).
    case_number: Mapped[str] = mapped_column(String(64), default="", server_default="")
    handling_officer: Mapped[str] = mapped_column(String(200), default="", server_default="")
    decision_proposal: Mapped[str] = mapped_column(Text, default="", server_default="")


class ImmutablePublication(RuntimeError):
    """Raised when code tries to change a stored publication."""


@event.listens_for(Publication, "before_update")
def _refuse_changes(_mapper: Any, _connection: Any, target: Publication) -> None:
    raise ImmutablePublication(f"publication {target.id} is immutable")
