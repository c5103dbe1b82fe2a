"""Committee goal lists a process can start from, e.g. Lokal nämnd Varberg's plan for 2021.

From Region Halland, Lokal nämnd Varberg, verksamhetsplan 2021 (``shared/seeds/000_…``):
focus areas (fokusområden), region-wide goals and the committee's own assignments
(förvaltningens uppdrag), with the development funds (utvecklingsmedel, 330 tkr) set
aside under each.
"""

from __future__ import annotations

from typing import Any

VARBERG_2021 = "lokal-namnd-varberg-2021"

#: (code, kind, title, budget in tkr or None, description)
_VARBERG: list[tuple[str, str, str, int | None, str]] = [
    ("3.1", "focus_area", "Hög attraktivitet", None, ""),
    ("3.1.1", "goal", "Aktivt bidra till att klimat- och miljöarbete, internt och externt, "
     "bidrar till att Halland blir den bästa livsplatsen", None, ""),
    ("3.1.1.1", "assignment", "Verka för ett minskat klimatavtryck", 10,
     "Utvecklingsmedel: Minskat klimatavtryck 10 tkr."),
    ("3.2", "focus_area", "Stärkt delaktighet", None, ""),
    ("3.2.1", "goal", "Arbeta för goda och jämlika uppväxtvillkor genom tidiga främjande "
     "insatser och satsningar på barn och unga", None, ""),
    ("3.2.1.1", "assignment", "Förbättra barn och ungas livsvillkor och hälsa genom främjande "
     "arbete", 80, "Utvecklingsmedel: Barns och ungas levnadsvillkor 50 tkr, aktiviteter för "
     "barn i behov av stöd 30 tkr."),
    ("3.2.2", "assignment", "Verka för en jämlik hälsa genom långsiktigt hälsofrämjande arbete",
     215, "Utvecklingsmedel: Hållbara levnadsvillkor 30 tkr, samverkan med biblioteket 30 tkr, "
     "Att leda in i framtiden 35 tkr, kunskapsuppdrag Tillit och trygghet 100 tkr "
     "(projektanställning) och 20 tkr (genomförande av insats). Samverkansöverenskommelsen "
     "mellan Lokal nämnd Varberg, Polisområde Varberg och Varbergs kommun följs upp här."),
    ("3.3", "focus_area", "Hållbar ekonomi i balans och god ekonomisk hushållning", None, ""),
    ("3.3.1", "goal", "Hållbar ekonomi i balans och god ekonomisk hushållning", None,
     "Små medel som används på bästa möjliga sätt, i samverkan med interna och externa "
     "aktörer."),
    ("3.4", "focus_area", "Verksamhetens egna utvecklingsområden", None, ""),
    ("3.4.1", "assignment", "Fortsätta arbetet med lokal nämnds interna processer och "
     "strukturer", 15, "Utvecklingsmedel: utvecklingsdag med de lokala nämnderna 15 tkr."),
]


def preset(key: str) -> dict[str, Any] | None:
    """The goals of a known committee plan, parents before children, or None."""
    if key != VARBERG_2021:
        return None
    return {
        "committee": "Region Halland, Lokal nämnd Varberg",
        "title": "Verksamhetsplan 2021",
        "goals": [
            {"code": code, "kind": kind, "title": title, "budget_tkr": budget,
             "description": description, "parent_code": code.rsplit(".", 1)[0]
             if code.count(".") > 1 else None}
            for code, kind, title, budget, description in _VARBERG
        ],
    }


PRESETS = (VARBERG_2021,)
