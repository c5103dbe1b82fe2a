"""The way back by e-mail: the form on the public page, and the confirm and end pages.

The links in a mail lead to a page with one button; following a link changes nothing by
itself (mail scanners open links). The end page also takes RFC 8058's one-click POST.
After each commit that queued mail, a background task sends what waits.
"""

from __future__ import annotations

import logging

from flask import Blueprint, Flask, render_template, request
from flask.typing import ResponseReturnValue
from sqlalchemy.exc import SQLAlchemyError

from dialog.actions import perform
from dialog.config import Settings
from dialog.errors import DialogError
from dialog.extensions import db, socketio
from dialog.mail import outbox, transport
from dialog.operations import subscriptions as operations
from dialog.publication import published
from dialog.services import subscriptions
from dialog.web.api.subscriptions import throttle_subscribe
from dialog.web.locale import current_locale
from dialog.web.public_url import public_base_url

log = logging.getLogger(__name__)
blueprint = Blueprint("subscriptions", __name__)


@blueprint.post("/p/<slug>/subscribe")
def subscribe(slug: str) -> ResponseReturnValue:
    """The public page's form: a confirmation mail goes out."""
    throttle_subscribe()
    process_id = published(db.session, slug).process_id
    email = request.form.get("email", "")
    try:
        perform(operations.create, db.session, None,
                {"process_id": process_id, "email": email}, current_locale())
    except DialogError as refused:
        return render_template("publish/subscription.html", step="ask", slug=slug,
                               error=refused, email=email), refused.status
    return render_template("publish/subscription.html", step="asked", slug=slug), 202


@blueprint.route("/subscriptions/<token>/confirm", methods=["GET", "POST"])
def confirm(token: str) -> ResponseReturnValue:
    found = subscriptions.by_token(db.session, token)
    if request.method == "POST":
        perform(operations.confirm, db.session, None, {"token": token}, current_locale())
        return render_template("publish/subscription.html", step="confirmed",
                               process=found.process)
    return render_template("publish/subscription.html", step="confirm", process=found.process,
                           token=token)


@blueprint.route("/subscriptions/<token>/unsubscribe", methods=["GET", "POST"])
def unsubscribe(token: str) -> ResponseReturnValue:
    found = subscriptions.by_token(db.session, token)
    process = found.process
    if request.method == "POST":
        perform(operations.unsubscribe, db.session, None, {"token": token}, current_locale())
        return render_template("publish/subscription.html", step="ended", process=process)
    return render_template("publish/subscription.html", step="end", process=process,
                           token=token)


def offered() -> bool:
    """Is the subscription form offered on public pages (is mail configured)?"""
    return transport.configured() is not None


def init_app(app: Flask) -> None:
    """Configure the SMTP transport and send queued mail after each commit that made some."""
    settings: Settings = app.config["DIALOG_SETTINGS"]
    transport.configure(settings.smtp_url, settings.mail_from)
    app.jinja_env.globals["subscriptions_offered"] = offered
    app.register_blueprint(blueprint)

    def wake() -> None:
        base = public_base_url()
        if base is None:  # links from an untrusted Host: the mail waits for `dialog mail send`
            log.warning("mail waits: no DIALOG_PUBLIC_URL and the Host is not trusted")
            return
        socketio.start_background_task(deliver_waiting, app, base)

    outbox.on_commit(wake if settings.smtp_url else None)


def deliver_waiting(app: Flask, base_url: str) -> int:
    """Send every waiting mail (a background task; its own session and commits).

    Under gevent (``dialog serve``) its short writes run between other greenlets' whole
    transactions; with real threads (the test server) a request that reads, then writes,
    may meet one of them on SQLite, so tests let the outbox settle between requests.
    """
    sender = transport.configured()
    if sender is None:
        return 0
    with app.app_context():
        session = db.new_session()
        try:
            return outbox.deliver_pending(session, sender, base_url)
        except SQLAlchemyError:  # busy database: the mail waits for the next commit or run
            log.warning("mail delivery interrupted", exc_info=True)
            session.rollback()
            return 0
        finally:
            session.close()
