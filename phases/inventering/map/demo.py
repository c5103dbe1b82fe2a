"""Reactions in the demo: people in the room agree and disagree until two camps show.

Two new voices add a call for more control. Then twenty participants react to every
approved perspective: half lean towards control (more police, cameras, firmer rules), half
towards contact (open spaces, listen to the young, "kontakt före kontroll"); everyone shares
the wish for light in the park and for a school that gets answers. A little seeded noise
keeps it human. The facilitator draws a few links, and the map is analysed once so it is
ready when the demo opens.
"""

from __future__ import annotations

import random
from typing import Any

from sqlalchemy.orm import Session

from dialog.models import Facilitator, Perspective, Process, Workshop
from dialog.services import participants
from dialog.services.perspectives import perspectives_of_process
from phases.inventering.map import analysis_runs, links
from phases.inventering.map.reactions import react
from phases.inventering.perspectives import submit_perspective

#: (stakeholder group, age band, kind, text): the control side, which nobody had voiced yet.
CONTROL_VOICES = [
    ("vårdnadshavare", "46-65", "standpoint",
     "Vi behöver fler poliser och kameror i centrum på kvällarna. Det är det som hjälper."),
    ("föreningsliv", "66+", "standpoint",
     "Hårdare tag mot dem som bråkar vid busstationen, annars blir det aldrig tryggt."),
]

#: Openings of the perspectives each camp agrees with (the other camp disagrees).
CONTROL = ("Vi behöver fler poliser", "Hårdare tag", "Jag är orolig varje gång",
           "Som äldre vågar jag inte")
CONTACT = ("Vuxna pratar om oss", "Öppna fritidsgården", "Vi vill vara närvarande",
           "Kvarterspoliser", "Många litar inte på polisen", "Låt eleverna själva")
SHARED = ("Bättre belysning", "Skolan märker oron först", "Det känns tryggare när")

#: (source opening, relation, target opening), drawn by the facilitator.
LINKS = [
    ("Vi behöver fler poliser", "contrasts_with", "Vi vill vara närvarande"),
    ("Kvarterspoliser", "builds_on", "Vi vill vara närvarande"),
    ("Föräldravandringar", "builds_on", "Det känns tryggare när"),
    ("Idrottsföreningarna", "builds_on", "Öppna fritidsgården"),
]

VOTERS_PER_CAMP = 10
GROUP_CYCLE = ["unga", "vårdnadshavare", "skola", "föreningsliv", "polis"]
NOISE = 0.1


def build(session: Session, facilitator: Facilitator, process: Process,
          workshop: Workshop) -> dict[str, Any]:
    """Add the control voices, the reactions and the links; analyse the map once."""
    for number, (group, age_band, kind, text) in enumerate(CONTROL_VOICES):
        author, _token = participants.join(session, workshop.join_code,
                                           stakeholder_group=group, age_band=age_band)
        submit_perspective(session, author, workshop, text=text, kind=kind,
                           client_id=f"demo-map-{number}")
    approved = [p for p in perspectives_of_process(session, process)
                if p.status.value == "approved"]
    rng = random.Random(2024)
    for voter in range(2 * VOTERS_PER_CAMP):
        camp = CONTROL if voter % 2 == 0 else CONTACT
        person, _token = participants.join(
            session, workshop.join_code, stakeholder_group=GROUP_CYCLE[voter % 5])
        for perspective in approved:
            answer = _answer(perspective, camp)
            if answer is not None and rng.random() < NOISE:
                answer = "pass"
            if answer is not None:
                react(session, person, perspective, answer)
    by_opening = {p.text: p for p in approved}
    for source, relation, target in LINKS:
        links.create_link(session, process, source_id=_find(by_opening, source).id,
                          target_id=_find(by_opening, target).id, relation=relation,
                          facilitator=facilitator)
    analysis_runs.refresh(session, process)
    return extra_urls(process)


def extra_urls(process: Process) -> dict[str, Any]:
    """The map pages of the demo process, for the demo JSON."""
    return {"urls": {"map": f"/facilitator/processes/{process.id}/map",
                     "map_projector": f"/facilitator/processes/{process.id}/map/projector"}}


def _answer(perspective: Perspective, camp: tuple[str, ...]) -> str | None:
    text = perspective.text
    if text.startswith(SHARED):
        return "agree"
    if text.startswith(CONTROL + CONTACT):
        return "agree" if text.startswith(camp) else "disagree"
    return None  # the rest is left for the room to react to


def _find(by_text: dict[str, Perspective], opening: str) -> Perspective:
    return next(p for text, p in by_text.items() if text.startswith(opening))
