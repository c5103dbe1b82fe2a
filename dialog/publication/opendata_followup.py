"""Open data of what happened next: decisions, money, indicators, conditions, evaluations.

The files and their fields are described here once; ``opendata_fields`` adds them to the
table the CSV writers and the README read, and ``opendata`` writes their rows.
"""

from __future__ import annotations

from typing import Any

#: file name -> (what the file holds, [(column, what it means)])
FOLLOWUP_FILES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "decisions.csv": ("Nämndens beslut om förslagen, som de står i protokollet.", [
        ("proposal_id", "Förslagets id (se proposals.csv)."),
        ("body", "Vem som beslutade, t.ex. Lokal nämnd Varberg."),
        ("decided_on", "Beslutsdatum (ÅÅÅÅ-MM-DD)."),
        ("paragraph", "Paragraf i protokollet, t.ex. § 23."),
        ("case_number", "Diarienummer."),
        ("outcome", "approved (bifall), rejected (avslag), referred_back (återremiss), "
                    "noted (noterat)."),
        ("note", "Beslutets lydelse eller en kommentar."),
    ]),
    "funding_lines.csv": ("Budgetrader som processen kan använda, med fördelat och kvar. "
                          "Belopp från olika finansiärer läggs aldrig ihop.", [
        ("name", "Budgetradens namn, t.ex. ur nämndens verksamhetsplan."),
        ("source", "Finansiär: committee (nämnden), municipality (kommunen), region, other."),
        ("amount", "Belopp i tkr."),
        ("allocated", "Fördelat till förslag, i tkr."),
        ("remaining", "Kvar, i tkr (negativt om mer är fördelat än det finns)."),
        ("over_allocated", "true om mer är fördelat än det finns."),
    ]),
    "budget_lines.csv": ("Varje förslags budget uppdelad på budgetrader och finansiärer.", [
        ("proposal_id", "Förslagets id."),
        ("funding_line", "Budgetradens namn; tomt om pengarna inte tas från en budgetrad."),
        ("source", "Finansiär: committee, municipality, region eller other."),
        ("amount", "Belopp i tkr."),
        ("note", "Kommentar."),
    ]),
    "indicator_measurements.csv": ("Indikatorer med utgångsläge och mål, en rad per mätning "
                                   "(en rad utan värde om inget mätts ännu).", [
        ("proposal_id", "Förslagets id."),
        ("indicator", "Indikatorns namn."),
        ("unit", "Enhet, t.ex. %."),
        ("baseline", "Utgångsläge."),
        ("target", "Mål."),
        ("measured_on", "Mätdatum (ÅÅÅÅ-MM-DD)."),
        ("value", "Uppmätt värde."),
        ("source", "Varifrån värdet kommer, t.ex. LUPP."),
    ]),
    "conditions.csv": ("Minoritetens villkor som följt med förslagen, och om de följts upp.", [
        ("proposal_id", "Förslagets id."),
        ("text", "Villkoret med minoritetens ord."),
        ("followed_up", "true om villkoret följts upp."),
        ("note", "Hur det följts upp."),
        ("dated", "Datum för uppföljningen."),
    ]),
    "evaluation.csv": ("Mötenas utvärdering \"Kände du dig lyssnad på?\" (1–5), summerad. "
                       "Tomt betyder färre än 5.", [
        ("meeting", "Mötets namn."),
        ("answers", "Antal svar; tomt betyder färre än 5 (då redovisas inget mer)."),
        ("mean", "Medelvärde."),
        ("score_1", "Antal som svarat 1 (inte alls)."),
        ("score_2", "Antal som svarat 2."),
        ("score_3", "Antal som svarat 3."),
        ("score_4", "Antal som svarat 4."),
        ("score_5", "Antal som svarat 5 (helt och hållet)."),
    ]),
}

FOLLOWUP_OTHER_FILES: dict[str, str] = {
    "follow_up.json": "Per förslag: beslut, budget per finansiär, indikatorer med mätningar, "
                      "konsekvensanalys och minoritetens villkor, som JSON.",
    "funding.json": "Budgetraderna och summor per finansiär (fördelat och kvar), som JSON.",
}


def _flag(value: Any) -> str:
    return str(bool(value)).lower()


def followup_tables(snap: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows of the follow-up CSV files, keyed by file name."""
    entries = snap.get("follow_up") or []
    measurements = []
    for entry in entries:
        for indicator in entry["indicators"]:
            base = {"proposal_id": entry["proposal_id"], "indicator": indicator["name"],
                    "unit": indicator["unit"], "baseline": indicator["baseline"],
                    "target": indicator["target"]}
            measurements += [base | m for m in indicator["measurements"]] or [base]
    return {
        "decisions.csv": [{"proposal_id": e["proposal_id"], **d} for e in entries
                          for d in e["decisions"]],
        "funding_lines.csv": [{**line, "over_allocated": _flag(line["over_allocated"])}
                              for line in (snap.get("funding") or {}).get("lines", [])],
        "budget_lines.csv": [{"proposal_id": e["proposal_id"], **b} for e in entries
                             for b in e["budget_lines"]],
        "indicator_measurements.csv": measurements,
        "conditions.csv": [{"proposal_id": e["proposal_id"], **c,
                            "followed_up": _flag(c["followed_up"])}
                           for e in entries for c in e["conditions"]],
        "evaluation.csv": [{"meeting": m["title"], "answers": m["answers"], "mean": m["mean"],
                            **{f"score_{s['score']}": s["count"] for s in m["scores"]}}
                           for m in snap.get("evaluation") or []],
    }
