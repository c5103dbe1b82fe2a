"""The HTML-form face: a console form post performs an action, then redirects.

The form works without JavaScript and by keyboard. A refusal the facilitator can fix (a
missing title, a closed round) shows the same page again with the reason and what was
typed; a missing or foreign object (401/403/404) is the error page, as everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import g, redirect, request
from flask.typing import ResponseReturnValue

from dialog.actions import Action, perform
from dialog.errors import DialogError
from dialog.extensions import db
from dialog.web.auth import check_csrf
from dialog.web.locale import current_locale

#: Shows the page again after a refusal: ``refused(error, what_was_typed)``.
Refused = Callable[[DialogError, dict[str, Any]], ResponseReturnValue]


def submit_form(action: Action[Any], data: dict[str, Any], refused: Refused,
                done: Callable[[Any], str]) -> ResponseReturnValue:
    """Perform ``action`` as the signed-in facilitator; redirect to ``done(result)``."""
    check_csrf()
    try:
        result = perform(action, db.session, g.facilitator, data, current_locale())
    except DialogError as exc:
        if exc.status in (401, 403, 404):
            raise
        db.session.rollback()
        return refused(exc, request.form.to_dict())
    return redirect(done(result))
