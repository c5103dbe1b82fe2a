"""Every refusal is a clear Swedish (or English) message with a stable code.

Our own failures (an unexpected exception, a commit that fails after the view) are a
logged 500 ``internal_error``, never ``bad_request``.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, render_template, request
from flask.globals import request_ctx
from werkzeug.exceptions import HTTPException

from dialog.errors import DialogError, TooManyRequests
from dialog.web.locale import _

log = logging.getLogger(__name__)

#: Werkzeug's HTTP errors mapped to our stable codes.
HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "too_many_requests",
}


def http_code(status: int) -> str:
    """Our code for an HTTP status: a server's fault is never the caller's ``bad_request``."""
    return HTTP_CODES.get(status) or ("internal_error" if status >= 500 else "bad_request")


def error_body(code: str, **params: object) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message": _(f"errors.{code}", **params)}}


def _wants_json() -> bool:
    if request_ctx.url_adapter is None:
        # Refused before routing (a Host outside DIALOG_TRUSTED_HOSTS): a page could not
        # build its links, so the answer is the JSON error rather than a 500.
        return True
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def _respond(code: str, status: int, **params: object) -> tuple[Response | str, int]:
    if _wants_json():
        return jsonify(error_body(code, **params)), status
    message = _(f"errors.{code}", **params)
    return render_template("error.html", code=code, message=message, status=status), status


def failed_commit_response() -> Response:
    """The answer when the request's commit failed: nothing was stored, say so plainly."""
    body, status = _respond("internal_error", 500)
    response = body if isinstance(body, Response) else Response(body, mimetype="text/html")
    response.status_code = status
    return response


def init_app(app: Flask) -> None:
    @app.errorhandler(DialogError)
    def _dialog_error(exc: DialogError) -> Response:
        body, status = _respond(exc.code, exc.status, **exc.params)
        response = body if isinstance(body, Response) else Response(body, mimetype="text/html")
        response.status_code = status
        if isinstance(exc, TooManyRequests):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> tuple[Response | str, int]:
        status = exc.code or 400
        return _respond(http_code(status), status)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> tuple[Response | str, int]:
        log.exception("unexpected error", exc_info=exc)
        return _respond("internal_error", 500)
