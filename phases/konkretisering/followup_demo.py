"""What happened next in the demo: the committee decides, the money is split, it is measured.

Lokal nämnd Varberg's development funds (330 tkr) are loaded as funding lines. The two
proposals take their committee money from the lines of the goals they serve, and the rest
from the municipality and the region, so no line is over-allocated and no sum mixes
sources: the evenings (120 tkr in all) take 50 tkr of the committee's 80 tkr for children
and young people. The committee approves both; an indicator of each is measured; the
minority's condition "utan uniform" is followed up.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from dialog.models import Facilitator, Process, Proposal
from phases.konkretisering import consequences, decisions, funding, indicators
from phases.konkretisering.presets import VARBERG_2021

COMMITTEE = "Lokal nämnd Varberg"


def build(session: Session, facilitator: Facilitator, process: Process, lights: Proposal,
          evenings: Proposal) -> None:
    """Funding lines, budget lines, decisions, indicators, consequences and a condition."""
    today = date.today()
    lines = {line.code: line for line in funding.load_plan(session, process, VARBERG_2021)}
    municipal = funding.add_funding_line(
        session, process, name="Varbergs kommun, kultur och fritid: fritidsgårdarna",
        amount=200, source_name="municipality")
    for proposal, parts in (
            (lights, [(lines["3.2.2e"], None, 20), (None, "municipality", 130)]),
            (evenings, [(lines["3.2.1.1a"], None, 50), (municipal, None, 50),
                        (None, "region", 20)])):
        for line, source_name, amount in parts:
            funding.add_budget_line(session, proposal,
                                    funding_line_id=line.id if line else None,
                                    source_name=source_name, amount=amount,
                                    note="Region Halland, folkhälsomedel"
                                    if source_name == "region" else "")
    for proposal, days, paragraph, note in (
            (lights, 44, "§ 23", "Nämnden bifaller förslaget och avsätter 20 tkr ur "
             "kunskapsuppdraget Tillit och trygghet."),
            (evenings, 20, "§ 31", "Nämnden bifaller förslaget och avsätter 50 tkr ur "
             "Barns och ungas levnadsvillkor. Återrapport efter sex månader.")):
        decisions.add_decision(session, proposal, facilitator, body=COMMITTEE,
                               decided_on=(today - timedelta(days=days)).isoformat(),
                               paragraph=paragraph, case_number=f"LNV {today.year}/17",
                               outcome="approved", note=note)
    _measure(session, lights, "Tända armaturer längs gångvägen", "st", 4, 24,
             [(35, 12, "Samhällsbyggnadsförvaltningen"), (3, 24, "Samhällsbyggnadsförvaltningen")])
    _measure(session, evenings, "Andel unga som känner sig trygga i centrum på kvällen", "%",
             52, 65, [(60, 52, "LUPP, förra mätningen"), (5, 57, "Enkät på fritidsgården")])
    consequences.set_consequences(session, evenings, {
        "children": "Förslaget bygger på vad unga själva sa: vuxna som finns där, kontakt "
                    "före kontroll. Unga får säga nej till polisens besök en viss kväll.",
        "equality": "Fältarna följer upp om flickor och unga med funktionsnedsättning kommer; "
                    "föreningarna bjuder in de grupper som inte hörts.",
        "ecology": "Ingen ny lokal; fritidsgården håller öppet längre."})
    for condition in consequences.conditions_of(session, evenings):
        if "uniform" in condition["text"]:
            consequences.follow_up_condition(
                session, evenings, condition["amendment_id"], followed_up=True,
                note="Kvarterspoliserna kommer civilklädda på fritidsgårdens kvällar.",
                dated=(today - timedelta(days=10)).isoformat())


def _measure(session: Session, proposal: Proposal, name: str, unit: str, baseline: float,
             target: float, values: list[tuple[int, float, str]]) -> None:
    indicator = indicators.add_indicator(session, proposal, name=name, unit=unit,
                                         baseline=baseline, target=target)
    for days, value, source in values:
        indicators.add_measurement(session, indicator, value=value, source=source,
                                   measured_on=(date.today() - timedelta(days=days)).isoformat())
