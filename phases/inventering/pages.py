"""Inventering's pages: the phone's write and sent pages, the workshop console.

They keep the endpoint names other pages link to (``participant.write``,
``participant.sent``, ``console.workshop``); :func:`install` adds them to the app beside the
kernel's join page and console. The wall (``console.projector``) is the kernel's shell
(:mod:`dialog.phasing.wall_pages`) around inventering's part (:mod:`phases.inventering.wall`).
"""

from __future__ import annotations

from flask import Flask, g, render_template, url_for
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.models import AGE_BANDS, MAX_TEXT_LENGTH, PerspectiveKind, Workshop
from dialog.policy import load
from dialog.publication.publishing import has_publication
from dialog.services import facilitators
from dialog.web.auth import secret_key
from dialog.web.join_address import join_url as room_join_url
from dialog.web.pages import managed_page
from dialog.web.qr import qr_svg


def write(workshop_id: int) -> ResponseReturnValue:
    """The phone writes a perspective (and its kind and group) to its workshop."""
    workshop = load(db.session, Workshop, workshop_id)
    return render_template(
        "inventering/write.html", workshop=workshop, process=workshop.process,
        groups=[g.name for g in workshop.process.stakeholder_groups],
        kinds=[k.value for k in PerspectiveKind], max_length=MAX_TEXT_LENGTH,
    )


def sent(workshop_id: int) -> ResponseReturnValue:
    """The phone's own perspectives with their moderation status."""
    workshop = load(db.session, Workshop, workshop_id)
    published = has_publication(db.session, workshop.process)
    return render_template("inventering/sent.html", workshop=workshop, process=workshop.process,
                           publication_url=url_for("publish.page", slug=workshop.process.slug)
                           if published else None)


def _workshop_page(workshop: Workshop, template: str) -> ResponseReturnValue:
    join_url = room_join_url(workshop.join_code)
    return render_template(
        template, workshop=workshop, process=workshop.process, join_url=join_url,
        qr=qr_svg(join_url, label=f"QR-kod till {join_url}"),
        api_token=facilitators.issue_token(secret_key(), g.facilitator),
        kinds=[k.value for k in PerspectiveKind], age_bands=AGE_BANDS,
        groups=[grp.name for grp in workshop.process.stakeholder_groups],
    )


@managed_page(Workshop, "workshop_id")
def workshop(found: Workshop) -> ResponseReturnValue:
    """The facilitator's workshop console: join code, tally, moderation, live wall."""
    return _workshop_page(found, "inventering/workshop.html")


PAGES = (
    ("/w/<int:workshop_id>", "participant.write", write),
    ("/w/<int:workshop_id>/sent", "participant.sent", sent),
    ("/facilitator/workshops/<int:workshop_id>", "console.workshop", workshop),
)


def install(app: Flask) -> None:
    for rule, endpoint, view in PAGES:
        app.add_url_rule(rule, endpoint, view, methods=["GET"])
