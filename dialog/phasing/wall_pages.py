"""The room's wall (the projector page): a kernel shell around the open phase's part.

``/facilitator/workshops/<id>/projector`` (endpoint ``console.projector``, as before) shows
the join address and QR code, the pause screen (while the workshop is paused) and the part
of the phase that is open (:class:`dialog.phasing.contract.WallPart`); while no phase is
open, the process's question. ``.../projector/part`` renders the part alone, so the wall can
redraw it after a live event without reloading; ``phase:changed`` reloads the whole wall.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, g, render_template, request
from flask.typing import ResponseReturnValue

from dialog.extensions import db
from dialog.models import Phase, PhaseStatus, Workshop
from dialog.phasing.contract import HasWall, WallPart
from dialog.services import facilitators
from dialog.web.auth import secret_key
from dialog.web.join_address import join_url
from dialog.web.pages import managed_page
from dialog.web.qr import qr_svg

#: The part shown while no phase is open (or the open phase has no wall of its own).
WAITING = WallPart("phasing/wall_waiting.html")


def room_phase(workshop: Workshop) -> Phase | None:
    """The open phase this room is in: the workshop's own (a process may run a phase for
    some meetings only), else the process's; ``None`` while the room waits."""
    for phase in (workshop.phase, workshop.process.current_phase):
        if phase is not None and phase.status is PhaseStatus.OPEN:
            return phase
    return None


def wall_part(workshop: Workshop) -> WallPart:
    """The part of the wall for the phase open in the workshop's room."""
    import phases

    phase = room_phase(workshop)
    if phase is None:
        return WAITING
    implementation = phases.phase_for(phase.kind)
    if not isinstance(implementation, HasWall):
        return WAITING
    return implementation.wall(db.session, phase, workshop)


def _context(workshop: Workshop, part: WallPart) -> dict[str, Any]:
    url = join_url(workshop.join_code)
    address = url.split("://", 1)[-1].split("/", 1)[0]
    return {"workshop": workshop, "process": workshop.process, "part": part,
            "phase": room_phase(workshop), "join_url": url, "join_address": address,
            "qr": qr_svg(url, label=f"QR-kod till {url}"),
            "api_token": facilitators.issue_token(secret_key(), g.facilitator),
            **part.context}


@managed_page(Workshop, "workshop_id")
def projector(workshop: Workshop) -> ResponseReturnValue:
    """The wall for the room's projector: nothing about who wrote what."""
    part = wall_part(workshop)
    return render_template("phasing/wall.html", **_context(workshop, part))


@managed_page(Workshop, "workshop_id")
def projector_part(workshop: Workshop) -> ResponseReturnValue:
    """The open phase's part of the wall alone, to redraw it after a live event."""
    part = wall_part(workshop)
    if request.args.get("template") not in (None, part.template):
        return "", 409  # the phase changed meanwhile: the wall reloads as a whole
    return render_template(part.template, **_context(workshop, part))


def install(app: Flask) -> None:
    app.add_url_rule("/facilitator/workshops/<int:workshop_id>/projector", "console.projector",
                     projector, methods=["GET"])
    app.add_url_rule("/facilitator/workshops/<int:workshop_id>/projector/part",
                     "console.projector_part", projector_part, methods=["GET"])
