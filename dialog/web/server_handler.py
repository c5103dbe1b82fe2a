"""The gevent server's request handler, with time limits a slow client cannot stretch.

* The request line and headers must arrive within ``header_timeout`` seconds in all (a
  slow loris sending one header byte at a time is cut off with 400 and a closed socket).
* Every read or write on an open connection (a body, a WebSocket, a keep-alive wait) gives
  up after ``idle_timeout`` seconds of silence; Socket.IO pings every 10 s, so a live
  connection is never that quiet.
"""

from __future__ import annotations

from typing import Any

import gevent
from gevent import pywsgi

DEFAULT_HEADER_TIMEOUT = 15.0
DEFAULT_IDLE_TIMEOUT = 60.0


class HeaderTimeout(ValueError):
    """The request's headers did not arrive in time (a client error: 400, then close)."""


def handler_with_timeouts(header_timeout: float, idle_timeout: float) -> type[Any]:
    """A :class:`gevent.pywsgi.WSGIHandler` subclass bound to these limits."""

    class TimedHandler(pywsgi.WSGIHandler):  # type: ignore[misc]
        _header_timer: gevent.Timeout | None = None

        def handle(self) -> None:
            self.socket.settimeout(idle_timeout)
            super().handle()

        def read_requestline(self) -> str:
            self._header_timer = gevent.Timeout.start_new(
                header_timeout, HeaderTimeout("request headers took too long"))
            try:
                line: str = super().read_requestline()
            except HeaderTimeout:
                return ""
            return line

        def read_request(self, raw_requestline: str) -> Any:
            try:
                return super().read_request(raw_requestline)
            finally:
                self._stop_header_timer()

        def handle_one_request(self) -> Any:
            try:
                return super().handle_one_request()
            finally:
                self._stop_header_timer()

        def _stop_header_timer(self) -> None:
            if self._header_timer is not None:
                self._header_timer.close()
                self._header_timer = None

    return TimedHandler
