"""Publication API: publish a version, list, preview, settings, and the records export."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask.typing import ResponseReturnValue

from dialog.actions import Role, perform
from dialog.extensions import db
from dialog.models import Process
from dialog.publication import operations
from dialog.publication.operations import Versions
from dialog.publication.records import records_zip
from dialog.web.api.blueprint import blueprint
from dialog.web.http_actions import actor_for, describe, expose
from dialog.web.locale import current_locale
from dialog.web.public_url import external_url

PROCESS = "/processes/<int:process_id>"


def version_url(slug: str, version: int) -> str:
    return external_url("publish.page", slug=slug, version=version)


def slug_of(process_id: int) -> str:
    process = db.session.get(Process, process_id)
    assert process is not None
    return process.slug


def _with_url(publication: Any, body: dict[str, Any]) -> dict[str, Any]:
    return body | {"url": version_url(slug_of(publication.process_id), body["version"])}


def _with_urls(versions: Versions, body: dict[str, Any]) -> dict[str, Any]:
    return {"publications": [item | {"url": version_url(versions.slug, item["version"])}
                             for item in body["publications"]]}


expose(blueprint, "POST", PROCESS + "/publications", operations.publish,
       status=lambda made: 200 if made.duplicate else 201, statuses=(201, 200),
       shape=_with_url, endpoint="create_publication")
expose(blueprint, "GET", PROCESS + "/publications", operations.list_publications,
       shape=_with_urls, endpoint="list_publications")
expose(blueprint, "GET", PROCESS + "/publication-preview", operations.preview,
       endpoint="publication_preview")
expose(blueprint, "GET", PROCESS + "/publication-settings", operations.settings,
       endpoint="get_publication_settings")
expose(blueprint, "PATCH", PROCESS + "/publication-settings", operations.update_settings,
       endpoint="patch_publication_settings")
expose(blueprint, "GET", PROCESS + "/records.json", operations.process_records,
       endpoint="records_json")


@describe(blueprint, "GET", PROCESS + "/records.zip", "Samma utdrag som ZIP: JSON, en CSV per "
          "tabell och en README", role=Role.FACILITATOR, media_type="application/zip")
def records_zip_file(process_id: int) -> ResponseReturnValue:
    found = perform(operations.process_records, db.session, actor_for(Role.FACILITATOR),
                    {"process_id": process_id}, current_locale())
    response = Response(records_zip(found), mimetype="application/zip")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{slug_of(process_id)}-records.zip"')
    response.headers["Cache-Control"] = "no-store"
    return response
