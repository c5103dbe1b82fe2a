"""The committee report (HTML and PDF) and the open-data ZIP of a publication.

The PDF and the ZIP are built by a background job (``builds``) and stored in the database,
so every serving process finds them. A request only reads them: while a file is not built
yet it asks for it (the queue coalesces equal asks) and answers 202 "being built" with
``Retry-After``, in Swedish (``publication_file_building``), never building it itself.
"""

from __future__ import annotations

from flask import Response, jsonify, render_template, request
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.jobs import enqueue
from dialog.models import Publication, PublicationFile
from dialog.publication import published, stored
from dialog.web.errors import error_body
from dialog.web.headers import report_policy
from dialog.web.locale import current_locale
from dialog.web.public_url import public_base_url
from dialog.web.publication.builds import stored_files_base
from dialog.web.publication.pages import blueprint
from dialog.web.publication.report import renderer_key, report_html_text

#: Seconds a reader is asked to wait before asking for a file being built again.
RETRY_AFTER = 10
BUILDING = "publication_file_building"


def files_base_url(publication: Publication) -> str:
    """The base of links in the report HTML: configured or trusted, never any ``Host``;
    else where the version was published from."""
    return public_base_url() or publication.base_url or ""


def _filename(slug: str, version: int, suffix: str) -> str:
    return f"{slug}-v{version}{suffix}"


def _ask_for(publication: Publication, name: str, locale: str) -> None:
    enqueue(stored.BUILD_JOB, job_id=stored.build_job_id(publication.id, name, locale),
            publication_id=publication.id, name=name, locale=locale)


def _building(slug: str, version: int, name: str) -> ResponseReturnValue:
    if request.accept_mimetypes.best == "application/json":
        response = jsonify(error_body(BUILDING))
    else:
        response = Response(render_template(
            "publish/building.html", slug=slug, version=version, name=name), mimetype="text/html")
    response.status_code = 202
    response.headers["Retry-After"] = str(RETRY_AFTER)
    response.headers["Cache-Control"] = "no-store"
    return response


def _serve(slug: str, version: int | None, name: str, locale: str, mimetype: str,
           suffix: str, inline: bool = False) -> ResponseReturnValue:
    publication = published(db.session, slug, version, snapshot=False)
    found: PublicationFile | None = stored.find(db.session, publication.id, name, locale)
    if found is None or found.renderer != renderer_key(stored_files_base(publication)):
        _ask_for(publication, name, locale)  # sent when this request commits
    if found is None:
        return _building(slug, publication.version, name)
    response = Response(found.data, mimetype=mimetype)
    disposition = "inline" if inline else "attachment"
    response.headers["Content-Disposition"] = (
        f'{disposition}; filename="{_filename(slug, publication.version, suffix)}"')
    response.set_etag(found.digest)
    return response.make_conditional(request)


@blueprint.get("/p/<slug>/report.html", defaults={"version": None})
@blueprint.get("/p/<slug>/v/<int:version>/report.html")
def report_html(slug: str, version: int | None) -> ResponseReturnValue:
    """The committee report as one HTML page (print it, or read it on screen)."""
    publication = published(db.session, slug, version, snapshot=False)
    response = Response(report_html_text(db.session, publication, files_base_url(publication)),
                        mimetype="text/html")
    response.headers["Content-Security-Policy"] = report_policy()  # its CSS is inlined
    return response


@blueprint.get("/p/<slug>/report.pdf", defaults={"version": None})
@blueprint.get("/p/<slug>/v/<int:version>/report.pdf")
def report_pdf(slug: str, version: int | None) -> ResponseReturnValue:
    """The committee report as an A4 PDF with page numbers (built by the worker)."""
    return _serve(slug, version, stored.REPORT, current_locale(), "application/pdf", ".pdf",
                  inline=True)


@blueprint.get("/p/<slug>/data.zip", defaults={"version": None})
@blueprint.get("/p/<slug>/v/<int:version>/data.zip")
def data_zip(slug: str, version: int | None) -> ResponseReturnValue:
    """Open data: CSV, JSON, GraphML, the Polis format and a README with the licence."""
    return _serve(slug, version, stored.DATA, "", "application/zip", "-data.zip")
