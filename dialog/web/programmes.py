"""A programme's public page: its processes that have published, with their headline numbers.

Only published data is shown (each process's latest publication); a process that has not
published is left out, not even named.
"""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.services import programmes

blueprint = Blueprint("programmes", __name__)


@blueprint.get("/programme/<slug>")
def page(slug: str) -> ResponseReturnValue:
    programme = programmes.by_slug(db.session, slug)
    published = programmes.public_summary(db.session, programme)
    return render_template("publish/programme.html", programme=programme, published=published,
                           totals=programmes.totals(published))
