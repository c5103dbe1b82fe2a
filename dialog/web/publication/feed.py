"""``/p/<slug>/feed.atom``: what happened next, for feed readers and the municipality's site."""

from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement, tostring

from flask import Response
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.models import Process
from dialog.publication import published
from dialog.publication.feed import NewsItem, news
from dialog.web.locale import _
from dialog.web.public_url import public_base_url
from dialog.web.publication.pages import blueprint

ATOM = "http://www.w3.org/2005/Atom"


@blueprint.get("/p/<slug>/feed.atom")
def feed(slug: str) -> ResponseReturnValue:
    """An Atom feed of versions and proposals' status changes (only what is published)."""
    process = db.session.get(Process, published(db.session, slug).process_id)
    assert process is not None
    base = public_base_url() or ""  # an untrusted Host never names our links
    items = news(db.session, process)
    root = Element("feed", xmlns=ATOM)
    root.set("xml:lang", process.language or "sv")
    SubElement(root, "title").text = _("way_back.feed.title", title=process.title)
    SubElement(root, "id").text = f"{base}/p/{slug}"
    SubElement(root, "link", rel="alternate", href=f"{base}/p/{slug}")
    SubElement(root, "link", rel="self", href=f"{base}/p/{slug}/feed.atom")
    SubElement(root, "updated").text = (items[0].updated if items else process.created_at
                                        ).isoformat()
    SubElement(SubElement(root, "author"), "name").text = (process.owner_organisation
                                                          or process.title)
    for item in items:
        _entry(root, item, base, slug)
    body = b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(root, encoding="utf-8")
    return Response(body, mimetype="application/atom+xml")


def _entry(root: Element, item: NewsItem, base: str, slug: str) -> None:
    params = dict(item.params)
    if "status" in params:
        params["status"] = _(f"publish.status.{params['status']}")
    if "outcome" in params:
        params["outcome"] = _(f"followup.outcome.{params['outcome']}")
    entry = SubElement(root, "entry")
    SubElement(entry, "title").text = _(f"way_back.feed.{item.kind}", **params)
    SubElement(entry, "id").text = f"{base}/p/{slug}#{item.key}"
    SubElement(entry, "link", rel="alternate", href=f"{base}{item.path}")
    SubElement(entry, "updated").text = item.updated.isoformat()
    if item.summary:
        SubElement(entry, "summary").text = item.summary
