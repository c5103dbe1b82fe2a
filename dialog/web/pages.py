"""Console pages about one object: sign-in, loading and authorisation in one decorator.

``@managed_page(Workshop, "workshop_id")`` turns the rule's ``workshop_id`` into the
workshop the signed-in facilitator may reach (or the shared 404/403 of
:mod:`dialog.policy`) and passes it to the view as its first argument. Reading a page
(GET) needs a team role that reads; a post needs one that changes (unless ``level`` says).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import g, request
from flask.typing import ResponseReturnValue

from dialog import policy
from dialog.extensions import db
from dialog.web.auth import login_required

View = Callable[..., ResponseReturnValue]


def managed_page(model: type[Any], field: str,
                 level: policy.Level | None = None) -> Callable[[View], View]:
    """Require a signed-in facilitator who reaches the ``model`` named by ``field``."""

    def decorate(view: View) -> View:
        @wraps(view)
        def page(**params: Any) -> ResponseReturnValue:
            needed = level or (policy.Level.READ if request.method in ("GET", "HEAD")
                               else policy.Level.CHANGE)
            found = policy.managed(db.session, g.facilitator, model, params.pop(field), needed)
            return view(found, **params)

        return login_required(page)

    return decorate
