"""Subscriptions API: a resident asks for news by e-mail, confirms, and ends it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dialog.operations import subscriptions
from dialog.services.throttle import Rule
from dialog.web.api.blueprint import blueprint
from dialog.web.http_actions import expose
from dialog.web.throttling import hit_for_client

#: Asking sends a mail: a few per address and hour is plenty for a household.
SUBSCRIBE = Rule("subscribe", "5/hour", code="subscribe_throttled")


def throttle_subscribe() -> None:
    hit_for_client(SUBSCRIBE)


def throttled(run: Callable[[], Any]) -> Any:
    """Count the ask against this address first (a mail goes out for each)."""
    throttle_subscribe()
    return run()


expose(blueprint, "POST", "/processes/<int:process_id>/subscriptions", subscriptions.create,
       status=202, endpoint="create_subscription", guard=throttled)
expose(blueprint, "POST", "/subscriptions/<token>/confirm", subscriptions.confirm,
       endpoint="confirm_subscription")
expose(blueprint, "POST", "/subscriptions/<token>/unsubscribe", subscriptions.unsubscribe,
       endpoint="end_subscription")
