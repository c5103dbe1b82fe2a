"""Subscriptions' operations: ask for news about a published process, confirm, end.

All three are public: a resident needs no account. Asking answers the same whether the
address was known or not; only a published process can be followed, and only where this
instance sends mail.
"""

from __future__ import annotations

from typing import Any

from dialog.actions import Call, Input, Output, Role, Target, operation
from dialog.actions.fields import Id, LooseText
from dialog.errors import NotFound
from dialog.mail import transport
from dialog.models import Process
from dialog.publication.publishing import publications_of
from dialog.services import subscriptions


class NewSubscription(Input):
    process_id: Id
    email: LooseText = None


class SubscriptionAsked(Output):
    #: Always ``confirmation_sent``: whether the address was known is nobody's business.
    status: str


class SubscriptionToken(Input):
    token: LooseText = None


class SubscriptionConfirmed(Output):
    process_id: int
    confirmed: bool


class SubscriptionEnded(Output):
    process_id: int
    unsubscribed: bool


def require_mail_for(call: Call[Any], process: Process) -> None:
    """Only a published process, and only where mail is configured, can be followed."""
    if transport.configured() is None:
        raise NotFound("subscriptions_unavailable")
    if not publications_of(call.session, process):
        raise NotFound("process_not_found")


@operation("subscription.create", input=NewSubscription, role=Role.PUBLIC,
           result=SubscriptionAsked, target=Target(Process, "process_id"))
def create(call: Call[NewSubscription]) -> dict[str, str]:
    """Ask for e-mail about a process's news; a confirmation link is mailed (double opt-in)."""
    require_mail_for(call, call.target)
    subscriptions.subscribe(call.session, call.target, call.input.email, call.locale)
    return {"status": "confirmation_sent"}


@operation("subscription.confirm", input=SubscriptionToken, role=Role.PUBLIC,
           result=SubscriptionConfirmed)
def confirm(call: Call[SubscriptionToken]) -> dict[str, Any]:
    """Confirm an address through the link mailed to it."""
    found = subscriptions.confirm(call.session, call.input.token)
    return {"process_id": found.process_id, "confirmed": True}


@operation("subscription.unsubscribe", input=SubscriptionToken, role=Role.PUBLIC,
           result=SubscriptionEnded)
def unsubscribe(call: Call[SubscriptionToken]) -> dict[str, Any]:
    """End the notices; the address is deleted."""
    return {"process_id": subscriptions.unsubscribe(call.session, call.input.token),
            "unsubscribed": True}
