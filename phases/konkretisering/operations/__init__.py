"""Konkretisering's actions, declared once per aggregate; the API, the live events and the
console's forms are thin adapters over them (``api.py``, ``live.py``, ``forms.py``).

Objects are loaded and authorised by each action's :class:`~dialog.actions.Target` (or
``call.managed`` / ``call.reachable``), i.e. by :mod:`dialog.policy`.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, WithJsonSchema

#: A boolean the operation reads itself (e.g. only ``true`` hides).
LooseFlag = Annotated[Any, WithJsonSchema({"type": "boolean"})]
#: A ``client_id`` left out is ``client_id_required`` (not ``field_required``).
SENT_ONCE: Any = Field(None, validate_default=True)


