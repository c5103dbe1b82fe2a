"""Declare an operation once; :func:`perform` runs it the same way for every face."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy.orm import Session

from dialog import policy
from dialog.actions.call import Call, Role
from dialog.actions.schema import Input, parse_input
from dialog.errors import Unauthorized
from dialog.models import Facilitator, Participant
from dialog.services.ids import parse_id

In = TypeVar("In", bound=Input)


@dataclass(frozen=True)
class Target:
    """The object an action acts on: ``model`` loaded by the input field ``field``.

    For a facilitator the object's process must be in their team, with a role reaching the
    action's :attr:`Action.level`; for a participant it must be the process they joined
    (see :mod:`dialog.policy`).
    """

    model: type[Any]
    field: str


@dataclass(frozen=True)
class Action(Generic[In]):
    """One operation: its name, input, who may call it, what it acts on and its result."""

    name: str
    input: type[In]
    role: Role
    run: Callable[[Call[In]], Any]
    result: type[BaseModel] | None = None
    target: Target | None = None
    summary: str = ""
    #: What a facilitator's team role must reach: read, change (the default) or own.
    level: policy.Level = policy.Level.CHANGE
    #: May the owner of the target proposal (outside the team) call it too?
    proposal_owners: bool = False
    #: Does it read what it then writes on (the latest version)? Its faces then begin the
    #: transaction as a writer before anything reads (``Database.begin_writing``).
    write_early: bool = False

    @property
    def changes(self) -> bool:
        return self.level > policy.Level.READ

    def parse(self, data: dict[str, Any]) -> In:
        return parse_input(self.input, data)

    def dump(self, result: Any) -> Any:
        """The JSON-ready form of what :attr:`run` returned."""
        if self.result is None or result is None:
            return result
        if isinstance(result, BaseModel):
            return result.model_dump(mode="json")
        return self.result.model_validate(result, from_attributes=True).model_dump(mode="json")


#: Every declared action by name; the OpenAPI document and the tests read it.
REGISTRY: dict[str, Action[Any]] = {}


def operation(name: str, *, input: type[In], role: Role, result: type[BaseModel] | None = None,
              target: Target | None = None, changes: bool = True,
              level: policy.Level | None = None, proposal_owners: bool = False,
              write_early: bool = False) -> Callable[[Callable[[Call[In]], Any]], Action[In]]:
    """Declare ``run`` as the action ``name`` (e.g. ``"perspective.submit"``).

    ``changes=False`` declares an action that only reads: a team's reader may call it.
    ``level=Level.OWN`` reserves it for the process's owners (managing the team).
    ``write_early=True``: its transaction holds the database's write lock from its start.
    """

    def declare(run: Callable[[Call[In]], Any]) -> Action[In]:
        if name in REGISTRY:
            raise ValueError(f"action {name!r} is declared twice")
        summary = (run.__doc__ or "").strip().splitlines()[0] if run.__doc__ else name
        needed = level or (policy.Level.CHANGE if changes else policy.Level.READ)
        action = Action(name=name, input=input, role=role, run=run, result=result,
                        target=target, summary=summary, level=needed,
                        proposal_owners=proposal_owners, write_early=write_early)
        REGISTRY[name] = action
        return action

    return declare


def require_role(role: Role, actor: Facilitator | Participant | None) -> None:
    if role is Role.FACILITATOR and not isinstance(actor, Facilitator):
        raise Unauthorized("facilitator_token_required")
    if role is Role.PARTICIPANT and not isinstance(actor, Participant):
        raise Unauthorized("participant_token_invalid")
    if role is Role.SIGNED_IN and actor is None:
        raise Unauthorized("unauthorized")


def perform(action: Action[In], session: Session, actor: Facilitator | Participant | None,
            data: dict[str, Any], locale: str = "sv", *, base_url: str = "") -> Any:
    """Check the role, load and allow the target, parse the input, run. Only flushes.

    The target is allowed before the rest of the input is read, so whoever may not touch
    an object learns nothing about what the action would have said of their input.
    ``base_url`` is the face's trusted address of this instance (:attr:`Call.base_url`).
    """
    require_role(action.role, actor)
    target = None
    if action.target is not None:
        object_id = parse_id(data.get(action.target.field), action.target.field)
        if isinstance(actor, Participant):
            target = policy.reachable(session, actor, action.target.model, object_id)
        elif isinstance(actor, Facilitator):
            target = policy.managed(session, actor, action.target.model, object_id,
                                    action.level, proposal_owners=action.proposal_owners)
        else:
            target = policy.load(session, action.target.model, object_id)
    parsed = action.parse(data)
    call: Call[In] = Call(session=session, actor=actor, input=parsed, locale=locale,
                          target=target, level=action.level, base_url=base_url)
    return action.run(call)
