"""One call of an action: who calls, with what input, in which session and language."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from dialog import policy
from dialog.errors import Unauthorized
from dialog.models import Facilitator, Participant

In = TypeVar("In")
Loaded = TypeVar("Loaded")


class Role(StrEnum):
    """Who may call an action at all; which objects they may touch is :mod:`dialog.policy`."""

    FACILITATOR = "facilitator"
    PARTICIPANT = "participant"
    #: A facilitator or a participant (e.g. drawing a link between perspectives).
    SIGNED_IN = "signed_in"
    PUBLIC = "public"


@dataclass
class Call(Generic[In]):
    """The context an operation runs in. Operations flush; the face commits."""

    session: Session
    actor: Facilitator | Participant | None
    input: In
    locale: str = "sv"
    #: The object named by the action's :class:`~dialog.actions.Target`, loaded and allowed.
    target: Any = None
    #: The level the action declared; :meth:`managed` asks the same of other objects.
    level: policy.Level = policy.Level.CHANGE
    #: Where this instance lives as the face knows it and trusts it (``DIALOG_PUBLIC_URL``,
    #: else a trusted request host), for what an operation stores links with; "" unknown.
    base_url: str = ""

    @property
    def facilitator(self) -> Facilitator:
        if not isinstance(self.actor, Facilitator):
            raise Unauthorized("facilitator_token_required")
        return self.actor

    @property
    def participant(self) -> Participant:
        if not isinstance(self.actor, Participant):
            raise Unauthorized("participant_token_invalid")
        return self.actor

    def managed(self, model: type[Loaded], object_id: int) -> Loaded:
        """Load an object the calling facilitator may manage, or refuse (see policy)."""
        return policy.managed(self.session, self.facilitator, model, object_id, self.level)

    def reachable(self, model: type[Loaded], object_id: int) -> Loaded:
        """Load an object of the calling participant's own process, or refuse."""
        return policy.reachable(self.session, self.participant, model, object_id)
