"""Public pages of a publication: the summary (latest and per version) and the statement.

No login. ``/p/<slug>`` shows the latest version, ``/p/<slug>/v/<n>`` a given one; the
report and the open data hang off the same paths (``files``).
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from flask import Blueprint, render_template, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from dialog.extensions import db
from dialog.models import Process, Publication, Workshop, WorkshopState
from dialog.publication import publications_of, published
from dialog.publication.licences import licence_for
from dialog.web.publication.view import view_context

blueprint = Blueprint("publish", __name__)

#: Date of the accessibility statement; update it whenever the statement is reviewed.
STATEMENT_DATE = date(2026, 11, 22)
DEFAULT_CONTACT = "samtalsledaren för processen eller kommunens kontaktcenter"


def invitation(process_id: int) -> dict[str, Any] | None:
    """A live invitation to an open workshop of the process, if one is open right now (not
    one that only admits participant codes: a reader without a card could not join it)."""
    workshop = db.session.scalar(
        select(Workshop).where(Workshop.process_id == process_id,
                               Workshop.state == WorkshopState.OPEN,
                               Workshop.requires_participant_code.is_(False))
        .order_by(Workshop.id.desc()))
    if workshop is None:
        return None
    return {"join_code": workshop.join_code,
            "join_url": url_for("participant.join", code=workshop.join_code)}


def versions(publication: Publication) -> list[dict[str, Any]]:
    process = db.session.get(Process, publication.process_id)
    assert process is not None
    found = publications_of(db.session, process)
    return [{"version": p.version, "date": p.published_at.date().isoformat()} for p in found]


def page_context(publication: Publication) -> dict[str, Any]:
    """What the page template needs for a stored publication."""
    all_versions = versions(publication)
    snapshot = publication.snapshot
    return view_context(
        snapshot, preview=False, changes=snapshot.get("changes"), versions=all_versions,
        is_latest=publication.version == all_versions[-1]["version"],
        invitation=invitation(publication.process_id), licence=licence_for(publication.licence),
    )


@blueprint.get("/p/<slug>", defaults={"version": None})
@blueprint.get("/p/<slug>/v/<int:version>")
def page(slug: str, version: int | None) -> ResponseReturnValue:
    """The public summary: the latest version, or the one asked for."""
    publication = published(db.session, slug, version)
    return render_template("publish/page.html", **page_context(publication))


@blueprint.get("/tillganglighet")
def accessibility_statement() -> ResponseReturnValue:
    """The accessibility statement (tillgänglighetsredogörelse) DIGG asks for."""
    contact = os.environ.get("DIALOG_ACCESSIBILITY_CONTACT") or DEFAULT_CONTACT
    return render_template("publish/statement.html", contact=contact,
                           statement_date=STATEMENT_DATE.isoformat())
