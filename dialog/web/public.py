"""Public, unauthenticated pages that are not about one process."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify
from flask.typing import ResponseReturnValue
from sqlalchemy import text

from dialog import __version__
from dialog.extensions import db

blueprint = Blueprint("public", __name__)

#: The icon every page links (``base.html``); served at /favicon.ico too, which browsers ask
#: for on a page with no icon of its own (the report, a file opened in a tab).
ICON_SVG = ("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'>"
            "<rect x='2' y='5' width='20' height='15' rx='5' fill='#1f4e79'/>"
            "<rect x='10' y='12' width='20' height='15' rx='5' fill='#7fa7cf' "
            "fill-opacity='.85'/></svg>")


@blueprint.get("/healthz")
def health() -> ResponseReturnValue:
    """Liveness and database check for load balancers and `make run`."""
    db.session.execute(text("SELECT 1"))
    return jsonify(status="ok", version=__version__)


@blueprint.get("/favicon.ico")
def favicon() -> ResponseReturnValue:
    """The site icon, so no page logs a 404 for it in the browser's console."""
    return Response(ICON_SVG, mimetype="image/svg+xml",
                    headers={"Cache-Control": "public, max-age=86400"})
