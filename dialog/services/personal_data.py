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

from dialog.services.plain_text import plain

PERSONNUMMER = "personnummer"
PHONE = "phone"
EMAIL = "email"

#: anna@example.se, anna@localhost: a written address, signs tight. Spaced and spelled-out
#: addresses ("anna . b @ skolan . se", "anna snabel-a example punkt se") reach this pattern
#: folded by :func:`plain`; "Följ @kommunen" has no local part and is not an address, and
#: "anna@home. Mail" ends at "home" (a sentence's full stop is no dot of a domain).
_EMAIL = re.compile(r"(?<![\w.+-])\w[\w+-]*(?:\.[\w+-]+)*@[\w-]+(?:\.[\w-]+)*")
#: Characters people put between the digits of a number: spaces, dots, slashes, dashes of
#: every width, underscores, brackets, a middle dot; a comma only right before a digit.
_SEPARATOR = r"(?:[\s./_()\[\]\u00b7\-\u2010-\u2015\u2212]|,(?=\d))"
_DIGIT_RUN = re.compile(rf"(?<![\w+])\+?\d(?:{_SEPARATOR}{{0,3}}\d)*")
#: 850709+9805: the plus of someone over a hundred.
_PNR_PLUS = re.compile(r"(?<!\d)(\d{6})\s?\+\s?(\d{4})(?!\d)")
#: Shapes of ordinary numbers that a digit run may take: times and time ranges, thousands.
_ORDINARY = (
    re.compile(r"\d{1,2}[.:]\d{2}(?:\s*[-\u2010-\u2015\u2212]\s*\d{1,2}[.:]\d{2})?"),
    re.compile(r"[1-9]\d{0,2}(?: \d{3})+"),
)

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
    found += [(PERSONNUMMER, *m.span()) for m in _PNR_PLUS.finditer(folded.text)
              if _is_date(m.group(1))]
    for run in _DIGIT_RUN.finditer(folded.text):
        kind = _number_kind(run.group())
        if kind is not None:
            found.append((kind, *run.span()))
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


def _number_kind(run: str) -> str | None:
    """What a run of digits (with its separators) is to a reader, if personal."""
    digits = "".join(ch for ch in run if ch.isdigit())
    if any(shape.fullmatch(run) for shape in _ORDINARY):
        return None
    if run.startswith("+"):
        return PHONE if len(digits) >= 8 else None
    groups = re.findall(r"\d+", run)
    if len(digits) == 12 and digits[:2] in ("19", "20") and _is_date(digits[2:8]):
        return PERSONNUMMER
    dated = len(digits) == 10 and _is_date(digits[:6])
    if dated and (not digits.startswith("0") or len(groups[0]) == 6
                  or (len(groups) == 1 and _luhn_ok(digits))):
        return PERSONNUMMER
    if digits.startswith("0") and len(digits) >= 8:
        return PHONE  # a Swedish number with its area code: 070-123 45 67, 08-123 456 78
    return PHONE if len(digits) >= 10 else None


def _is_date(yymmdd: str) -> bool:
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    if day > 60:  # samordningsnummer: the day plus 60
        day -= 60
    return 1 <= month <= 12 and 1 <= day <= 31


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in ordered:
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept
