"""Read and write a publication's stored files (``PublicationFile`` rows).

``publish`` stores the parts the public page reads (``summary.json``, ``perspectives.json``)
in its own transaction and asks for the rest (``data.zip``, ``report.pdf`` per language) to
be built by a background job (``BUILT``). Any serving process, on any machine, reads them
from the database.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import OrderedDict
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dialog.i18n import LOCALES
from dialog.jobs import enqueue
from dialog.models import Publication, PublicationFile, utcnow
from dialog.publication.summary import summary_of

SUMMARY = "summary.json"
PERSPECTIVES = "perspectives.json"
REPORT = "report.pdf"
DATA = "data.zip"
#: Set to ``0``: the report is built when first asked for, not at publishing.
PREBUILD_REPORT_ENV = "DIALOG_PREBUILD_REPORT"
#: What a background job may build for a version: (name, locale).
BUILT: tuple[tuple[str, str], ...] = ((DATA, ""), *((REPORT, locale) for locale in LOCALES))
#: The job that builds one of them (it renders templates, so it lives in the web face).
BUILD_JOB = "dialog.web.publication.builds:build_file"


def store_parts(session: Session, publication: Publication) -> None:
    """Store what the page reads and ask for the files to be built once this commits."""
    snapshot = publication.snapshot
    store_json(session, publication.id, SUMMARY, summary_of(snapshot))
    store_json(session, publication.id, PERSPECTIVES, snapshot.get("perspectives") or [])
    for name, locale in built_at_publish(publication):
        enqueue(BUILD_JOB, job_id=build_job_id(publication.id, name, locale),
                publication_id=publication.id, name=name, locale=locale)


def built_at_publish(publication: Publication) -> list[tuple[str, str]]:
    """The ZIP and the report in the process's language; another language's report is
    built when a reader first asks for it.

    ``DIALOG_PREBUILD_REPORT=0`` leaves the report, too, to its first reader (the test suite
    sets it: a PDF for every publish would cost the suite many minutes).
    """
    language = str(publication.snapshot.get("process", {}).get("language") or "")
    files = [(DATA, "")]
    if os.environ.get(PREBUILD_REPORT_ENV, "1") != "0":
        files.append((REPORT, language if language in LOCALES else LOCALES[0]))
    return files


def find(session: Session, publication_id: int, name: str,
         locale: str = "") -> PublicationFile | None:
    return session.scalar(select(PublicationFile).where(
        PublicationFile.publication_id == publication_id, PublicationFile.name == name,
        PublicationFile.locale == locale))


def store(session: Session, publication_id: int, name: str, data: bytes, *,
          locale: str = "", renderer: str = "") -> None:
    """Insert the file, or replace it (a rebuild; two builders may race, the last wins)."""
    values = {"data": data, "digest": hashlib.sha256(data).hexdigest(), "size": len(data),
              "renderer": renderer, "built_at": utcnow()}
    try:
        with session.begin_nested():
            session.add(PublicationFile(publication_id=publication_id, name=name,
                                        locale=locale, **values))
    except IntegrityError:
        session.execute(update(PublicationFile).where(
            PublicationFile.publication_id == publication_id, PublicationFile.name == name,
            PublicationFile.locale == locale).values(**values))


def store_json(session: Session, publication_id: int, name: str, value: Any) -> None:
    store(session, publication_id, name,
          json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


#: Parsed JSON parts kept per process, by digest: a version never changes, and parsing the
#: list of 10,000 perspectives on every page view would cost more than rendering the page.
_PARSED: OrderedDict[str, Any] = OrderedDict()
PARSED_KEPT = 4


def read_json(session: Session, publication_id: int, name: str) -> Any | None:
    """The stored JSON part, or None for a version published before parts were stored.

    Callers must not change what they get: it is shared with later readers.
    """
    where = (PublicationFile.publication_id == publication_id, PublicationFile.name == name,
             PublicationFile.locale == "")
    digest = session.scalar(select(PublicationFile.digest).where(*where))
    if digest is None:
        return None
    if digest in _PARSED:
        _PARSED.move_to_end(digest)
        return _PARSED[digest]
    _PARSED[digest] = parsed = json.loads(session.scalar(
        select(PublicationFile.data).where(*where)) or b"null")
    while len(_PARSED) > PARSED_KEPT:
        _PARSED.popitem(last=False)
    return parsed


def summary_for(session: Session, publication: Publication) -> dict[str, Any]:
    """The version's summary; for a version published before summaries were stored, made
    from its snapshot now."""
    found = read_json(session, publication.id, SUMMARY)
    return dict(found) if found is not None else summary_of(publication.snapshot)


def perspectives_for(session: Session, publication: Publication) -> list[dict[str, Any]]:
    """Every published perspective of the version, in the snapshot's order."""
    found = read_json(session, publication.id, PERSPECTIVES)
    return list(found if found is not None else publication.snapshot.get("perspectives") or [])


def build_job_id(publication_id: int, name: str, locale: str) -> str:
    """Equal ids coalesce in the worker's queue: one build per file at a time."""
    return f"publication-{publication_id}-{name}-{locale or 'all'}"
