"""Subscriptions: residents who asked to hear what happens next, by e-mail, double opt-in.

An address is kept here only, apart from everything people said; it is never published,
and its row goes on unsubscribe or when the process's retention rule is applied. Only a
confirmed address gets news; asking twice never tells anyone whether an address was known.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from dialog.errors import DialogError, NotFound
from dialog.i18n import LOCALES, translate
from dialog.mail.outbox import BASE, enqueue
from dialog.models import Process, Subscription, utcnow

MAX_EMAIL = 254
#: One @, something before it, a dotted domain after it; no spaces or angle brackets.
EMAIL = re.compile(r"^[^@\s<>,;\"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
                   r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$")


def normalised_email(value: object) -> str:
    """The address, trimmed and with its domain in lower case, or 400 ``email_invalid``."""
    if not isinstance(value, str):
        raise DialogError("email_invalid")
    email = value.strip()
    if len(email) > MAX_EMAIL or not EMAIL.match(email):
        raise DialogError("email_invalid")
    local, _, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}"


def subscribe(session: Session, process: Process, email: object, locale: str) -> Subscription:
    """Ask for news; a confirmation mail goes out (again, if already asked and unconfirmed)."""
    address = normalised_email(email)
    locale = locale if locale in LOCALES else "sv"
    found = session.scalar(select(Subscription).where(Subscription.process_id == process.id,
                                                      Subscription.email == address))
    if found is None:
        found = Subscription(process_id=process.id, email=address,
                             token=secrets.token_urlsafe(32), locale=locale)
        session.add(found)
        session.flush()
    if found.confirmed_at is None:
        link = f"{BASE}/subscriptions/{found.token}/confirm"
        enqueue(session, found, translate("mail.confirm.subject", found.locale,
                                          title=process.title),
                translate("mail.confirm.body", found.locale, title=process.title, link=link))
    return found


def by_token(session: Session, token: object) -> Subscription:
    found = (session.scalar(select(Subscription).where(Subscription.token == token))
             if isinstance(token, str) and 0 < len(token) <= 64 else None)
    if found is None:
        raise NotFound("subscription_not_found")
    return found


def confirm(session: Session, token: object) -> Subscription:
    """The address owner followed the link: from now on, news goes there."""
    found = by_token(session, token)
    if found.confirmed_at is None:
        found.confirmed_at = utcnow()
        session.flush()
    return found


def unsubscribe(session: Session, token: object) -> int:
    """Forget the address (and any mail still waiting for it); returns its process id."""
    found = by_token(session, token)
    process_id = found.process_id
    session.delete(found)
    session.flush()
    return process_id


@dataclass(frozen=True)
class Localized:
    """A parameter given as a message key, translated into each subscriber's language."""

    key: str


def announce(session: Session, process: Process, what: str, **raw: object) -> int:
    """Tell every confirmed subscriber of the process about news ``what``.

    ``what`` names a message pair ``mail.<what>.subject`` / ``.body``; ``{link}`` in them is
    the process's public page; a :class:`Localized` parameter is translated per subscriber.
    Returns how many mails were queued.
    """
    subscribers = session.scalars(
        select(Subscription).where(Subscription.process_id == process.id,
                                   Subscription.confirmed_at.is_not(None)))
    link = f"{BASE}/p/{process.slug}"
    queued = 0
    for subscriber in subscribers:
        params = {name: translate(value.key, subscriber.locale)
                  if isinstance(value, Localized) else value for name, value in raw.items()}
        unsubscribe_link = f"{BASE}/subscriptions/{subscriber.token}/unsubscribe"
        body = "\n\n".join([
            translate(f"mail.{what}.body", subscriber.locale, title=process.title, link=link,
                      **params),
            translate("mail.footer", subscriber.locale, unsubscribe=unsubscribe_link)])
        enqueue(session, subscriber, translate(f"mail.{what}.subject", subscriber.locale,
                                               title=process.title, **params), body)
        queued += 1
    return queued


def forget_all(session: Session, process: Process) -> int:
    """Delete every address of a process (its retention rule); returns how many."""
    result = session.execute(delete(Subscription).where(Subscription.process_id == process.id))
    session.flush()
    return int(getattr(result, "rowcount", 0) or 0)
