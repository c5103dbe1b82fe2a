"""The facilitator's publication page: preview, publish, settings and the records export.

Publishing and saving the settings are the same operations the JSON API offers
(``dialog.publication.operations``); the page only reads the form and shows the result.
"""

from __future__ import annotations

from flask import Blueprint, render_template, request, url_for
from flask.typing import ResponseReturnValue

from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import Process
from dialog.publication import operations, preview, publications_of, settings_of
from dialog.publication.licences import LICENCES, licence_for
from dialog.publication.once import Outcome
from dialog.publication.publishing import COMMITTEE_FIELDS
from dialog.publication.summary import summary_of
from dialog.web.auth import check_csrf, login_required
from dialog.web.form_actions import Refused, again, submit_form, writes_early
from dialog.web.pages import managed_page
from dialog.web.publication.pages import invitation, listing_from_args
from dialog.web.publication.view import view_context

blueprint = Blueprint("publish_console", __name__, url_prefix="/facilitator")
PAGE = "/processes/<int:process_id>/publication"


def _page(process: Process, error: DialogError | None = None) -> ResponseReturnValue:
    snapshot = preview(db.session, process)
    settings = settings_of(db.session, process)
    summary = summary_of(snapshot)
    context = view_context(
        summary, preview=True, changes=summary.get("changes"), invitation=invitation(
            process.id), licence=licence_for(settings.licence),
        listing=listing_from_args(snapshot.get("perspectives") or []))
    return render_template(
        "publish/console.html", process=process, settings=settings, licences=LICENCES,
        publications=publications_of(db.session, process), error=error,
        published_now=request.args.get("published", type=int),
        already_published=request.args.get("same") == "1", **context,
    ), 400 if error else 200


def _page_again(process_id: int) -> Refused:
    return again(Process, process_id, lambda process, error, _typed: _page(process, error))


@blueprint.get(PAGE)
@managed_page(Process, "process_id")
def publication(process: Process) -> ResponseReturnValue:
    """Preview what publishing now would show, with what changed since the latest version."""
    return _page(process)


@blueprint.post(PAGE)
@writes_early(operations.publish)
@login_required
def publish_now(process_id: int) -> ResponseReturnValue:
    """Publish the next version: a deliberate act, confirmed by a checkbox."""
    if request.form.get("confirm") != "on":
        check_csrf()
        return _page_again(process_id)(DialogError("publication_not_confirmed"), {})
    return submit_form(operations.publish, {
        "process_id": process_id, "note": request.form.get("note", ""),
        "licence": request.form.get("licence") or None}, _page_again(process_id),
        lambda made: _published(process_id, made))


def _published(process_id: int, made: Outcome) -> str:
    """The page again, saying which version is published (or was already: ``same=1``)."""
    if made.duplicate:
        return url_for("publish_console.publication", process_id=process_id,
                       published=made.version, same="1")
    return url_for("publish_console.publication", process_id=process_id,
                   published=made.version)


@blueprint.post(PAGE + "/settings")
@login_required
def settings(process_id: int) -> ResponseReturnValue:
    """Save the default licence and the retention date."""
    return submit_form(operations.update_settings, {
        "process_id": process_id, "licence": request.form.get("licence"),
        "retention_until": request.form.get("retention_until") or None,
        **{name: request.form.get(name, "") for name in COMMITTEE_FIELDS}},
        _page_again(process_id),
        lambda _saved: url_for("publish_console.publication", process_id=process_id))
