"""The mail outbox: a mail waits in the database until the transaction that wrote it commits.

:func:`enqueue` adds a row and marks the session; when that session commits, the function
given to :func:`on_commit` is called (the web app starts a background delivery, a worker may
do the same), and :func:`deliver_pending` sends what waits. A mail is claimed before it is
sent, so two deliveries never send it twice; a failed send is tried again later, at most
:data:`MAX_ATTEMPTS` times. Links are stored with :data:`BASE` in place of the public address,
which the sender fills in.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Callable
from email.message import EmailMessage

from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from dialog.mail.transport import SmtpTransport
from dialog.models import MailOutbox, Subscription, utcnow

log = logging.getLogger(__name__)

WAITING = "dialog.mail_waiting"
MAX_ATTEMPTS = 5
#: Stands for the instance's public address in stored mail bodies.
BASE = "{{base}}"

_wake: Callable[[], None] | None = None


def enqueue(session: Session, subscription: Subscription, subject: str, body: str) -> MailOutbox:
    """Store a mail for a subscription; it is sent after the session commits."""
    mail = MailOutbox(subscription=subscription, subject=subject[:200], body=body)
    session.add(mail)
    session.info[WAITING] = True
    session.flush()
    return mail


def on_commit(wake: Callable[[], None] | None) -> None:
    """Call ``wake`` after every commit that enqueued mail (None: leave it waiting)."""
    global _wake
    _wake = wake


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.info.pop(WAITING, False) and _wake is not None:
        _wake()


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(WAITING, None)


def deliver_pending(session: Session, transport: SmtpTransport, base_url: str,
                    limit: int = 200) -> int:
    """Send the waiting mails (oldest first); commits after each. Returns how many went."""
    waiting = list(session.scalars(
        select(MailOutbox).where(MailOutbox.sent_at.is_(None),
                                 MailOutbox.attempts < MAX_ATTEMPTS)
        .order_by(MailOutbox.id).limit(limit)))
    session.commit()  # end the read: no transaction stays open while we talk SMTP
    sent = 0
    for mail in waiting:
        if not _claim(session, mail):
            continue
        message = _message(transport, mail, base_url.rstrip("/"))
        session.commit()
        try:
            transport.send(message)
        except (OSError, smtplib.SMTPException):
            log.warning("mail %s not sent (attempt %s)", mail.id, mail.attempts, exc_info=True)
            continue
        session.execute(update(MailOutbox).where(MailOutbox.id == mail.id)
                        .values(sent_at=utcnow())
                        .execution_options(synchronize_session=False))
        session.commit()
        sent += 1
    return sent


def _message(transport: SmtpTransport, mail: MailOutbox, base: str) -> EmailMessage:
    unsubscribe = f"{base}/subscriptions/{mail.subscription.token}/unsubscribe"
    return transport.message(mail.subscription.email, mail.subject,
                             mail.body.replace(BASE, base), {
                                 "List-Unsubscribe": f"<{unsubscribe}>",
                                 "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                                 "Auto-Submitted": "auto-generated"})


def _claim(session: Session, mail: MailOutbox) -> bool:
    """Count one attempt, unless another delivery got there first."""
    claimed = session.execute(
        update(MailOutbox).where(MailOutbox.id == mail.id, MailOutbox.sent_at.is_(None),
                                 MailOutbox.attempts == mail.attempts)
        .values(attempts=mail.attempts + 1)
        .execution_options(synchronize_session=False))
    session.commit()
    return bool(getattr(claimed, "rowcount", 0))
