"""The committee report's HTML: the summary, and every perspective only while they are few.

Up to ``REPORT_LISTS_UP_TO`` perspectives (app setting, default ``LISTS_UP_TO``) the appendix
lists them all; above it, the report prints the most answered perspectives per theme and
links to the open data and the paged list on the public page instead.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path

from flask import current_app, render_template, url_for
from sqlalchemy.orm import Session

from dialog import __version__
from dialog.i18n import LOCALES, message_files
from dialog.models import Publication
from dialog.paths import static_dir, templates_dir
from dialog.publication.licences import licence_for
from dialog.publication.stored import perspectives_for, summary_for
from dialog.web.publication.view import view_context

REPORT_CSS = "css/publish-report.css"
#: The report lists every perspective up to this many (``app.config["REPORT_LISTS_UP_TO"]``).
LISTS_UP_TO = 500


def lists_up_to() -> int:
    return int(current_app.config.get("REPORT_LISTS_UP_TO", LISTS_UP_TO))


def report_html_text(session: Session, publication: Publication, base: str) -> str:
    """Render the self-contained report (CSS inlined) in the current language."""
    summary = summary_for(session, publication)
    css = (static_dir() / REPORT_CSS).read_text(encoding="utf-8")
    slug = summary["process"]["slug"]
    page_url = base + url_for("publish.page", slug=slug, version=publication.version)
    listed = summary["perspective_count"] <= lists_up_to()
    return render_template("publish/report.html", **view_context(
        summary, report_css=css, page_url=page_url, licence=licence_for(publication.licence),
        changes=summary.get("changes"), invitation=None,
        appendix=perspectives_for(session, publication) if listed else None,
        links_absolute=bool(base),
        data_url=base + url_for("publish.data_zip", slug=slug, version=publication.version)))


@cache
def _renderer_digest() -> str:
    """A digest of what renders the files, so a changed template never serves a stale copy."""
    digest = hashlib.sha256(__version__.encode())
    sources: list[Path | Traversable] = [
        *sorted((templates_dir() / "publish").glob("*.html")), static_dir() / REPORT_CSS,
        *(found for locale in LOCALES for found in message_files(locale))]
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def renderer_key(base: str) -> str:
    """What a stored file was rendered by: the renderer's digest and the base of its links."""
    limit = str(lists_up_to()).encode()
    return f"{_renderer_digest()}-{hashlib.sha256(base.encode() + b' ' + limit).hexdigest()[:8]}"
