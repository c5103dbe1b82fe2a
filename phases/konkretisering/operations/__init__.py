"""Konkretisering's actions, declared once per aggregate; the API, the live events and the
console's forms are thin adapters over them (``api.py``, ``live.py``, ``forms.py``).

Objects are loaded and authorised by each action's :class:`~dialog.actions.Target` (or
``call.managed`` / ``call.reachable``), i.e. by :mod:`dialog.policy`.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, WithJsonSchema

from dialog.actions import Input
from dialog.actions.fields import Id

#: A boolean the operation reads itself (e.g. only ``true`` hides).
LooseFlag = Annotated[Any, WithJsonSchema({"type": "boolean"})]
#: A ``client_id`` left out is ``client_id_required`` (not ``field_required``).
SENT_ONCE: Any = Field(None, validate_default=True)


class OfProcess(Input):
    """Acts on a process (the target): its goals, alternatives, rounds or proposals."""

    process_id: Id
