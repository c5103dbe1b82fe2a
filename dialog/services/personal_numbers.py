"""Find phone numbers and personnummer among the runs of digits in a (folded) text.

A run is digits with up to three separators between them (``070-123 45 67``, ``850709.9805``,
``0 7 0 1 2 3 4 5 6 7``), so a number next to another ("kl 18.30 070-123 45 67", "0701234567
15 personer") makes one run. When a run is longer than any real number, the number inside it
is reported, not the run: the longest window of whole digit groups that has the length of a
Swedish phone number or a personnummer (for a personnummer, groups that split it only
between its parts). Only when no window does is the whole run reported
(eager: ten digits or more may be a number in a shape not thought of here).

Ordinary numbers pass: years, counts, prices, times and time ranges ("18.30", "22–06"),
dates with a time ("2026-11-30 18.30"), thousands ("1 200 000") and postcodes ("903 25": a
postcode is shared by thousands of people, it is no one's personal data on its own).
"""

from __future__ import annotations

import re

PERSONNUMMER = "personnummer"
PHONE = "phone"

#: Characters people put between the digits of a number: spaces, dots, slashes, dashes of
#: every width, underscores, brackets, a middle dot; a comma only right before a digit.
_SEPARATOR = r"(?:[\s./_()\[\]\u00b7\-\u2010-\u2015\u2212]|,(?=\d))"
_DIGIT_RUN = re.compile(rf"(?<![\w+])\+?\d(?:{_SEPARATOR}{{0,3}}\d)*")
#: 850709+9805: the plus of someone over a hundred.
_PNR_PLUS = re.compile(r"(?<!\d)(\d{6})\s?\+\s?(\d{4})(?!\d)")
_DASH = r"[-\u2010-\u2015\u2212]"
_TIME = r"\d{1,2}[.:]\d{2}"
#: Shapes of ordinary numbers that a digit run may take: times and time ranges, an ISO date
#: with a time or a time range, thousands, years one after another.
_ORDINARY = (
    re.compile(rf"(?:(?:19|20)\d{{2}}{_SEPARATOR}{{1,3}})+(?:19|20)\d{{2}}"),
    re.compile(rf"{_TIME}(?:\s*{_DASH}\s*{_TIME})?"),
    re.compile(rf"\d{{4}}-\d{{2}}-\d{{2}}[ T]{_TIME}(?:\s*{_DASH}\s*{_TIME})?"),
    re.compile(r"[1-9]\d{0,2}(?: \d{3})+"),
)
#: No number looked for has more digits (E.164 allows 15 with the country code).
_MAX_DIGITS = 15
#: A run with more digits than this is a table of numbers: reported whole, not searched.
_MAX_SEARCHED = 40


def find_numbers(text: str) -> list[tuple[str, int, int]]:
    """Return ``(kind, start, end)`` of every phone number and personnummer in ``text``."""
    found = [(PERSONNUMMER, *m.span()) for m in _PNR_PLUS.finditer(text)
             if is_date(m.group(1))]
    for run in _DIGIT_RUN.finditer(text):
        found += _in_run(run.group(), run.start())
    return [(kind, *_with_open_bracket(text, start, end)) for kind, start, end in found]


def _in_run(run: str, offset: int) -> list[tuple[str, int, int]]:
    whole = _classify(run)
    if whole is None:
        return []
    kind, real = whole
    if real or sum(ch.isdigit() for ch in run) > _MAX_SEARCHED:
        return [(kind, offset, offset + len(run))]
    window = _longest_real_window(run)
    if window is None:
        return [(kind, offset, offset + len(run))]
    kind, start, end = window
    found = [(kind, offset + start, offset + end)]
    for part, at in ((run[:start], 0), (run[end:], end)):
        for rest in _DIGIT_RUN.finditer(part):
            found += _in_run(rest.group(), offset + at + rest.start())
    return found


def _longest_real_window(run: str) -> tuple[str, int, int] | None:
    """The window of whole digit groups with the most digits that is a real number."""
    groups = [m.span() for m in re.finditer(r"\d+", run)]
    best: tuple[int, str, int, int] | None = None
    for i, (first, _) in enumerate(groups):
        start = 0 if i == 0 else first  # a leading "+" belongs to the first group
        digits = 0
        for j in range(i, len(groups)):
            digits += groups[j][1] - groups[j][0]
            if digits > _MAX_DIGITS:
                break
            end = groups[j][1]
            window = run[start:end]
            kind = _classify(window)
            if kind is None or not kind[1] or (kind[0] == PERSONNUMMER
                                               and not _dated_layout(window)):
                continue
            if best is None or digits > best[0]:
                best = (digits, kind[0], start, end)
    return None if best is None else best[1:]


def _classify(run: str) -> tuple[str, bool] | None:
    """What a run of digits (with its separators) is to a reader, if personal, and whether
    it has the length of a real one."""
    digits = "".join(ch for ch in run if ch.isdigit())
    if any(shape.fullmatch(run) for shape in _ORDINARY):
        return None
    if run.startswith("+") or digits.startswith("00"):  # +46 70..., 0046 70...
        return (PHONE, _international_length(digits)) if len(digits) >= 8 else None
    groups = re.findall(r"\d+", run)
    if len(digits) == 12 and digits[:2] in ("19", "20") and is_date(digits[2:8]):
        return PERSONNUMMER, True
    dated = len(digits) == 10 and is_date(digits[:6])
    if dated and (not digits.startswith("0") or len(groups[0]) == 6
                  or (len(groups) == 1 and _luhn_ok(digits))):
        return PERSONNUMMER, True
    if digits.startswith("0") and len(digits) >= 8:
        # a Swedish number with its area code: 070-123 45 67, 08-123 456 78, 0340-88 000
        return PHONE, len(digits) <= 10
    return (PHONE, False) if len(digits) >= 10 else None


def _international_length(digits: str) -> bool:
    """Whether a number with its country code has a real length: a Swedish one (+46, with or
    without the "(0)" of the area code) at most nine digits after it, others E.164's 15."""
    country = digits.removeprefix("00")
    if country.startswith("46"):
        return len(country[2:].removeprefix("0")) <= 9
    return len(country) <= _MAX_DIGITS


def _dated_layout(run: str) -> bool:
    """Whether the groups of a run split it where a personnummer's parts meet (850709-9805,
    85 07 09 98 05, 1985-07-09-9805), not as "18.30 070-123 45" does."""
    position, boundaries = 0, []
    for group in re.findall(r"\d+", run):
        position += len(group)
        boundaries.append(position)
    return all(boundary % 2 == 0 for boundary in boundaries)


def _with_open_bracket(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the "(" of "(070) 123 45 67", whose ")" the run already holds."""
    if start > 0 and text[start - 1] in "([" and any(c in ")]" for c in text[start:end]):
        return start - 1, end
    return start, end


def is_date(yymmdd: str) -> bool:
    """Whether six digits read as a date (a samordningsnummer's day is the day plus 60)."""
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    if day > 60:
        day -= 60
    return 1 <= month <= 12 and 1 <= day <= 31


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0
