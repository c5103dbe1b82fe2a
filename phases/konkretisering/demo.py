"""Konkretisering in the demo: alternatives, check-back, minority wisdom and two proposals.

After two rounds of lärande samtal the room drafts three alternatives from what was said,
checks them back, and decides them by majority vote with minority wisdom: one is accepted
at once, one after the minority's conditions are added, and one with the remaining dissent
recorded. Two proposals follow, each tied to a goal of Lokal nämnd Varberg, with dated
status updates; a digital check-back stays open for a week.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialog.models import (
    Facilitator,
    ModerationStatus,
    Participant,
    Process,
    Reflection,
    utcnow,
)
from dialog.phasing import service as phases
from dialog.services import participants
from dialog.services.perspectives import perspectives_of_process
from phases.konkretisering import (
    alternatives,
    checkback,
    fishing,
    followup_demo,
    majority_vote,
    minority_wisdom,
    proposals,
)
from phases.konkretisering import goals as committee_goals
from phases.konkretisering.presets import VARBERG_2021

#: (title, description, openings of its perspectives, openings of its reflections' "keep")
ALTERNATIVES = [
    ("Tänd parken och gångtunneln",
     "Belysning längs gångvägen genom Societetsparken och i gångtunneln till stationen.",
     ("Jag känner mig otrygg", "Bättre belysning i parken", "Som äldre vågar jag inte"),
     ("Belysningen i parken",)),
    ("Fritidsgården öppen fredag och lördag kväll",
     "Fritidsgården håller öppet till midnatt på fredagar och lördagar, med fältare på plats.",
     ("Öppna fritidsgården", "Fältare på kvällar", "Det känns tryggare när det finns vuxna"),
     ("Att fältarna finns på helgerna",)),
    ("Kvarterspolis i föreningarna och på fritidsgården",
     "Kvarterspoliserna är med i föreningarnas verksamhet och på fritidsgården en kväll i "
     "veckan: kontakt före kontroll.",
     ("Kvarterspoliser som är med", "Många litar inte på polisen", "Vi vill vara närvarande"),
     ("Kontakt före kontroll",)),
]

#: Check-back after the conversation rounds: per alternative, the ratings of the room.
RATINGS = {
    0: ["supports"] * 6 + ["can_live_with"] * 2,
    1: ["supports"] * 4 + ["can_live_with", "objects", "objects", "can_live_with"],
    2: ["supports"] * 3 + ["objects", "objects", "can_live_with", "supports", "objects"],
}
REASONS = {(1, 5): "Grannarna runt gården har redan klagat på ljudet.",
           (2, 3): "Många unga vill inte ha polis på fritidsgården.",
           (2, 4): "Inte i uniform, då kommer ingen."}


def build(session: Session, facilitator: Facilitator, process: Process) -> dict[str, Any]:
    """Run konkretisering round 1: the method from alternatives to followed-up proposals."""
    phases.open_phase(session, process, "konkretisering")
    goals = {g.code: g for g in committee_goals.load_preset(session, process, VARBERG_2021)}
    room = _room(session, process)
    drafted = [alternatives.draft_alternative(
        session, process, facilitator, title=title, description=text,
        perspective_ids=_perspectives(session, process, openings),
        reflection_ids=_reflections(session, process, keeps))
        for title, text, openings, keeps in ALTERNATIVES]

    first = checkback.open_round(session, process, facilitator, title="Efter samtalsrundorna")
    for index, values in RATINGS.items():
        for person, value in enumerate(values):
            checkback.rate(session, room[person], first, alternative_id=drafted[index].id,
                           value=value, reason=REASONS.get((index, person), ""),
                           client_id=f"demo-cb1-{index}-{person}")
    checkback.close_round(session, first, facilitator)

    park, gard, polis = drafted
    _vote(session, facilitator, park, room, ["for"] * 8)
    _loop(session, facilitator, gard, room, ["for"] * 6 + ["against"] * 2,
          ["Att vuxna från föreningarna är där, inte bara fältare.",
           "Att grannarna får veta i förväg och har någon att ringa."], ["for"] * 8)
    _loop(session, facilitator, polis, room, ["for"] * 5 + ["against"] * 3,
          ["Att poliserna kommer utan uniform på fritidsgården.",
           "Att unga får säga nej till att polisen kommer en viss kväll."],
          ["for"] * 7 + ["against"])
    minority_wisdom.conclude(session, polis, facilitator)

    prompt = fishing.open_prompt(session, process, facilitator, alternative_id=polis.id)
    for number, text in enumerate(["Ingen har sagt att det handlar om vilka som får vara i "
                                   "centrum.", "Jag tror fler än jag är rädda för att bli "
                                   "uthängda på sociala medier."]):
        fishing.answer(session, room[number + 2], prompt, text=text,
                       client_id=f"demo-fish-{number}")
    fishing.close_prompt(session, prompt)

    digital = checkback.open_round(session, process, facilitator,
                                   title="Digital avstämning, öppen en vecka",
                                   closes_at=(utcnow() + timedelta(days=7)).isoformat())
    checkback.rate(session, room[1], digital, alternative_id=park.id, value="supports",
                   client_id="demo-cb2-park")
    made = _proposals(session, facilitator, process, goals, park, gard, polis)
    followup_demo.build(session, facilitator, process, *made)
    return {
        "konkret": {
            "alternatives": [{"title": a.title, "outcome": a.outcome.value} for a in drafted],
            "checkback_rounds": [first.title, digital.title],
            "proposals": [{"title": p.title, "status": p.status.value} for p in made],
        },
        **extra_urls(session, process),
    }


def extra_urls(session: Session, process: Process) -> dict[str, Any]:
    """Where a newcomer sees konkretisering: the console, the proposals, a trace, the phone,
    and what happened next (decisions, money, indicators)."""
    made = proposals.proposals_of(session, process)
    urls = {"konkret_console": f"/facilitator/processes/{process.id}/konkret",
            "follow_up": f"/facilitator/processes/{process.id}/follow-up",
            "proposals": f"/facilitator/processes/{process.id}/proposals",
            "konkret_phone": f"/w/{process.workshops[0].id}/konkret"}
    if made:
        urls["proposal_trace"] = f"/facilitator/proposals/{made[-1].id}#trace"
    return {"urls": urls}


def _proposals(session: Session, facilitator: Facilitator, process: Process,
               goals: dict[str, Any], park: Any, gard: Any, polis: Any) -> list[Any]:
    today = date.today()
    lights = proposals.create_proposal(
        session, process, facilitator, title="Belysning i Societetsparken och gångtunneln",
        owner="Varbergs kommun, samhällsbyggnadsförvaltningen", alternative_ids=[park.id],
        budget_tkr=150, starts_on=(today - timedelta(days=40)).isoformat(),
        ends_on=(today - timedelta(days=5)).isoformat(),
        committee_goal_id=goals["3.2.2"].id, dated=(today - timedelta(days=45)).isoformat(),
        indicators=["Andel unga som känner sig trygga i parken på kvällen (LUPP)",
                    "Antal tända armaturer längs gångvägen"])
    for status, days, note in [("ongoing", 30, "Armaturerna är beställda; första sträckan tänd."),
                               ("completed", 3, "Hela gångvägen och tunneln är tända.")]:
        proposals.add_status_update(session, lights, facilitator, status=status, note=note,
                                    dated=(today - timedelta(days=days)).isoformat())
    evenings = proposals.create_proposal(
        session, process, facilitator,
        title="Fredagskvällar på fritidsgården med fältare, föreningar och kvarterspolis",
        owner="Varbergs kommun, kultur- och fritidsförvaltningen, med Polisområde Varberg",
        alternative_ids=[gard.id, polis.id], budget_tkr=120,
        starts_on=(today - timedelta(days=14)).isoformat(),
        ends_on=(today + timedelta(days=180)).isoformat(),
        committee_goal_id=goals["3.2.1.1"].id, dated=(today - timedelta(days=45)).isoformat(),
        indicators=["Besökare per kväll", "Antal föreningar som deltar",
                    "Andel unga som litar på polisen (LUPP)"])
    proposals.add_status_update(session, evenings, facilitator, status="ongoing",
                                note="Första fredagskvällen: 43 besökare, tre föreningar.",
                                dated=(today - timedelta(days=10)).isoformat())
    return [lights, evenings]


def _vote(session: Session, facilitator: Facilitator, alternative: Any,
          room: list[Participant], values: list[str]) -> Any:
    vote_round = majority_vote.open_vote(session, alternative, facilitator)
    for person, value in enumerate(values):
        majority_vote.cast_vote(session, room[person], vote_round, value=value,
                                client_id=f"demo-vote-{vote_round.id}-{person}")
    return majority_vote.close_vote(session, vote_round, facilitator)


def _loop(session: Session, facilitator: Facilitator, alternative: Any,
          room: list[Participant], first: list[str], conditions: list[str],
          second: list[str]) -> None:
    """Vote, let the minority name its conditions, and vote again with them added."""
    vote_round = _vote(session, facilitator, alternative, room, first)
    minority = majority_vote.minority_of(session, vote_round)
    by_id = {p.id: p for p in room}
    for number, (person, text) in enumerate(zip(minority, conditions, strict=False)):
        minority_wisdom.answer_minority(session, by_id[person], vote_round, text=text,
                                        client_id=f"demo-cond-{vote_round.id}-{number}")
    _vote(session, facilitator, alternative, room, second)


def _room(session: Session, process: Process) -> list[Participant]:
    """Eight people in the room: the first of each group, and more young people."""
    found = list(session.scalars(select(Participant).where(
        Participant.process_id == process.id).order_by(Participant.id)))
    first: dict[str, Participant] = {}
    for person in found:
        if person.stakeholder_group is not None:
            first.setdefault(person.stakeholder_group.name, person)
    room = list(first.values())
    while len(room) < 8:
        person, _token = participants.join(session, process.workshops[0].join_code,
                                           stakeholder_group="unga")
        room.append(person)
    return room[:8]


def _perspectives(session: Session, process: Process, openings: tuple[str, ...]) -> list[int]:
    """The approved perspectives that start with these words (missing ones are skipped)."""
    approved = [p for p in perspectives_of_process(session, process)
                if p.status.value == "approved"]
    return [next(p.id for p in approved if p.text.startswith(o)) for o in openings
            if any(p.text.startswith(o) for p in approved)]


def _reflections(session: Session, process: Process, keeps: tuple[str, ...]) -> list[int]:
    """The approved reflections whose "keep" starts with these words, one each at most."""
    found = list(session.scalars(select(Reflection).where(
        Reflection.process_id == process.id,
        Reflection.status == ModerationStatus.APPROVED).order_by(Reflection.id)))
    return [next(r.id for r in found if r.keep.startswith(k)) for k in keeps
            if any(r.keep.startswith(k) for r in found)]
