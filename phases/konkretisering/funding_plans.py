"""Funding lines a process can start from: the development funds of a committee's plan.

From Region Halland, Lokal nämnd Varberg, verksamhetsplan 2021, section 5 "Ekonomistyrning"
(``shared/seeds/000_…``): utvecklingsmedel 330 tkr, split over ten lines, of which
100 tkr (projektanställning) and 20 tkr (genomförande av insats) for the knowledge
assignment *Tillit och trygghet*. Every line is the committee's own money.
"""

from __future__ import annotations

from typing import Any

from phases.konkretisering.presets import VARBERG_2021

#: (code, name, tkr); the codes are the goal each line serves in the plan, plus a letter.
_VARBERG: list[tuple[str, str, int]] = [
    ("3.1.1.1", "Minskat klimatavtryck", 10),
    ("3.2.1.1a", "Barns och ungas levnadsvillkor", 50),
    ("3.2.1.1b", "Aktiviteter för barn i behov av stöd", 30),
    ("3.2.2a", "Hållbara levnadsvillkor", 30),
    ("3.2.2b", "Samverkan med biblioteket", 30),
    ("3.2.2c", "Att leda in i framtiden", 35),
    ("3.2.2d", "Kunskapsuppdrag Tillit och trygghet, projektanställning", 100),
    ("3.2.2e", "Kunskapsuppdrag Tillit och trygghet, genomförande av insats", 20),
    ("3.4.1", "Utvecklingsdag med de lokala nämnderna", 15),
    ("3.4.x", "Övrigt", 10),
]


def funding_plan(key: str) -> dict[str, Any] | None:
    """The development-fund lines of a known committee plan, or None."""
    if key != VARBERG_2021:
        return None
    return {
        "committee": "Region Halland, Lokal nämnd Varberg",
        "title": "Verksamhetsplan 2021, utvecklingsmedel",
        "lines": [{"code": code, "name": name, "amount": amount, "source": "committee"}
                  for code, name, amount in _VARBERG],
    }


FUNDING_PLANS = (VARBERG_2021,)
