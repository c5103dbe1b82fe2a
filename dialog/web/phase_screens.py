"""Which screen a participant's phone shows now: the open phase's ``phone_screen``.

A phase's ``PhoneScreen.context`` may name an ``endpoint`` (a Flask endpoint taking
``workshop_id``); the phone is sent there. Without one, the phone goes to the write page.
"""

from __future__ import annotations

from typing import Any

from flask import url_for
from sqlalchemy.orm import Session

import phases
from dialog.i18n import translate
from dialog.models import Participant, PhaseStatus, Process
from dialog.services.phases import phase_to_dict
from dialog.web.locale import current_locale

#: Where a phone goes when a phase's screen names no endpoint of its own.
DEFAULT_ENDPOINT = "participant.write"
#: Where it waits while no phase is open.
WAITING_ENDPOINT = "samtal.now"


def screen_for(session: Session, participant: Participant) -> dict[str, Any]:
    """The current phase of the participant's process and the URL of its phone screen."""
    process = session.get(Process, participant.process_id)
    assert process is not None
    phase = process.current_phase
    workshop_id = participant.workshop_id
    if phase is None or phase.status is not PhaseStatus.OPEN or workshop_id is None:
        url = url_for(WAITING_ENDPOINT, workshop_id=workshop_id) if workshop_id else None
        return {"phase": phase_to_dict(phase) if phase else None, "waiting": True,
                "screen": {"template": None, "url": url}}
    try:
        implementation = phases.phase_for(phase.kind)
    except KeyError:  # a phase kind whose module is not installed: keep writing
        implementation = None
    if implementation is None:
        template, endpoint = None, DEFAULT_ENDPOINT
    else:
        screen = implementation.phone_screen(session, phase, participant)
        template, endpoint = screen.template, screen.context.get("endpoint", DEFAULT_ENDPOINT)
    locale = current_locale()
    name = translate(f"samtal.phase_names.{phase.kind.value}", locale)
    return {"phase": phase_to_dict(phase), "waiting": False,
            "screen": {"template": template,
                       "url": url_for(endpoint, workshop_id=workshop_id),
                       "notice": translate("samtal.now.offer", locale, phase=name)}}
