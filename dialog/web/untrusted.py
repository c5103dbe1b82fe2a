"""The HTTP door for untrusted input: path ids, path text, query strings, forms and JSON.

Refused here, with the codes of :mod:`dialog.services.untrusted_input`, before any view runs:

* a path id outside ``1..LARGEST_ID`` matches no route (404 ``not_found``), so an id past
  PostgreSQL's INTEGER never reaches a query;
* path text, query strings and form fields with NUL (400 ``invalid_characters``);
* JSON too deeply nested, with ``NaN``/``Infinity``, or with unstorable text (the app's
  JSON provider parses every request body through :func:`untrusted_input.loads`).
"""

from __future__ import annotations

from typing import Any

from flask import Flask, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.routing import IntegerConverter, Map, PathConverter, UnicodeConverter
from werkzeug.routing.converters import ValidationError

from dialog.services import untrusted_input
from dialog.services.ids import LARGEST_ID


class IdConverter(IntegerConverter):
    """``<int:...>``: a positive id no column of ours can overflow, else no route matches."""

    def __init__(self, map: Map, fixed_digits: int = 0, min: int | None = 1,
                 max: int | None = LARGEST_ID, signed: bool = False) -> None:
        super().__init__(map, fixed_digits, min, max, signed)


class _NoNul:
    def to_python(self, value: str) -> Any:
        if "\x00" in value:
            raise ValidationError()
        return super().to_python(value)  # type: ignore[misc]


class TextConverter(_NoNul, UnicodeConverter):
    """``<name>``: path text without NUL (PostgreSQL cannot compare it), else no match."""


class FilePathConverter(_NoNul, PathConverter):
    """``<path:...>`` without NUL."""


class UntrustedJSONProvider(DefaultJSONProvider):
    """Parse JSON through :func:`dialog.services.untrusted_input.loads`.

    Flask gives every request the app's provider to parse its body with. The session
    cookie is parsed by it too, which costs nothing: we signed it, so it passes.
    """

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return untrusted_input.loads(s, **kwargs)


def _refuse_nul_in_query_and_form() -> None:
    untrusted_input.refuse_bad_characters(request.args.to_dict(flat=False))
    if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        untrusted_input.refuse_bad_characters(request.form.to_dict(flat=False))


def init_app(app: Flask) -> None:
    """Install the converters (before any route is added), the JSON provider and the check."""
    app.url_map.converters.update(int=IdConverter, default=TextConverter,
                                  string=TextConverter, path=FilePathConverter)
    app.json = UntrustedJSONProvider(app)
    app.before_request(_refuse_nul_in_query_and_form)
