"""The README of the open data: what each file and field means, and under which licence."""

from __future__ import annotations

import re
from typing import Any

from dialog.i18n import translate
from dialog.publication.licences import Licence
from dialog.publication.opendata_fields import FILES, OTHER_FILES
from dialog.publication.suppression import THRESHOLD

#: Markdown punctuation that could make a title a link, a heading, emphasis or a table cell.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")
_TAG = re.compile(r"<[^>]*>")


def plain(value: Any) -> str:
    """A facilitator's text (a title, an organisation) as plain Markdown text on one line.

    HTML tags go, line breaks become spaces and Markdown punctuation is escaped, so a title
    cannot add a link, a heading or a script to the README of the open data.
    """
    text = " ".join(_TAG.sub("", str(value or "")).split())
    return _MARKDOWN.sub(r"\\\1", text)


def readme(snap: dict[str, Any], licence: Licence, base_url: str = "") -> str:
    """Return README.md for the ZIP of ``snap``."""
    meta, raw = snap["meta"], snap.get("process") or {}
    process = {**raw, **{key: plain(raw.get(key)) for key in (
        "title", "question", "owner_organisation")}}
    version = meta.get("version")
    published = (meta.get("published_at") or "")[:10] or "förhandsvisning"
    page = f"{base_url.rstrip('/')}/p/{process.get('slug')}" + (f"/v/{version}" if version else "")
    # Without a known base the page is a bare site path: say so, as the printed report does.
    paths = {locale: [translate("publish.report.paths_on_site", locale)] if not base_url else []
             for locale in ("sv", "en")}
    lines = [
        f"# Öppna data: {process.get('title', '')}",
        "",
        f"Version {version or '–'}, publicerad {published}. "
        f"Ansvarig: {process.get('owner_organisation') or 'processens ägare'}.",
        f"Sammanfattningen finns på {page}.",
        *paths["sv"],
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
        f"the licence is {licence.id} ({licence.url}). The summary is at {page}.",
        *paths["en"],
        "",
    ]
    return "\n".join(lines)
