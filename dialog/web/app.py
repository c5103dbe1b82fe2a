"""The Flask application factory."""

from __future__ import annotations

import logging
from typing import Any

import socketio as socketio_server
from flask import Flask, Response, request

from dialog.config import Settings
from dialog.extensions import db, socketio
from dialog.jobs import runner as jobs_runner
from dialog.live.packets import JSONPacket, PacketJSON
from dialog.paths import static_dir, templates_dir
from dialog.services.redis_link import fast_failing
from dialog.web import untrusted
from dialog.web.errors import failed_commit_response
from dialog.web.public_url import flask_trusted_hosts, socket_origin_check
from dialog.web.throttling import make_throttles

log = logging.getLogger(__name__)


def message_queue(redis_url: str | None) -> socketio_server.RedisManager | None:
    """Socket.IO's Redis manager (Flask-SocketIO's own choice and channel), or None."""
    if not redis_url:
        return None
    return socketio_server.RedisManager(redis_url, channel="flask-socketio",
                                        redis_options=fast_failing(answers=False))

#: Largest HTTP request body; a perspective is 500 characters, a process a few kilobytes.
MAX_REQUEST_BYTES = 256 * 1024


def create_app(settings: Settings | None = None, *, async_mode: str = "threading",
               **config: Any) -> Flask:
    """Build the app: bind the database and Socket.IO, register blueprints and handlers."""
    settings = settings or Settings.from_env()
    app = Flask(
        "dialog",
        template_folder=str(templates_dir()),
        static_folder=str(static_dir()),
        instance_path=str(settings.instance_dir.resolve()),
    )
    app.config.update(
        SECRET_KEY=settings.secret_key,
        MAX_CONTENT_LENGTH=MAX_REQUEST_BYTES,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SECURE=settings.secure_cookies,
        JSON_SORT_KEYS=False,
        DIALOG_SETTINGS=settings,
        TRUSTED_HOSTS=flask_trusted_hosts(settings),
    )
    app.config.update(config)
    untrusted.init_app(app)  # before any route: path converters refuse ids past LARGEST_ID

    db.init(settings.database_url)
    jobs_runner.init_app(app, settings)  # where this process's jobs run (DIALOG_JOBS)
    app.extensions["dialog.throttle"], app.extensions["dialog.socket_throttle"] = \
        make_throttles(settings)
    socketio.init_app(
        app,
        async_mode=async_mode,
        # Between processes through Redis, failing fast while it restarts (and coming back by
        # itself: python-socketio subscribes again).
        client_manager=message_queue(settings.redis_url),
        max_http_buffer_size=settings.max_message_bytes,
        # Same site only (and DIALOG_ALLOWED_ORIGINS): no other site may drive a workshop.
        cors_allowed_origins=socket_origin_check(settings),
        ping_timeout=20,
        ping_interval=10,
        json=PacketJSON,  # event arguments parsed like HTTP bodies (depth, NaN, NUL)
        serializer=JSONPacket,  # what it sends is JSON: no walk of each payload for bytes
    )

    from dialog.live import NAMESPACE, register_live
    from dialog.web import (
        api,
        console,
        csrf,
        errors,
        evaluation,
        group_names,
        headers,
        locale,
        participant,
        public,
        socket_route,
        timefmt,
    )
    from dialog.web.publication import console as publish_console
    from dialog.web.publication import feed as _publication_feed  # noqa: F401 (its route)
    from dialog.web.publication import files as _publication_files  # noqa: F401 (its routes)
    from dialog.web.publication import pages as publish
    from dialog.web.publication import subscriptions as publish_subscriptions

    socket_route.init_app(app)  # a live event's request matches a route: no garbage cycle
    locale.init_app(app)
    errors.init_app(app)
    csrf.init_app(app)
    headers.init_app(app)
    timefmt.init_app(app)
    group_names.init_app(app)
    app.register_blueprint(api.blueprint)
    app.register_blueprint(console.blueprint)
    app.register_blueprint(participant.blueprint)
    app.register_blueprint(public.blueprint)
    app.register_blueprint(publish.blueprint)
    app.register_blueprint(publish_console.blueprint)
    publish_subscriptions.init_app(app)
    from dialog.web import programmes, team
    app.register_blueprint(team.blueprint)
    app.register_blueprint(programmes.blueprint)
    from dialog.web import meetings_forms  # noqa: F401 (the meetings pages' forms)
    from dialog.web.meetings_console import blueprint as meetings

    app.register_blueprint(meetings)
    app.register_blueprint(evaluation.blueprint)
    register_live(socketio)
    from dialog import phasing
    from phases import PHASES

    phasing.install(app, socketio, NAMESPACE)

    for phase in PHASES.values():
        phase.install(app, socketio, NAMESPACE)

    @app.before_request
    def _read_body_first() -> None:
        # Read the whole body before the first query: under gevent a slow upload would
        # otherwise yield mid-transaction, and on SQLite a write after another greenlet's
        # commit fails (a stale WAL snapshot). MAX_CONTENT_LENGTH bounds what is read.
        if request.method in ("POST", "PUT", "PATCH"):
            request.get_data(cache=True)

    @app.after_request
    def _commit_or_roll_back(response: Response) -> Response:
        # The request is the one commit boundary: operations only flush. A commit that
        # fails is our fault, not the caller's: logged, rolled back, 500 internal_error.
        if response.status_code >= 400:
            db.session.rollback()
            return response
        try:
            db.session.commit()
        except Exception:
            log.exception("commit failed for %s %s", request.method, request.path)
            db.session.rollback()
            return failed_commit_response()
        return response

    @app.teardown_appcontext
    def _close_session(_exc: BaseException | None) -> None:
        db.remove()

    return app
