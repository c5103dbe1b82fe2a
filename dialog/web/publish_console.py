"""The facilitator's publication page: preview, publish, settings and the records export."""

from __future__ import annotations

from flask import Blueprint, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from dialog.errors import DialogError
from dialog.extensions import db
from dialog.publication import preview, publications_of, publish, settings_of
from dialog.publication import update_settings as change_settings
from dialog.publication.licences import LICENCES, licence_for
from dialog.services import processes
from dialog.web.auth import check_csrf, login_required
from dialog.web.publish import invitation
from dialog.web.publish_view import view_context

blueprint = Blueprint("publish_console", __name__, url_prefix="/facilitator")


def _page(process_id: int, error: DialogError | None = None) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
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


@blueprint.get("/processes/<int:process_id>/publication")
@login_required
def publication(process_id: int) -> ResponseReturnValue:
    """Preview what publishing now would show, with what changed since the latest version."""
    return _page(process_id)


@blueprint.post("/processes/<int:process_id>/publication")
@login_required
def publish_now(process_id: int) -> ResponseReturnValue:
    """Publish the next version: a deliberate act, confirmed by a checkbox."""
    check_csrf()
    process = processes.managed_process(db.session, g.facilitator, process_id)
    if request.form.get("confirm") != "on":
        return _page(process_id, DialogError("publication_not_confirmed"))
    try:
        made = publish(db.session, process, g.facilitator, note=request.form.get("note", ""),
                       licence=request.form.get("licence") or None)
    except DialogError as exc:
        db.session.rollback()
        return _page(process_id, exc)
    return redirect(url_for("publish_console.publication", process_id=process_id,
                            published=made.version))


@blueprint.post("/processes/<int:process_id>/publication/settings")
@login_required
def settings(process_id: int) -> ResponseReturnValue:
    """Save the default licence and the retention date."""
    check_csrf()
    process = processes.managed_process(db.session, g.facilitator, process_id)
    try:
        change_settings(db.session, process, {
            "licence": request.form.get("licence"),
            "retention_until": request.form.get("retention_until") or None})
    except DialogError as exc:
        db.session.rollback()
        return _page(process_id, exc)
    return redirect(url_for("publish_console.publication", process_id=process_id))
