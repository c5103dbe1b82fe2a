"""The README of the open data: what each file and field means, and under which licence."""

from __future__ import annotations

from typing import Any

from dialog.publication.licences import Licence
from dialog.publication.opendata_fields import FILES, OTHER_FILES
from dialog.publication.suppression import THRESHOLD


def readme(snap: dict[str, Any], licence: Licence, base_url: str = "") -> str:
    """Return README.md for the ZIP of ``snap``."""
    meta, process = snap["meta"], snap.get("process") or {}
    version = meta.get("version")
    published = (meta.get("published_at") or "")[:10] or "förhandsvisning"
    page = f"{base_url.rstrip('/')}/p/{process.get('slug')}" + (f"/v/{version}" if version else "")
    lines = [
        f"# Öppna data: {process.get('title', '')}",
        "",
        f"Version {version or '–'}, publicerad {published}. "
        f"Ansvarig: {process.get('owner_organisation') or 'processens ägare'}.",
        f"Sammanfattningen finns på {page}.",
        "",
        f"Frågan: {process.get('question', '')}",
        "",
        "## Licens",
        "",
        f"Materialet får användas enligt {licence.name} ({licence.id}): {licence.url}.",
        f"Ange källan så här: \"{process.get('title', '')}, "
        f"{process.get('owner_organisation') or 'dialog'}, version {version or '–'}\".",
        "",
        "## Så skyddas deltagarna",
        "",
        "- Bara perspektiv som en samtalsledare har godkänt publiceras.",
        "- Personnummer, samordningsnummer, telefonnummer och e-postadresser ersätts med "
        "[… borttaget] i alla texter.",
        f"- En intressentgrupp eller åldersgrupp med färre än {THRESHOLD} deltagare redovisas "
        "som \"färre än 5\" (tom cell i CSV, null i JSON). Är bara en grupp liten döljs även "
        "den näst minsta, så att talet inte kan räknas fram ur summan.",
        "- Inga namn, e-postadresser, IP-adresser eller token finns i materialet. Vem som "
        "skrev ett perspektiv publiceras aldrig.",
        "",
        "## Filer och fält",
        "",
        "CSV-filerna är UTF-8, kommaseparerade, med rubrikrad. Listor i en cell skiljs med |.",
        "",
    ]
    for name, (what, fields) in FILES.items():
        lines += [f"### {name}", "", what, "", "| fält | betydelse |", "| --- | --- |"]
        lines += [f"| `{column}` | {meaning} |" for column, meaning in fields]
        lines.append("")
    lines += ["### Övriga filer", ""]
    lines += [f"- `{name}`: {what}" for name, what in OTHER_FILES.items()]
    lines += [
        "",
        "## In English",
        "",
        "Open data of a co-creative dialogue process (medskapande dialog). Only approved "
        "perspectives are published; personal identity numbers, phone numbers and email "
        "addresses are redacted; counts below 5 participants per stakeholder group or age "
        "band are suppressed (empty cell / null). Field descriptions above are in Swedish; "
        f"the licence is {licence.id} ({licence.url}).",
        "",
    ]
    return "\n".join(lines)
