"""Lärande samtal in the demo: the camps meet, the room reflects, the line is watched.

Round 1 of lärande samtal sets contrasting perspectives side by side (the first round the
map suggests, and "unga och polisen" by hand); people answer the reflection prompts and
the facilitator logs the room's tension on the resistance line as it climbs to gossip and
comes down again. The process then returns to inventering (round 2), where kommun and
region, silent so far, are heard; and lärande samtal round 2 runs as a digital round
open for a week. Konkretisering follows in its own module.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.models import ConversationRound, Facilitator, Participant, Perspective, Process, utcnow
from dialog.phasing import service as phases
from dialog.services import participants
from dialog.services.perspectives import perspectives_of_process
from phases.inventering.perspectives import submit_perspective
from phases.larande_samtal import reflections
from phases.larande_samtal import resistance as resistance_line
from phases.larande_samtal import rounds as conversation_rounds
from phases.larande_samtal import suggestions as conversation_suggestions

#: (title, openings of the perspectives set side by side)
HAND_MADE = ("Unga och polisen", ("Många litar inte på polisen", "Vi vill vara närvarande",
                                  "Vuxna pratar om oss"))

#: (group, view change, understood, question, keep, opening of the perspective that moved them)
REFLECTIONS_1 = [
    ("unga", "nuanced", "Polisen vill också lära känna oss, inte bara kontrollera.",
     "Kan kvarterspolisen komma till fritidsgården?", "Att unga tillfrågas först.",
     "Vi vill vara närvarande"),
    ("polis", "changed", "Unga litar inte på oss för att de aldrig pratat med oss på riktigt.",
     "", "Kontakt före kontroll, i praktiken.", "Många litar inte på polisen"),
    ("vårdnadshavare", "nuanced", "Fler vuxna ute kan betyda föräldrar, inte bara poliser.",
     "Vem samordnar föräldravandringarna?", "", "Vuxna pratar om oss"),
    ("skola", "unchanged", "", "Hur får skolan svar samma dag?",
     "Att skolan märker oron först.", None),
    ("föreningsliv", "nuanced", "Oron hos äldre och hos unga handlar om samma mörka platser.",
     "", "Belysningen i parken.", "Vuxna pratar om oss"),
]

#: (level, note): the room warms up, gossip appears, the intervention brings it down.
LINE_1 = [
    ("jokes", "Skämt om att polisen ändå aldrig kommer när man ringer."),
    ("yes_but", "”Ja, men det har vi redan provat” från flera håll."),
    ("gossip", "I pausen sägs det att beslutet redan är fattat. Togs in i rummet efter pausen."),
    ("sarcasm", "Spydigheter om kameror, men fler säger nu vad de tycker rakt ut."),
    ("jokes", "Skratt, men av det värmande slaget. Rummet håller."),
]

#: (group, age band, kind, text): voices heard in inventering round 2.
VOICES_2 = [
    ("kommun", "46-65", "standpoint",
     "Kommunen kan ta ansvar för belysning och öppettider, men behöver veta var det brister."),
    ("region", "26-45", "thought",
     "Ungas psykiska hälsa och trygghet hänger ihop. Ungdomsmottagningen borde vara med."),
    ("kommun", "26-45", "idea",
     "Fältare på kvällar och helger, tillsammans med föreningarna."),
]

REFLECTIONS_2 = [
    ("unga", "changed", "Kommunen vill också att det ska vara ljust och öppet.", "",
     "Att fältarna finns på helgerna.", "Fältare på kvällar"),
    ("polis", "nuanced", "Regionen ser tryggheten som hälsa, inte bara som brott.",
     "Hur når vi ungdomsmottagningen?", "", "Ungas psykiska hälsa"),
    ("kommun", "nuanced", "Unga vill bli frågade innan vi bestämmer om centrum.", "",
     "Fråga unga först.", None),
]


def build(session: Session, facilitator: Facilitator, process: Process) -> dict[str, Any]:
    """Run lärande samtal round 1, inventering round 2 and lärande samtal round 2."""
    phases.open_phase(session, process, "larande_samtal")
    first = _first_rounds(session, facilitator, process)
    _reflect(session, process, first[0], REFLECTIONS_1, "demo-samtal-1")
    _reflect(session, process, first[1], REFLECTIONS_1[:3], "demo-samtal-1b")
    for level, note in LINE_1:
        resistance_line.log_entry(session, facilitator, process, level=level, note=note,
                                  round_id=first[0].id)
    for conversation in first:
        conversation_rounds.close_round(session, conversation)

    phases.open_phase(session, process, "inventering")
    workshop = process.workshops[0]
    for number, (group, age_band, kind, text) in enumerate(VOICES_2):
        person, _token = participants.join(session, workshop.join_code,
                                           stakeholder_group=group, age_band=age_band)
        submit_perspective(session, person, workshop, text=text, kind=kind,
                           client_id=f"demo-round2-{number}")

    phases.open_phase(session, process, "larande_samtal")
    digital = conversation_rounds.create_round(
        session, facilitator, process, title="Hemifrån: vem tar ansvar för kvällen?",
        perspective_ids=_ids(session, process, ("Kommunen kan ta ansvar", "Fältare på kvällar",
                                                "Öppna fritidsgården", "Ungas psykiska hälsa")),
        prompt="Läs perspektiven i lugn och ro. Vad ser du nu som du inte såg förut?",
        closes_at=(utcnow() + timedelta(days=7)).isoformat())
    _reflect(session, process, digital, REFLECTIONS_2, "demo-samtal-2")
    resistance_line.log_entry(session, facilitator, process, level="jokes",
                              note="Lugnt. Kommunens närvaro togs emot med nyfikenhet.",
                              round_id=digital.id)
    return {
        "samtal": {
            "phases": [f"{p.kind.value} {p.round}" for p in process.phases],
            "rounds": [r.title for r in (*first, digital)],
        },
        **extra_urls(process),
    }


def extra_urls(process: Process) -> dict[str, Any]:
    """The lärande samtal pages of the demo process, for the demo JSON."""
    return {"urls": {"samtal_console": f"/facilitator/processes/{process.id}/samtal",
                     "samtal_phone": f"/w/{process.workshops[0].id}/samtal"}}


def _first_rounds(session: Session, facilitator: Facilitator, process: Process
                  ) -> list[ConversationRound]:
    """The round the map suggests first, and one built by hand."""
    made = []
    suggested = conversation_suggestions.suggest(session, process)["suggestions"]
    if suggested:
        top = suggested[0]
        made.append(conversation_rounds.create_round(
            session, facilitator, process, title=top["title"],
            perspective_ids=top["perspective_ids"], basis=top["type"],
            prompt="Vad behöver den andra sidan för att känna sig trygg?"))
    title, openings = HAND_MADE
    made.append(conversation_rounds.create_round(
        session, facilitator, process, title=title,
        perspective_ids=_ids(session, process, openings)))
    return made if len(made) == 2 else made * 2


def _reflect(session: Session, process: Process,
             conversation: ConversationRound,
             answers: list[tuple[str, str, str, str, str, str | None]], prefix: str) -> None:
    people = _one_per_group(session, process)
    for number, (group, change, understood, question, keep, mover) in enumerate(answers):
        moved_by = _ids(session, process, (mover,))[0] if mover else None
        reflections.submit_reflection(
            session, people[group], conversation, client_id=f"{prefix}-{number}",
            view_change=change, understood=understood, question=question, keep=keep,
            moved_by=moved_by)


def _one_per_group(session: Session, process: Process) -> dict[str, Participant]:
    people: dict[str, Participant] = {}
    for person in session.scalars(select(Participant).where(
            Participant.process_id == process.id).order_by(Participant.id)):
        if person.stakeholder_group is not None:
            people.setdefault(person.stakeholder_group.name, person)
    return people


def _ids(session: Session, process: Process, openings: tuple[str, ...]) -> list[int]:
    approved: list[Perspective] = [p for p in perspectives_of_process(session, process)
                                   if p.status.value == "approved"]
    return [next(p.id for p in approved if p.text.startswith(o)) for o in openings]
