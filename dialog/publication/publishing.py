"""Preview and publish: each publication is a new, immutable, dated version."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, defer

from dialog.errors import Conflict, DialogError, NotFound
from dialog.events import record
from dialog.models import Facilitator, Process, Publication, PublicationSettings, utcnow
from dialog.publication import once
from dialog.publication.diff import changes
from dialog.publication.guard import clean_text
from dialog.publication.licences import licence_for
from dialog.publication.snapshot import build_snapshot
from dialog.publication.stored import store_parts
from dialog.services import subscriptions
from dialog.services.processes import get_process_by_slug

MAX_NOTE = 2000
#: The longest base URL a version records (``Publication.base_url``).
BASE_URL_LENGTH = 300


def settings_of(session: Session, process: Process) -> PublicationSettings:
    """Return the process's publication settings, creating the defaults on first use."""
    found = session.scalar(
        select(PublicationSettings).where(PublicationSettings.process_id == process.id))
    if found is None:
        found = PublicationSettings(process_id=process.id, licence=licence_for(None).id)
        session.add(found)
        session.flush()
    return found


def update_settings(
    session: Session, process: Process, data: dict[str, Any]
) -> PublicationSettings:
    """Change the licence and/or the retention date (``retention_until``, ISO date or null)."""
    settings = settings_of(session, process)
    if "licence" in data:
        settings.licence = licence_for(data["licence"]).id
    if "retention_until" in data:
        settings.retention_until = _date_or_none(data["retention_until"])
    for name, limit in COMMITTEE_FIELDS.items():
        if name in data:
            setattr(settings, name, _committee_text(data[name], name, limit))
    session.flush()
    return settings


def preview(session: Session, process: Process) -> dict[str, Any]:
    """The snapshot that publishing now would store, with what changed since the latest."""
    settings = settings_of(session, process)
    snapshot = build_snapshot(session, process, licence=settings.licence)
    previous = latest(session, process)
    snapshot["changes"] = changes(previous.snapshot if previous else None, snapshot)
    return snapshot


def publish(session: Session, process: Process, facilitator: Facilitator | None, *,
            licence: Any = None, note: Any = "", base_url: str = "") -> Publication:
    """Store the next version (see :func:`publish_once`); return the version now newest."""
    return publish_once(session, process, facilitator, licence=licence, note=note,
                        base_url=base_url).publication


def publish_once(session: Session, process: Process, facilitator: Facilitator | None, *,
                 licence: Any = None, note: Any = "", base_url: str = "") -> once.Outcome:
    """Store the next version, unless the newest already shows exactly the same content.

    ``base_url`` is where this instance lives as the publishing request knew it (trusted,
    ``scheme://host``; "" when unknown): the version's files link there when
    ``DIALOG_PUBLIC_URL`` is unset. A stored version can never be changed afterwards.
    """
    chosen_licence = licence_for(licence).id if licence not in (None, "") else None
    if not isinstance(note, str):
        raise DialogError("publication_note_invalid")
    if len(note) > MAX_NOTE:
        raise DialogError("field_too_long", field="note", max=MAX_NOTE)
    once.hold(session, process.id)
    settings = settings_of(session, process)
    chosen = chosen_licence or settings.licence
    now = utcnow()
    previous = latest(session, process)
    snapshot = build_snapshot(session, process, now=now, licence=chosen)
    snapshot["meta"]["note"] = clean_text(note.strip())
    if previous is not None and once.same_content(previous.snapshot, snapshot):
        return once.Outcome(previous, duplicate=True)
    number = (previous.version if previous else 0) + 1
    snapshot["meta"].update(version=number, published_at=now.isoformat())
    snapshot["changes"] = changes(previous.snapshot if previous else None, snapshot)
    publication = Publication(process_id=process.id, version=number, published_at=now,
                              published_by_id=facilitator.id if facilitator else None,
                              licence=chosen, note=snapshot["meta"]["note"], snapshot=snapshot,
                              base_url=_base(base_url))
    try:
        with session.begin_nested():
            session.add(publication)
    except IntegrityError as exc:
        # Another publisher stored this number first (one that did not hold the lock).
        winner = latest(session, process)
        if winner is not None and once.same_content(winner.snapshot, snapshot):
            return once.Outcome(winner, duplicate=True)
        raise Conflict("publication_conflict") from exc
    store_parts(session, publication)
    record(session, "process-published", process_id=process.id, slug=process.slug,
           version=number)
    subscriptions.announce(session, process, "version", version=number,
                           note=publication.note and f"\n{publication.note}\n")
    return once.Outcome(publication, duplicate=False)


def _base(url: str) -> str:
    """The base as stored: no trailing slash; "" (unknown) for anything not an address."""
    url = url.strip().rstrip("/")
    fits = len(url) <= BASE_URL_LENGTH and url.startswith(("http://", "https://"))
    return url if fits else ""


def has_publication(session: Session, process: Process) -> bool:
    """Has the process published anything (without reading a snapshot)?"""
    return session.scalar(select(Publication.id).where(
        Publication.process_id == process.id).limit(1)) is not None


def _versions(process: Process, snapshot: bool) -> Select[Publication]:
    query = select(Publication).where(Publication.process_id == process.id)
    return query if snapshot else query.options(defer(Publication.snapshot))


def latest(session: Session, process: Process, *, snapshot: bool = True) -> Publication | None:
    """The newest version; ``snapshot=False`` leaves the (large) snapshot unread until used."""
    return session.scalar(_versions(process, snapshot)
                          .order_by(Publication.version.desc()).limit(1))


def version_of(session: Session, process: Process, number: int, *,
               snapshot: bool = True) -> Publication:
    found = session.scalar(_versions(process, snapshot).where(Publication.version == number))
    if found is None:
        raise NotFound("publication_version_not_found", version=number)
    return found


def publications_of(session: Session, process: Process) -> list[Publication]:
    """Every version, oldest first; each snapshot is read only when used."""
    return list(session.scalars(_versions(process, False).order_by(Publication.version)))


def published(session: Session, slug: str, number: int | None = None, *,
              snapshot: bool = True) -> Publication:
    """The latest (or a given) publication of the process with this slug, or a clear 404."""
    process = get_process_by_slug(session, slug)
    if number is not None:
        return version_of(session, process, number, snapshot=snapshot)
    found = latest(session, process, snapshot=snapshot)
    if found is None:
        raise NotFound("nothing_published_yet")
    return found


def version_count(session: Session, process_id: int) -> int:
    return session.scalar(
        select(func.count(Publication.id)).where(Publication.process_id == process_id)) or 0


#: The committee document's fields and their longest length.
COMMITTEE_FIELDS = {"case_number": 64, "handling_officer": 200, "decision_proposal": 4000}


def _committee_text(value: Any, name: str, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DialogError("field_invalid", field=name)
    text = value.strip()
    if len(text) > limit:
        raise DialogError("field_too_long", field=name, max=limit)
    return text


def _date_or_none(value: Any) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise DialogError("invalid_retention_date") from exc
