"""Who may do what to which object: the one place every face and operation asks.

Objects are loaded here too, so "not found" and "not yours" are answered the same way
everywhere. One rule, one error code:

* an object must exist (anyone): 404 ``<model>_not_found``;
* a facilitator reaches the objects of a process whose team they are in, as far as their
  role goes: a reader reads, a facilitator also changes, an owner also manages the team
  (:class:`Level`); outside the team: 403 ``not_your_process``; a reader who changes:
  403 ``team_reader_cannot_change``; a co-facilitator who manages the team: 403
  ``team_owner_required``. A process without a team (imported without an owner) is
  nobody's until ``dialog process set-owner`` gives it one;
* the owner of a proposal (an account named with ``POST /proposals/{id}/owners``) reaches
  that proposal only, and only where the action allows proposal owners;
* a participant acts only in the process they joined: 403 ``token_not_for_this_process``.

An object belongs to a process through its ``process_id`` (a column, or a property on
models reached through a parent).
"""

from __future__ import annotations

import re
from enum import IntEnum
from functools import cache
from typing import Any, TypeVar, cast

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, object_session

from dialog.errors import DialogError, Forbidden, NotFound
from dialog.models import (
    Facilitator,
    Participant,
    Process,
    ProcessMember,
    Proposal,
    ProposalOwner,
    TeamRole,
)
from dialog.services import ids

Loaded = TypeVar("Loaded")

#: Ids above this are refused as unknown before they reach the database: PostgreSQL's
#: INTEGER id columns are 32-bit, so 2**31 - 1 is safe on SQLite and PostgreSQL alike.
LARGEST_ID = ids.LARGEST_ID


def not_found_code(model: type[Any]) -> str:
    """``ConversationRound`` -> ``conversation_round_not_found``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower() + "_not_found"


def load(session: Session, model: type[Loaded], object_id: int) -> Loaded:
    """The object with this id, or 404 with the model's own code."""
    found = session.get(model, object_id) if 0 < object_id <= LARGEST_ID else None
    if found is None:
        raise NotFound(not_found_code(model))
    return found


def process_id_of(obj: Any) -> int:
    """The process an object belongs to (a process is its own)."""
    if isinstance(obj, Process):
        return obj.id
    return int(obj.process_id)


class Level(IntEnum):
    """How far an action reaches into a process; a team role grants up to its level."""

    READ = 1
    CHANGE = 2
    #: Managing the team (and, were there such a thing, deleting the process).
    OWN = 3


GRANTS = {TeamRole.READER: Level.READ, TeamRole.FACILITATOR: Level.CHANGE,
          TeamRole.OWNER: Level.OWN}
REFUSALS = {Level.CHANGE: "team_reader_cannot_change", Level.OWN: "team_owner_required"}


def role_in(session: Session, facilitator: Facilitator, process_id: int) -> TeamRole | None:
    """The facilitator's role in the process's team, or None outside it."""
    return session.scalar(select(ProcessMember.role).where(
        ProcessMember.process_id == process_id, ProcessMember.facilitator_id == facilitator.id))


def owns_proposal(session: Session, facilitator: Facilitator, proposal_id: int) -> bool:
    return session.scalar(select(ProposalOwner.id).where(
        ProposalOwner.proposal_id == proposal_id,
        ProposalOwner.facilitator_id == facilitator.id)) is not None


def refusal(facilitator: Facilitator, obj: Any, level: Level = Level.CHANGE, *,
            proposal_owners: bool = False) -> str | None:
    """Why the facilitator may not act on the object at this level, or None if they may."""
    session = object_session(obj)
    if session is None:
        return "not_your_process"
    role = role_in(session, facilitator, process_id_of(obj))
    if role is not None and GRANTS[role] >= level:
        return None
    if proposal_owners and isinstance(obj, Proposal) and owns_proposal(session, facilitator,
                                                                       obj.id):
        return None  # (a team's reader may own a proposal too)
    return "not_your_process" if role is None else REFUSALS[level]


def may_manage(facilitator: Facilitator, obj: Any, level: Level = Level.CHANGE) -> bool:
    """May this facilitator act on the object's process at this level (default: change)?"""
    return refusal(facilitator, obj, level) is None


def require_manage(facilitator: Facilitator, obj: Any, level: Level = Level.CHANGE, *,
                   proposal_owners: bool = False) -> None:
    code = refusal(facilitator, obj, level, proposal_owners=proposal_owners)
    if code is not None:
        raise Forbidden(code)


def require_same_process(participant: Participant, obj: Any) -> None:
    """A participant acts only within the process it joined."""
    if participant.process_id != process_id_of(obj):
        raise DialogError("token_not_for_this_process", 403)


def managed(session: Session, facilitator: Facilitator, model: type[Loaded],
            object_id: int, level: Level = Level.CHANGE, *,
            proposal_owners: bool = False) -> Loaded:
    """Load an object and require that the facilitator reaches its process at ``level``."""
    found = load(session, model, object_id)
    require_manage(facilitator, found, level, proposal_owners=proposal_owners)
    return found


def reachable(session: Session, participant: Participant, model: type[Loaded],
              object_id: int) -> Loaded:
    """Load an object and require that it is in the participant's own process."""
    found = load(session, model, object_id)
    require_same_process(participant, found)
    return found


def reachable_row(session: Session, participant: Participant, model: type[Any],
                  object_id: int, *columns: Any) -> Any:
    """:func:`reachable` for a hot path: one Core row (``process_id`` and ``columns``), no
    ORM object, refused with the same codes."""
    statement = _row_statement(cast(Any, model), tuple(column.key for column in columns))
    row = session.connection().execute(statement, {"id": object_id}).first() \
        if 0 < object_id <= LARGEST_ID else None
    if row is None:
        raise NotFound(not_found_code(model))
    if participant.process_id != row.process_id:
        raise DialogError("token_not_for_this_process", 403)
    return row


@cache
def _row_statement(model: Any, columns: tuple[str, ...]) -> Any:
    table = model.__table__
    return select(table.c.process_id, *(table.c[key] for key in columns)).where(
        table.c.id == bindparam("id"))


def require_programme(facilitator: Facilitator, programme: Any) -> None:
    """A programme is read in full and changed by the account that made it."""
    if programme.created_by_id != facilitator.id:
        raise Forbidden("not_your_programme")
