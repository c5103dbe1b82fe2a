"""The background job that builds a version's files: the report PDF per language, the ZIP.

``publish`` asks for them (``dialog.publication.stored.store_parts``); a request that finds
one missing asks again and answers "being built" (``files``). The job is idempotent: a file
already built by the running renderer is left alone.
"""

from __future__ import annotations

from flask import current_app, g
from sqlalchemy.orm import Session

from dialog.extensions import db
from dialog.models import Publication
from dialog.publication import stored
from dialog.publication.opendata import build_zip
from dialog.publication.pdf import html_to_pdf
from dialog.web.public_url import settings
from dialog.web.publication.report import renderer_key, report_html_text


def stored_files_base(publication: Publication) -> str:
    """The base of links in a version's stored files: ``DIALOG_PUBLIC_URL``, else where the
    request that published it came from (``Publication.base_url``: recorded only when that
    request's host was trusted), else nothing: site paths (``/p/…``), which the report
    introduces as a path on the site that published it.

    Never a reader's host: the files are built once and read by every reader.
    """
    return settings().public_base_url or publication.base_url or ""


def build_file(session: Session, *, publication_id: int, name: str, locale: str) -> None:
    """Build ``name`` (``data.zip``, or ``report.pdf`` in ``locale``) and store it."""
    publication = session.get(Publication, publication_id)
    if publication is None:  # deleted with its process since it was asked for
        return
    base = stored_files_base(publication)
    renderer = renderer_key(base)
    found = stored.find(session, publication_id, name, locale)
    if found is not None and found.renderer == renderer:
        return
    if name == stored.DATA:
        data = build_zip(publication.snapshot, base_url=base)
    elif name == stored.REPORT:
        with current_app.test_request_context("/", base_url=base or None):
            g.locale = locale
            html = report_html_text(session, publication, base)
        data = html_to_pdf(html)
    else:
        raise ValueError(f"no such publication file: {name}")
    # Building took a while; store in a short transaction begun as a writer. A write at the
    # end of the reading one fails at once on SQLite ("database is locked", then a retry)
    # when anyone wrote meanwhile, e.g. a publish of another process.
    session.rollback()
    db.begin_writing(session)
    stored.store(session, publication_id, name, data, locale=locale, renderer=renderer)
