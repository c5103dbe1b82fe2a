"""Publication API: publish a version, preview, settings, and the records export."""

from __future__ import annotations

from flask import Response, g, jsonify, url_for
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.publication import (
    preview,
    publication_to_dict,
    publications_of,
    publish,
    settings_of,
    update_settings,
)
from dialog.publication.records import records, records_zip
from dialog.services import processes
from dialog.web.api import blueprint
from dialog.web.auth import facilitator_required, json_body


def _url(slug: str, version: int) -> str:
    return url_for("publish.page", slug=slug, version=version, _external=True)


@blueprint.post("/processes/<int:process_id>/publications")
@facilitator_required
def create_publication(process_id: int) -> ResponseReturnValue:
    """Publish the next immutable version; answers ``{version, url}``."""
    process = processes.managed_process(db.session, g.facilitator, process_id)
    data = json_body()
    made = publish(db.session, process, g.facilitator, licence=data.get("licence"),
                   note=data.get("note") or "")
    return jsonify(version=made.version, url=_url(process.slug, made.version),
                   published_at=made.published_at.isoformat(), licence=made.licence), 201


@blueprint.get("/processes/<int:process_id>/publications")
@facilitator_required
def list_publications(process_id: int) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    return jsonify(publications=[publication_to_dict(p, _url(process.slug, p.version))
                                 for p in publications_of(db.session, process)])


@blueprint.get("/processes/<int:process_id>/publication-preview")
@facilitator_required
def publication_preview(process_id: int) -> ResponseReturnValue:
    """The snapshot publishing now would store, with ``changes`` since the latest version."""
    process = processes.managed_process(db.session, g.facilitator, process_id)
    return jsonify(preview(db.session, process))


def _settings_body(process_id: int) -> dict[str, object]:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    found = settings_of(db.session, process)
    return {"licence": found.licence,
            "retention_until": found.retention_until.isoformat() if found.retention_until
            else None,
            "retention_applied_at": found.retention_applied_at.isoformat()
            if found.retention_applied_at else None}


@blueprint.get("/processes/<int:process_id>/publication-settings")
@facilitator_required
def get_publication_settings(process_id: int) -> ResponseReturnValue:
    return jsonify(_settings_body(process_id))


@blueprint.patch("/processes/<int:process_id>/publication-settings")
@facilitator_required
def patch_publication_settings(process_id: int) -> ResponseReturnValue:
    """Change ``licence`` (CC-BY-4.0, CC0-1.0, CC-BY-SA-4.0) and ``retention_until``."""
    process = processes.managed_process(db.session, g.facilitator, process_id)
    update_settings(db.session, process, json_body())
    return jsonify(_settings_body(process_id))


@blueprint.get("/processes/<int:process_id>/records.json")
@facilitator_required
def records_json(process_id: int) -> ResponseReturnValue:
    """Everything recorded for the process, hidden perspectives and moderation log included."""
    process = processes.managed_process(db.session, g.facilitator, process_id)
    return jsonify(records(db.session, process, requested_by=g.facilitator.email))


@blueprint.get("/processes/<int:process_id>/records.zip")
@facilitator_required
def records_zip_file(process_id: int) -> ResponseReturnValue:
    process = processes.managed_process(db.session, g.facilitator, process_id)
    data = records_zip(records(db.session, process, requested_by=g.facilitator.email))
    response = Response(data, mimetype="application/zip")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{process.slug}-records.zip"')
    response.headers["Cache-Control"] = "no-store"
    return response
