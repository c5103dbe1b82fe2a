"""Public pages of a publication: the summary (latest and per version) and the statement.

No login. ``/p/<slug>`` shows the latest version, ``/p/<slug>/v/<n>`` a given one; the
report and the open data hang off the same paths (``files``).
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from flask import Blueprint, jsonify, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from dialog.extensions import db
from dialog.i18n import translate
from dialog.models import Process, Publication, Workshop, WorkshopState
from dialog.publication import publications_of, published, stored
from dialog.publication.licences import licence_for
from dialog.publication.listing import Listing, listing, page_number, pages_of
from dialog.web.errors import error_body
from dialog.web.locale import current_locale
from dialog.web.publication.view import view_context

blueprint = Blueprint("publish", __name__)

#: Date of the accessibility statement; update it whenever the statement is reviewed.
STATEMENT_DATE = date(2026, 11, 22)


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
    """What the page template needs: the version's summary and one page of perspectives."""
    all_versions = versions(publication)
    summary = stored.summary_for(db.session, publication)
    return view_context(
        summary, preview=False, changes=summary.get("changes"), versions=all_versions,
        is_latest=publication.version == all_versions[-1]["version"],
        invitation=invitation(publication.process_id), licence=licence_for(publication.licence),
        listing=listing_from_args(stored.perspectives_for(db.session, publication)),
    )


def listing_from_args(perspectives: list[dict[str, Any]]) -> Listing:
    """The page of perspectives the query string asks for (``page``, ``q``, ``kind``, ``group``)."""
    return listing(perspectives, query=request.args.get("q", ""),
                   kind=request.args.get("kind", "")[:32],
                   group=request.args.get("group", "")[:200],
                   page=page_number(request.args.get("page")))


@blueprint.get("/p/<slug>", defaults={"version": None})
@blueprint.get("/p/<slug>/v/<int:version>")
def page(slug: str, version: int | None) -> ResponseReturnValue:
    """The public summary: the latest version, or the one asked for."""
    publication = published(db.session, slug, version, snapshot=False)
    return render_template("publish/page.html", **page_context(publication))


#: Most perspective ids one ``perspectives.json`` call looks up.
MAX_IDS = 200


@blueprint.get("/p/<slug>/perspectives.json", defaults={"version": None})
@blueprint.get("/p/<slug>/v/<int:version>/perspectives.json")
def where(slug: str, version: int | None) -> ResponseReturnValue:
    """Where the perspectives ``?ids=12,40`` are in the version's list: page and address.

    The public page's script asks this for a phone's own perspectives on other pages;
    ids that are not published in the version are left out.
    """
    words = [w.strip() for w in request.args.get("ids", "").split(",") if w.strip()]
    if not words or len(words) > MAX_IDS or not all(w.isdigit() and len(w) < 10 for w in words):
        return jsonify(error_body("perspective_ids_invalid")), 400  # a .json path: JSON
    publication = published(db.session, slug, version, snapshot=False)
    pages = pages_of(stored.perspectives_for(db.session, publication), {int(w) for w in words})
    address = url_for("publish.page", slug=slug, version=publication.version)
    return jsonify({"version": publication.version, "perspectives": [
        {"id": pid, "page": number, "url": f"{address}?page={number}#perspective-{pid}"}
        for pid, number in sorted(pages.items())]})


@blueprint.get("/tillganglighet")
def accessibility_statement() -> ResponseReturnValue:
    """The accessibility statement (tillgänglighetsredogörelse) DIGG asks for."""
    # Without a configured contact, a general one in the reader's language.
    contact = os.environ.get("DIALOG_ACCESSIBILITY_CONTACT") or translate(
        "publish.statement.default_contact", current_locale())
    return render_template("publish/statement.html", contact=contact,
                           statement_date=STATEMENT_DATE.isoformat())
