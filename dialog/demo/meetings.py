"""Meetings in the demo: the process over months and places.

The first workshop becomes a meeting at the library. A youth centre in Håsten still
collects (inventering; paused between its evenings) while a digital week reflects
(lärande samtal) and the library has reached konkretisering. Young people from the youth
centre come back to the digital week with their participant codes; a facilitator enters a
parent's interview with its source; the group "äldre" is added with an outreach visit
planned, and one for "region".
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from dialog.models import Facilitator, Process
from dialog.phasing import service as phases
from dialog.services import groups, meetings, outreach, participant_codes, participants, workshops
from phases.inventering.entered import enter_perspective
from phases.inventering.perspectives import submit_perspective

SWEDEN = ZoneInfo("Europe/Stockholm")

#: (stakeholder group, age band, text) of young people at the youth centre.
YOUTH_CENTRE = [
    ("unga", "13-15", "idea", "En egen ingång till fritidsgården från cykelvägen, så slipper "
                              "man gå förbi busstationen."),
    ("unga", "16-17", "feeling", "På fritidsgården känner man sig trygg för att personalen "
                                 "vet vad man heter."),
    ("unga", "13-15", "standpoint", "Vi vill vara med och bestämma hur centrum ska se ut, inte "
                                    "bara svara på en enkät."),
]


def moment(text: str) -> str:
    return datetime.fromisoformat(text).replace(tzinfo=SWEDEN).isoformat()


def build(session: Session, facilitator: Facilitator, process: Process) -> dict[str, Any]:
    """Three meetings in two places at different phases, returning participants, an
    interview entered with its source, an added group and outreach."""
    library = process.workshops[0]
    meetings.describe_meeting(session, library, {
        "place": "Stadsbiblioteket, Varberg", "format": "physical",
        "starts_at": moment("2026-02-10T18:00"), "ends_at": moment("2026-02-10T20:30"),
        "target_groups": ["vårdnadshavare", "skola", "polis", "föreningsliv"],
        "facilitators": ["Samtalsledare, Lokal nämnd Varberg", "demo@dialog.local"],
        "agenda": "1. Välkomna och frågan\n2. Perspektiv på telefonerna\n3. Vad saknas?"})
    centre = workshops.open_workshop(session, process, title="Fritidsgården Håsten")
    meetings.describe_meeting(session, centre, {
        "place": "Fritidsgården Håsten, Varberg", "format": "physical",
        "starts_at": moment("2026-03-04T18:00"), "ends_at": moment("2026-03-04T20:00"),
        "target_groups": ["unga"], "facilitators": ["Fritidsledare Håsten", "Fältarna"],
        "agenda": "1. Fika\n2. Otrygga platser på kartan\n3. Perspektiv"})
    week = workshops.open_workshop(session, process, title="Digital vecka: unga reflekterar")
    meetings.describe_meeting(session, week, {
        "place": "", "format": "digital", "requires_participant_code": True,
        "starts_at": moment("2026-03-09T08:00"), "ends_at": moment("2026-03-16T08:00"),
        "target_groups": ["unga"], "facilitators": ["Ungdomssamordnaren"],
        "agenda": "En vecka att läsa andras perspektiv och reflektera."})
    phases.open_phase(session, process, "inventering", [centre.id])
    phases.open_phase(session, process, "larande_samtal", [week.id])

    codes = []
    for number, (group, age_band, kind, text) in enumerate(YOUTH_CENTRE):
        joining = participants.join_meeting(session, centre.join_code,
                                            stakeholder_group=group, age_band=age_band)
        submit_perspective(session, joining.participant, centre, text=text, kind=kind,
                           client_id=f"demo-centre-{number}")
        codes.append(joining.participant_code)
    for code in codes[:2]:  # two of them come back to the digital week
        participants.join_meeting(session, week.join_code, participant_code=code)
    cards = participant_codes.print_cards(session, process, 5)
    participants.join_meeting(session, week.join_code, participant_code=cards[0],
                              stakeholder_group="unga", age_band="13-15")

    enter_perspective(
        session, facilitator, centre, source="interview", kind="feeling",
        stakeholder_group="vårdnadshavare", client_id="demo-interview-1",
        text="Jag jobbar natt och kan aldrig komma på möten. Jag vill veta att någon vuxen "
             "finns vid busstationen när min dotter åker hem.")
    # The evening at the youth centre is over; it opens again next week, still collecting.
    workshops.set_state(session, centre, "paused")
    groups.add_group(session, process, "äldre", facilitator)
    outreach.plan(session, process, {
        "stakeholder_group": "äldre", "action": "Besök på seniorernas träffpunkt och samtal "
                                                "med pappersenkät",
        "where": "Träffpunkt Håsten", "when": "2026-03-18", "responsible": "Fritidsförvaltningen"})
    outreach.plan(session, process, {
        "stakeholder_group": "region", "action": "Intervju med vårdcentralens kurator",
        "where": "Vårdcentralen Varberg", "when": "2026-03-25",
        "responsible": "Samtalsledaren"})
    return {"meetings": {"ids": [library.id, centre.id, week.id],
                         "returning_codes": codes[:2], "card_codes": cards[1:],
                         "page": f"/facilitator/processes/{process.id}/meetings"}}
