"""The Socket.IO path as a route of the app, so that a live event's request matches one.

Flask-SocketIO handles every event inside ``app.request_context(environ)`` of the
connection's first request, whose path (``/socket.io/``) was no route of the app. Flask
matched it anyway: werkzeug raised ``NotFound`` and Flask kept it in
``request.routing_exception``, with its traceback, whose frames refer back to the request
context. That is a reference cycle of about 50 objects (ten of them frames) per event,
which only the cyclic garbage collector frees: in a room of 1,000 phones nearly all the
server's cyclic garbage, so it set how often the collector ran, and each pass over the
events in flight held the whole gevent loop. With a route for the path the match succeeds
and nothing is left behind.

The Socket.IO middleware answers every HTTP request under the path before the app sees it;
the route's view only ever answers a request for the bare path (``/socket.io``), with the
same 404 as before.
"""

from __future__ import annotations

from typing import NoReturn

from flask import Flask, abort

#: The endpoint of the Socket.IO path (never called for a live event).
ENDPOINT = "socketio"


def init_app(app: Flask) -> None:
    """Route the Socket.IO path (call after ``socketio.init_app``, which wraps the app)."""
    path = getattr(app.wsgi_app, "engineio_path", "/socket.io/")
    app.add_url_rule(path, endpoint=ENDPOINT, view_func=_not_here, strict_slashes=False,
                     methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
    # A connection upgraded to WebSocket: werkzeug matches only rules made for one.
    app.add_url_rule(path, endpoint=ENDPOINT, strict_slashes=False, websocket=True)


def _not_here() -> NoReturn:
    abort(404)
