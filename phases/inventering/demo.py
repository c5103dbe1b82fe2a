"""Inventering in the demo: a live workshop where several stakeholder groups speak.

The voices are written for the demo: young people, parents, school staff, police and
associations in Varberg. "region" and "kommun" stay quiet, so the console asks for them.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from dialog.models import Facilitator, Process, Workshop
from dialog.services import participants, processes, workshops
from phases.inventering.perspectives import submit_perspective

SLUG = "tillit-och-trygghet-i-varberg"

GROUPS = ["unga", "vårdnadshavare", "skola", "polis", "kommun", "region", "föreningsliv"]

#: (stakeholder group, age band, kind, text)
VOICES: list[tuple[str, str | None, str, str]] = [
    ("unga", "13-15", "feeling",
     "Jag känner mig otrygg när jag går hem från träningen genom parken. Det är mörkt och "
     "ingen är där."),
    ("unga", "16-17", "standpoint",
     "Vuxna pratar om oss men inte med oss. Fråga oss innan ni bestämmer något om "
     "centrum."),
    ("unga", "13-15", "idea",
     "Öppna fritidsgården på fredagar och lördagar till midnatt, då finns det något att "
     "göra istället för att hänga vid busstationen."),
    ("unga", "16-17", "thought",
     "Många litar inte på polisen, men det är för att man aldrig pratat med någon av dem "
     "på riktigt."),
    ("unga", "13-15", "feeling",
     "Det känns tryggare när det finns vuxna ute som man känner igen, typ fältare."),
    ("vårdnadshavare", "46-65", "feeling",
     "Jag är orolig varje gång mitt barn ska ta bussen hem sent. Jag vet inte vem jag ska "
     "ringa om något händer."),
    ("vårdnadshavare", "26-45", "idea",
     "Föräldravandringar på helgerna, gärna tillsammans med föreningarna, så att vi vuxna "
     "syns mer."),
    ("vårdnadshavare", "46-65", "standpoint",
     "Bättre belysning i parken och vid gångtunneln är det enklaste vi kan göra direkt."),
    ("vårdnadshavare", "26-45", "thought",
     "Vi föräldrar vet för lite om vad som händer på sociala medier. Där börjar många "
     "konflikter."),
    ("skola", "26-45", "standpoint",
     "Skolan märker oron först. Vi behöver kunna ringa socialtjänsten och få svar samma "
     "dag."),
    ("skola", "46-65", "idea",
     "Låt eleverna själva kartlägga otrygga platser på en karta och presentera den för "
     "nämnden."),
    ("skola", "26-45", "feeling",
     "Det är tungt när elever inte vill gå hem för att det inte känns tryggt där heller."),
    ("polis", "26-45", "standpoint",
     "Vi vill vara närvarande utan att skrämma. Kontakt före kontroll är vårt sätt att "
     "arbeta med unga."),
    ("polis", "46-65", "idea",
     "Kvarterspoliser som är med på skolans idrottsdag och i föreningarna bygger mer tillit "
     "än fler patruller."),
    ("polis", "26-45", "thought",
     "Anmälningarna ökar inte, men upplevd otrygghet gör det. Vi behöver förstå varför."),
    ("föreningsliv", "46-65", "idea",
     "Idrottsföreningarna kan hålla hallarna öppna på kvällarna om kommunen står för "
     "lokalkostnaden."),
    ("föreningsliv", "26-45", "standpoint",
     "Föreningarna når unga som ingen annan når, men vi får inget stöd för det arbetet."),
    # Held for moderation by the personal-data guard: the console shows what awaits a decision.
    ("unga", "16-17", "idea",
     "Jag kan visa var det är mörkt i parken, sms:a mig på 070-123 45 67 så går vi dit."),
    ("föreningsliv", "66+", "feeling",
     "Som äldre vågar jag inte gå till stationen på kvällen längre. Det var inte så förr."),
]


def build(session: Session, facilitator: Facilitator) -> tuple[Process, Workshop]:
    """Create the process, its first workshop, participants and their perspectives."""
    process = processes.create_process(
        session, facilitator,
        title="Tillit och trygghet i Varberg",
        question="Vad behövs för att alla i Varberg ska känna tillit och trygghet, "
                 "särskilt unga?",
        stakeholder_groups=GROUPS,
        description="Ett kunskapsuppdrag från Lokal nämnd Varberg: en medskapande dialog "
                    "med unga, vårdnadshavare, skola, polis och föreningsliv, digitalt och "
                    "fysiskt.",
        owner_organisation="Region Halland, Lokal nämnd Varberg",
    )
    workshop = workshops.open_workshop(session, process, title="Workshop 1: Trygghet i centrum")
    for number, (group, age_band, kind, text) in enumerate(VOICES):
        participant, _token = participants.join(
            session, workshop.join_code, stakeholder_group=group, age_band=age_band)
        submit_perspective(
            session, participant, workshop, text=text, kind=kind, client_id=f"demo-{number}")
    return process, workshop
