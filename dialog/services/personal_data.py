"""Find and redact personal data in free text: personnummer, phone numbers, email addresses.

Participants are often children, and public bodies publish what they collect. Text that
holds personal data is held for moderation and never published unredacted.

The patterns read the text folded by :mod:`dialog.services.plain_text` (fullwidth and
invisible characters, "at"/"dot" spelled out), so ``070.123.45.67``, ``anna (at) example dot
se`` and ``850709–9805`` are found like their plain forms; a finding is reported, and
redacted, as the span of the text as written. The guard flags for a facilitator to review:
it is eager with long runs of digits, but times, dates, prices and counts pass.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dialog.services.personal_numbers import PERSONNUMMER, PHONE, find_numbers
from dialog.services.plain_text import plain

EMAIL = "email"

#: anna@example.se, anna@localhost: a written address, signs tight. Spaced and spelled-out
#: addresses ("anna . b @ skolan . se", "anna snabel-a example punkt se") reach this pattern
#: folded by :func:`plain`; "Följ @kommunen" has no local part and is not an address, and
#: "anna@home. Mail" ends at "home" (a sentence's full stop is no dot of a domain).
_EMAIL = re.compile(r"(?<![\w.+-])\w[\w+-]*(?:\.[\w+-]+)*@[\w-]+(?:\.[\w-]+)*")

REDACTION = {PERSONNUMMER: "[personnummer borttaget]", PHONE: "[telefonnummer borttaget]",
             EMAIL: "[e-postadress borttagen]"}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int


def find_personal_data(text: str) -> list[Finding]:
    """Return every personal-data match in ``text``, earliest first, without overlaps."""
    folded = plain(text)
    found: list[tuple[str, int, int]] = [
        (EMAIL, *m.span()) for m in _EMAIL.finditer(folded.text)]
    found += find_numbers(folded.text)
    findings = [Finding(kind, *folded.original(start, end)) for kind, start, end in found]
    return _without_overlaps(findings)


def personal_data_kinds(text: str) -> list[str]:
    """Return the sorted kinds of personal data in ``text`` (empty when there is none)."""
    return sorted({f.kind for f in find_personal_data(text)})


def redact(text: str) -> str:
    """Replace every personal-data match with a readable placeholder."""
    out, last = [], 0
    for finding in find_personal_data(text):
        out.append(text[last:finding.start])
        out.append(REDACTION[finding.kind])
        last = finding.end
    out.append(text[last:])
    return "".join(out)


def redacted_text(text: str, flagged: Sequence[str] | None) -> str:
    """A text as the room may see it: what the guard flagged at submit is redacted.

    A facilitator may approve a flagged text (the number was the school's switchboard, say);
    phones, the wall, live events and the publication still get it redacted. Only the
    facilitator's console shows the original. ``flagged`` is the stored ``personal_data``.
    """
    return redact(text) if flagged else text


def suggested_redaction(text: str, flagged: Sequence[str] | None) -> str | None:
    """What the facilitator's redact box starts from: the flagged text with every finding
    replaced by its placeholder (``[telefonnummer borttaget]``), or None when nothing was
    flagged. The guard passes its own placeholders, so a redact accepts it as it stands."""
    return redact(text) if flagged else None


def found_as_written(text: str, flagged: Sequence[str] | None) -> list[dict[str, str]]:
    """Each finding of a flagged text, for the facilitator: its kind, the words as written
    and the placeholder a redaction puts there (empty when nothing was flagged)."""
    if not flagged:
        return []
    return [{"kind": f.kind, "text": text[f.start:f.end], "placeholder": REDACTION[f.kind]}
            for f in find_personal_data(text)]


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in ordered:
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept
