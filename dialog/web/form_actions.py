"""The HTML-form face: a console form post performs an action, then redirects.

The form works without JavaScript and by keyboard. A refusal the facilitator can fix (a
missing title, a closed round) shows the same page again with the reason and what was
typed; a missing or foreign object (401/403/404) is the error page, as everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from flask import g, redirect, request
from flask.typing import ResponseReturnValue

from dialog import policy
from dialog.actions import Action, perform
from dialog.errors import DialogError
from dialog.extensions import db
from dialog.web.auth import check_csrf
from dialog.web.locale import current_locale
from dialog.web.public_url import public_base_url

#: Shows the page again after a refusal: ``refused(error, what_was_typed)``.
Refused = Callable[[DialogError, dict[str, Any]], ResponseReturnValue]
View = TypeVar("View", bound=Callable[..., ResponseReturnValue])
#: Draws an object's page with a refusal: ``render(found, error, what_was_typed)``.
Render = Callable[[Any, DialogError, dict[str, Any]], ResponseReturnValue]


def again(model: type[Any], object_id: int, render: Render) -> Refused:
    """Show the page of the object the form was about again, with the refusal.

    The object is loaded and allowed through the policy once more, as for a change: a
    refusal may come before the action reached its target (e.g. a malformed field, a box
    not ticked), so nothing foreign is shown and a team's reader is refused (403).
    """

    def refused(error: DialogError, typed: dict[str, Any]) -> ResponseReturnValue:
        return render(policy.managed(db.session, g.facilitator, model, object_id), error, typed)

    return refused


def writes_early(action: Action[Any]) -> Callable[[View], View]:
    """Begin the request's transaction as a writer before anything reads (the signed-in
    facilitator included), when ``action`` asks for it (:attr:`Action.write_early`).

    Put it above ``login_required``, which reads the facilitator.
    """

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> ResponseReturnValue:
            if action.write_early:
                db.begin_writing(db.session)
            return view(*args, **kwargs)

        return cast(View, wrapped)

    return decorate


def submit_form(action: Action[Any], data: dict[str, Any], refused: Refused,
                done: Callable[[Any], str]) -> ResponseReturnValue:
    """Perform ``action`` as the signed-in facilitator; redirect to ``done(result)``."""
    check_csrf()
    try:
        result = perform(action, db.session, g.facilitator, data, current_locale(),
                         base_url=public_base_url() or "")
    except DialogError as exc:
        if exc.status in (401, 403, 404):
            raise
        db.session.rollback()
        return refused(exc, request.form.to_dict())
    return redirect(done(result))
