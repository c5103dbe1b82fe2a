"""Guards shared by konkretisering's participant actions: same process, personal data."""

from __future__ import annotations

from dialog.errors import DialogError
from dialog.models import Participant
from dialog.services.personal_data import personal_data_kinds


def require_same_process(participant: Participant, process_id: int) -> None:
    """Refuse a participant token from another process."""
    if participant.process_id != process_id:
        raise DialogError("token_not_for_this_process", 403)


def scan(text: str) -> tuple[str, list[str]]:
    """Return the text and the kinds of personal data found in it (kept, but flagged)."""
    return text, personal_data_kinds(text) if text else []
