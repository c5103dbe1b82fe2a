"""Find and redact personal data in free text: personnummer, phone numbers, email addresses.

Participants are often children, and public bodies publish what they collect. Text that
holds personal data is held for moderation and never published unredacted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PERSONNUMMER = "personnummer"
PHONE = "phone"
EMAIL = "email"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
#: 6 or 8 digit date, optional separator (- or +), 4 digits: 0501011234, 20050101-1234.
_PNR = re.compile(r"(?<!\d)(\d{2})?(\d{2})(\d{2})(\d{2})\s?([-+]?)\s?(\d{4})(?!\d)")
#: Swedish numbers: 070-123 45 67, 0701234567, +46 70 123 45 67, 031-12 34 56.
_PHONE = re.compile(r"(?<![\w+])(?:\+46|0046|0)[\s-]?\d{1,3}(?:[\s-]?\d){5,8}(?!\d)")
#: Any other long run of digits with separators looks like a phone number to a reader.
_LONG_NUMBER = re.compile(r"(?<![\w+])\+?\d(?:[\s-]?\d){7,12}(?!\d)")

REDACTION = {PERSONNUMMER: "[personnummer borttaget]", PHONE: "[telefonnummer borttaget]",
             EMAIL: "[e-postadress borttagen]"}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int


def find_personal_data(text: str) -> list[Finding]:
    """Return every personal-data match in ``text``, earliest first, without overlaps."""
    findings = [Finding(EMAIL, m.start(), m.end()) for m in _EMAIL.finditer(text)]
    findings += [
        Finding(PERSONNUMMER, m.start(), m.end())
        for m in _PNR.finditer(text)
        if _is_personnummer(m)
    ]
    findings += [Finding(PHONE, m.start(), m.end()) for m in _PHONE.finditer(text)]
    findings += [Finding(PHONE, m.start(), m.end()) for m in _LONG_NUMBER.finditer(text)]
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


def _is_personnummer(match: re.Match[str]) -> bool:
    century, year, month, day, separator, tail = match.groups()
    month_n, day_n = int(month), int(day)
    if day_n > 60:  # samordningsnummer: the day plus 60
        day_n -= 60
    if not (1 <= month_n <= 12 and 1 <= day_n <= 31):
        return False
    # A dated number written like a personnummer is treated as one even with a typo in its
    # check digit: holding it for a human costs little, publishing it costs much.
    return bool(separator or century) or _luhn_ok(year + month + day + tail)


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
