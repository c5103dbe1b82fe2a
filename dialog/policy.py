"""Who may do what to which object: the one place every face and operation asks.

Objects are loaded here too, so "not found" and "not yours" are answered the same way
everywhere. One rule, one error code:

* an object must exist (anyone): 404 ``<model>_not_found``;
* a facilitator manages the objects of a process they created: 403 ``not_your_process``;
* a participant acts only in the process they joined: 403 ``token_not_for_this_process``.

An object belongs to a process through its ``process_id`` (a column, or a property on
models reached through a parent).
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from sqlalchemy.orm import Session, object_session

from dialog.errors import DialogError, Forbidden, NotFound
from dialog.models import Facilitator, Participant, Process
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


def may_manage(facilitator: Facilitator, obj: Any) -> bool:
    """May this facilitator change (and read everything of) the object's process?"""
    process = obj if isinstance(obj, Process) else None
    if process is None:
        session = object_session(obj)
        process = session.get(Process, process_id_of(obj)) if session else None
    return process is not None and process.created_by_id in (None, facilitator.id)


def require_manage(facilitator: Facilitator, obj: Any) -> None:
    if not may_manage(facilitator, obj):
        raise Forbidden("not_your_process")


def require_same_process(participant: Participant, obj: Any) -> None:
    """A participant acts only within the process it joined."""
    if participant.process_id != process_id_of(obj):
        raise DialogError("token_not_for_this_process", 403)


def managed(session: Session, facilitator: Facilitator, model: type[Loaded],
            object_id: int) -> Loaded:
    """Load an object and require that the facilitator may manage its process."""
    found = load(session, model, object_id)
    require_manage(facilitator, found)
    return found


def reachable(session: Session, participant: Participant, model: type[Loaded],
              object_id: int) -> Loaded:
    """Load an object and require that it is in the participant's own process."""
    found = load(session, model, object_id)
    require_same_process(participant, found)
    return found
