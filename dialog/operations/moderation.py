"""Moderate a perspective: approve, hide or restore; logged, never deleted."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import WithJsonSchema

from dialog.actions import Call, Input, Role, Target, operation
from dialog.actions.fields import Id, LooseOptionalText
from dialog.models import Perspective
from dialog.schemas import PerspectiveOut
from dialog.services import hide_reasons, moderation, redaction


class Moderate(Input):
    perspective_id: Id
    action: Annotated[Any, WithJsonSchema(
        {"enum": ["approve", "hide", "restore", "redact"]})] = None
    #: Why: the author's phone shows it. Needed for ``redact``; a ``hide`` without one is
    #: logged and shown with a default reason ("it did not fit here, ask the facilitator").
    reason: Annotated[Any, WithJsonSchema({
        "type": ["string", "null"],
        "description": "Why, in words for the author, whose phone shows it. Required for "
                       "redact. A hide without one is logged and shown with a default reason "
                       "(map_people.hide.default_reason in the caller's language)."})] = None
    #: A common reason's stable code: the author's phone shows it in its own language.
    reason_code: Annotated[Any, WithJsonSchema({
        "type": ["string", "null"],
        "enum": [*hide_reasons.CODES, hide_reasons.OTHER, None],
        "description": "A common reason (personal_data, offensive, off_topic, duplicate, "
                       "default), shown to the author in the author's language; sent without "
                       "a reason, its text in the caller's language is logged. other (or "
                       "none): the reason is the facilitator's own words, shown as written. "
                       "Another value is refused (unknown_hide_reason)."})] = None
    #: For ``redact``: the edited text that is published instead of the original.
    text: LooseOptionalText = None


@operation("perspective.moderate", input=Moderate, role=Role.FACILITATOR, result=PerspectiveOut,
           target=Target(Perspective, "perspective_id"))
def moderate_perspective(call: Call[Moderate]) -> Perspective:
    """Approve, hide, restore or redact a perspective; the decision is logged."""
    perspective: Perspective = call.target
    if call.input.action == "redact":
        redaction.redact(call.session, perspective, call.facilitator, call.input.text,
                         call.input.reason or "", reason_code=call.input.reason_code,
                         locale=call.locale)
        return perspective
    moderation.moderate(call.session, perspective, call.facilitator, call.input.action,
                        call.input.reason or "", locale=call.locale,
                        reason_code=call.input.reason_code)
    return perspective
