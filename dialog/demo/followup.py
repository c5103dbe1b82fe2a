"""The demo's mandate, the team's assessment and the meeting's evaluation (issue 11).

The mandate is set as the process starts, so every published version carries it. The
assessment and the evaluations come after the phases, before version 1 is published.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.models import Facilitator, Participant, Phase, PhaseKind, Process
from dialog.services import assessments, evaluations, mandates

MANDATE = ("Lokal nämnd Varberg har gett i uppdrag att ta reda på vad som skapar tillit och "
           "trygghet för unga och vuxna i Varbergs centrum, och att ta fram förslag som kan "
           "genomföras med nämndens utvecklingsmedel (kunskapsuppdraget Tillit och trygghet) "
           "tillsammans med kommunen och polisen. Nämnden beslutar om förslagen.")
DECISION_MAKER = "Region Halland, Lokal nämnd Varberg"
ASSESSMENT = (
    "Unga har hörts mer än någon annan grupp, och deras bild är tydlig: det är mörkret och "
    "tomheten på kvällarna som skapar otrygghet, inte andra människor. Kommunen och regionen "
    "har hörts för lite; vi bjuder in dem till nästa workshop.\n\n"
    "Minoritetens villkor om polisen utan uniform var avgörande för att förslaget om "
    "fredagskvällar fick stöd. Vi följer upp att det hålls.")
#: (score, comment) of the eight in the room at the end of the workshop.
ANSWERS = [(5, "Skönt att få säga det utan att någon visste vem jag var."), (4, ""), (5, ""),
           (4, "Mer tid för samtalen nästa gång."), (3, ""), (5, ""), (4, ""), (2, "")]


def set_mandate(session: Session, process: Process) -> None:
    """The committee's mandate and who decides, set when the process starts."""
    mandates.update_process(session, process, {"mandate": MANDATE,
                                               "decision_maker": DECISION_MAKER})


def build(session: Session, facilitator: Facilitator, process: Process) -> None:
    """The team's assessment after konkretisering and the workshop's evaluation."""
    phase = session.scalar(select(Phase).where(Phase.process_id == process.id,
                                               Phase.kind == PhaseKind.KONKRETISERING))
    assessments.add_assessment(session, process, facilitator, text=ASSESSMENT,
                               phase_id=phase.id if phase else None)
    workshop = process.workshops[0]
    room = list(session.scalars(select(Participant).where(
        Participant.process_id == process.id).order_by(Participant.id).limit(len(ANSWERS))))
    for number, (person, (score, comment)) in enumerate(zip(room, ANSWERS, strict=False)):
        evaluations.answer(session, person, workshop, score=score, comment=comment,
                           client_id=f"demo-eval-{number}")
