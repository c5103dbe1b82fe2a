"""Domain errors with stable codes; the faces turn them into HTTP 4xx or error acks."""

from __future__ import annotations

from typing import Any


class DialogError(Exception):
    """A refusal a user can act on: a stable ``code``, a status and message parameters.

    The human message lives in the translations under ``errors.<code>`` (Swedish first).
    """

    def __init__(self, code: str, status: int = 400, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.status = status
        self.params = params


class NotFound(DialogError):
    def __init__(self, code: str = "not_found", **params: Any) -> None:
        super().__init__(code, 404, **params)


class Forbidden(DialogError):
    def __init__(self, code: str = "forbidden", **params: Any) -> None:
        super().__init__(code, 403, **params)


class Unauthorized(DialogError):
    def __init__(self, code: str = "unauthorized", **params: Any) -> None:
        super().__init__(code, 401, **params)


class Conflict(DialogError):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, 409, **params)


class TooManyRequests(DialogError):
    """Slow down: the same key did the same thing too often; ``retry_after`` is in seconds."""

    def __init__(self, code: str = "too_many_requests", retry_after: int = 60,
                 **params: Any) -> None:
        super().__init__(code, 429, retry_after=retry_after, **params)
        self.retry_after = retry_after
