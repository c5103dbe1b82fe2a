"""The committee report (HTML and PDF) and the open-data ZIP of a publication.

Publications never change, so a rendered PDF or ZIP is cached on disk per version,
language and release of dialog.
"""

from __future__ import annotations

import hashlib
import tempfile
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from flask import Response, current_app, render_template, url_for
from flask.typing import ResponseReturnValue

from dialog import __version__
from dialog.extensions import db
from dialog.i18n import LOCALES, message_files
from dialog.models import Publication
from dialog.paths import static_dir, templates_dir
from dialog.publication import published
from dialog.publication.licences import licence_for
from dialog.publication.opendata import build_zip
from dialog.publication.pdf import html_to_pdf
from dialog.web.headers import report_policy
from dialog.web.locale import current_locale
from dialog.web.public_url import public_base_url
from dialog.web.publication.pages import blueprint
from dialog.web.publication.view import view_context

REPORT_CSS = "css/publish-report.css"


def report_html_text(publication: Publication) -> str:
    """Render the self-contained report (CSS inlined) for the current language."""
    snapshot = publication.snapshot
    css = (static_dir() / REPORT_CSS).read_text(encoding="utf-8")
    page_url = files_base_url() + url_for("publish.page", slug=snapshot["process"]["slug"],
                                          version=publication.version)
    return render_template("publish/report.html", **view_context(
        snapshot, report_css=css, page_url=page_url, licence=licence_for(publication.licence),
        changes=snapshot.get("changes"), invitation=None))


@cache
def _renderer_digest() -> str:
    """A digest of what renders the files, so a changed template never serves a stale copy."""
    digest = hashlib.sha256(__version__.encode())
    sources: list[Path | Traversable] = [
        *sorted((templates_dir() / "publish").glob("*.html")), static_dir() / REPORT_CSS,
        *(found for locale in LOCALES for found in message_files(locale))]
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def files_base_url() -> str:
    """The base of every link in a cached file: configured or trusted, never any ``Host``.

    With neither, links are paths on this site (``/p/...``): no caller can plant a host.
    """
    return public_base_url() or ""


def _cached(publication: Publication, name: str, make: Any) -> bytes:
    folder = Path(current_app.instance_path) / "publications" / str(publication.process_id)
    base = hashlib.sha256(files_base_url().encode()).hexdigest()[:8]
    target = folder / f"v{publication.version}-{_renderer_digest()}-{base}-{name}"
    if target.is_file():
        return target.read_bytes()
    data: bytes = make()
    folder.mkdir(parents=True, exist_ok=True)
    # A unique temporary name, then an atomic rename: two renders at once cannot collide.
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".part", delete=False) as partial:
        partial.write(data)
    Path(partial.name).replace(target)
    return data


def _filename(publication: Publication, suffix: str) -> str:
    return f"{publication.snapshot['process']['slug']}-v{publication.version}{suffix}"


def _download(data: bytes, mimetype: str, filename: str, inline: bool = False) -> Response:
    response = Response(data, mimetype=mimetype)
    disposition = "inline" if inline else "attachment"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@blueprint.get("/p/<slug>/report.html", defaults={"version": None})
@blueprint.get("/p/<slug>/v/<int:version>/report.html")
def report_html(slug: str, version: int | None) -> ResponseReturnValue:
    """The committee report as one HTML page (print it, or read it on screen)."""
    response = Response(report_html_text(published(db.session, slug, version)),
                        mimetype="text/html")
    response.headers["Content-Security-Policy"] = report_policy()  # its CSS is inlined
    return response


@blueprint.get("/p/<slug>/report.pdf", defaults={"version": None})
@blueprint.get("/p/<slug>/v/<int:version>/report.pdf")
def report_pdf(slug: str, version: int | None) -> ResponseReturnValue:
    """The committee report as an A4 PDF with page numbers (WeasyPrint)."""
    publication = published(db.session, slug, version)

    data = _cached(publication, f"report-{current_locale()}.pdf",
                   lambda: html_to_pdf(report_html_text(publication)))
    return _download(data, "application/pdf", _filename(publication, ".pdf"), inline=True)


@blueprint.get("/p/<slug>/data.zip", defaults={"version": None})
@blueprint.get("/p/<slug>/v/<int:version>/data.zip")
def data_zip(slug: str, version: int | None) -> ResponseReturnValue:
    """Open data: CSV, JSON, GraphML, the Polis format and a README with the licence."""
    publication = published(db.session, slug, version)
    data = _cached(publication, "data.zip", lambda: build_zip(
        publication.snapshot, base_url=files_base_url()))
    return _download(data, "application/zip", _filename(publication, "-data.zip"))
