"""Pick the reader's language (Swedish first) and expose ``_()`` to templates."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, g, request

from dialog.i18n import LOCALES, negotiate, plural_forms, translate
from dialog.services import hide_reasons

COOKIE = "dialog_lang"


def current_locale() -> str:
    return getattr(g, "locale", "sv")


def _(key: str, **params: Any) -> str:
    """Translate ``key`` into the current request's language."""
    return translate(key, current_locale(), **params)


def forms(key: str) -> dict[str, str]:
    """A plural message's forms in the current language, for a page's script strings."""
    return plural_forms(key, current_locale())


def hide_reason_texts() -> dict[str, str]:
    """The common hide reasons' texts by code in the current language: a phone shows a
    coded reason in its own language, whatever language the facilitator hid it in."""
    return {code: hide_reasons.text_of(code, current_locale()) for code in hide_reasons.CODES}


def init_app(app: Flask) -> None:
    @app.before_request
    def _choose_locale() -> None:
        explicit = request.args.get("lang") or request.cookies.get(COOKIE)
        g.locale = negotiate(request.headers.get("Accept-Language"), explicit)

    @app.after_request
    def _remember_choice(response: Response) -> Response:
        chosen = request.args.get("lang")
        if chosen in LOCALES:
            response.set_cookie(COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax")
        return response

    @app.context_processor
    def _template_helpers() -> dict[str, Any]:
        return {"_": _, "_forms": forms, "locale": current_locale(), "locales": LOCALES,
                "hide_reason_texts": hide_reason_texts}
