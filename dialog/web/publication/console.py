"""The facilitator's publication page: preview, publish, settings and the records export.

Publishing and saving the settings are the same operations the JSON API offers
(``dialog.publication.operations``); the page only reads the form and shows the result.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from dialog import policy
from dialog.actions import Action, perform
from dialog.errors import DialogError
from dialog.extensions import db
from dialog.models import Process
from dialog.publication import operations, preview, publications_of, settings_of
from dialog.publication.licences import LICENCES, licence_for
from dialog.web.auth import check_csrf, login_required
from dialog.web.locale import current_locale
from dialog.web.publication.pages import invitation
from dialog.web.publication.view import view_context

blueprint = Blueprint("publish_console", __name__, url_prefix="/facilitator")
PAGE = "/processes/<int:process_id>/publication"


def _page(process_id: int, error: DialogError | None = None) -> ResponseReturnValue:
    process = policy.managed(db.session, g.facilitator, Process, process_id)
    snapshot = preview(db.session, process)
    settings = settings_of(db.session, process)
    context = view_context(
        snapshot, preview=True, changes=snapshot.get("changes"), invitation=invitation(
            process.id), licence=licence_for(settings.licence))
    return render_template(
        "publish/console.html", process=process, settings=settings, licences=LICENCES,
        publications=publications_of(db.session, process), error=error,
        published_now=request.args.get("published", type=int), **context,
    ), 400 if error else 200


def _submit(action: Action[Any], process_id: int, data: dict[str, Any]) -> Any:
    """Perform ``action`` for the form; a refusal shows the page again with the reason."""
    try:
        return perform(action, db.session, g.facilitator, {"process_id": process_id, **data},
                       current_locale())
    except DialogError as exc:
        db.session.rollback()
        return exc


@blueprint.get(PAGE)
@login_required
def publication(process_id: int) -> ResponseReturnValue:
    """Preview what publishing now would show, with what changed since the latest version."""
    return _page(process_id)


@blueprint.post(PAGE)
@login_required
def publish_now(process_id: int) -> ResponseReturnValue:
    """Publish the next version: a deliberate act, confirmed by a checkbox."""
    check_csrf()
    if request.form.get("confirm") != "on":
        return _page(process_id, DialogError("publication_not_confirmed"))
    made = _submit(operations.publish, process_id, {
        "note": request.form.get("note", ""), "licence": request.form.get("licence") or None})
    if isinstance(made, DialogError):
        return _page(process_id, made)
    return redirect(url_for("publish_console.publication", process_id=process_id,
                            published=made.version))


@blueprint.post(PAGE + "/settings")
@login_required
def settings(process_id: int) -> ResponseReturnValue:
    """Save the default licence and the retention date."""
    check_csrf()
    saved = _submit(operations.update_settings, process_id, {
        "licence": request.form.get("licence"),
        "retention_until": request.form.get("retention_until") or None})
    if isinstance(saved, DialogError):
        return _page(process_id, saved)
    return redirect(url_for("publish_console.publication", process_id=process_id))
