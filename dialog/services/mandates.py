"""A process's mandate (uppdrag) and who decides on its proposals.

The committee reads the results against what it asked for: the mandate says what the
process is to find out and what is open to influence; the decision maker is the body the
proposals go to. Both are shown from the first published version on.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from dialog.errors import DialogError
from dialog.models import Process

MAX_MANDATE = 4000
MAX_DECISION_MAKER = 200


def update_process(session: Session, process: Process, changes: dict[str, Any]) -> Process:
    """Change the mandate and/or the decision maker; a field left out stays as it is."""
    for field, limit in (("mandate", MAX_MANDATE), ("decision_maker", MAX_DECISION_MAKER)):
        if field in changes and changes[field] is not None:
            setattr(process, field, _text(changes[field], field, limit))
    session.flush()
    return process


def _text(value: Any, field: str, limit: int) -> str:
    if not isinstance(value, str):
        raise DialogError("invalid_text", field=field)
    text = value.strip()
    if len(text) > limit:
        raise DialogError("field_too_long", field=field, max=limit)
    return text
