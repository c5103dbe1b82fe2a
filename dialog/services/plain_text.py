"""Undo the rewrites that hide personal data, and remember where each character came from.

``050.123.45.67``, ``anna (at) example dot se`` and a number split by zero-width spaces read
the same to a person as the plain forms. :func:`plain` folds them into those forms (Unicode
NFKC, invisible characters dropped, "at"/"snabel-a" to ``@`` and "dot"/"punkt" to ``.`` inside
what reads as a whole address, spaces around those signs there dropped) and keeps, for every
character of the result, the span of the original text it stands for, so a finding in the
plain text can be redacted in the text as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

#: Characters that show nothing: zero-width space/joiners, word joiner, BOM, soft hyphen.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")

#: (at) [at] {at} <at> (snabel-a): always an @.
_AT_BRACKETED = re.compile(r"\s*[(\[{<]\s*(?:at|snabel-?a)\s*[)\]}>]\s*", re.I)
#: (dot) [punkt] ...: always a dot.
_DOT_BRACKETED = re.compile(r"\s*[(\[{<]\s*(?:dot|punkt)\s*[)\]}>]\s*", re.I)

#: An @ as people write it in an address: the sign (spaces around it allowed) or the word
#: "at" / "snabel-a" between spaces.
_AT = r"(?:\s*@\s*|\s+(?i:at|snabel[- ]?a)\s+)"
#: A dot: the sign alone or with a space on both sides ("skolan . se"; "home. Mail" ends a
#: sentence), or the word "dot" / "punkt" between spaces.
_DOT = r"(?:\.|\s+\.\s+|\s+(?i:dot|punkt)\s+)"
#: The last label: 2-24 ASCII letters, in one case after a spaced or spelled dot ("punkt
#: Umeå", "at home dot Sen" read as words, not as a top-level domain).
_TLD_END = r"(?:\.[A-Za-z]{2,24}|(?:\s+\.\s+|\s+(?i:dot|punkt)\s+)(?:[a-z]{2,24}|[A-Z]{2,24}))"
#: Words that English puts before "at" and a website ("read more at kommunen.se", "find us
#: at varberg.se", "see you at www.x.se"): a place on the web, not a mailbox.
_NOT_A_MAILBOX = r"(?:more|us|you|me|him|her|them|it|online|here|there|is|are)\s+at\s"
#: A whole address, spelled out or spaced: a local part, an @, a domain and a dot before a
#: top-level domain. Only inside such a span are "at", "punkt" and spaced signs folded, so
#: "vi ses at school", "klockan fem punkt" and "I live at home. Mail" stay words. An
#: address that ends by running into a written @ belongs to that one ("me at anna.b@x.se").
_ADDRESS = re.compile(
    rf"(?<![\w.+@-])(?!(?i:{_NOT_A_MAILBOX}))[\w+-]+(?:{_DOT}[\w+-]+){{0,5}}{_AT}(?!(?i:www)\.)"
    rf"[\w-]+(?:{_DOT}[\w-]+){{0,5}}{_TLD_END}(?![\w-])(?!{_AT}|[.\w+-]*\s*@)")
_TOKEN = re.compile(rf"(?P<at>{_AT})|{_DOT}")


@dataclass(frozen=True)
class Plain:
    """The folded text and, per character, the ``(start, end)`` it covers in the original."""

    text: str
    spans: tuple[tuple[int, int], ...]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text behind ``text[start:end]``."""
        return self.spans[start][0], self.spans[end - 1][1]


def plain(text: str) -> Plain:
    """Fold ``text`` into the form the personal-data patterns read."""
    if text.isascii():  # NFKC leaves ASCII alone and no invisible character is ASCII
        chars = [(char, (index, index + 1)) for index, char in enumerate(text)]
    else:
        chars = []
        for index, char in enumerate(text):
            if char in INVISIBLE:
                continue
            for folded in _fold(char):
                chars.append((folded, (index, index + 1)))
    joined = "".join(c for c, _ in chars)
    for pattern, replacement in ((_AT_BRACKETED, "@"), (_DOT_BRACKETED, ".")):
        if pattern.search(joined) is None:
            continue  # most texts: nothing to rewrite, skip the rebuild
        chars = _substitute(chars, [(*found.span(), replacement)
                                    for found in pattern.finditer(joined)])
        joined = "".join(c for c, _ in chars)
    if _ADDRESS.search(joined) is not None:
        tokens = [token for address in _ADDRESS.finditer(joined)
                  for token in _TOKEN.finditer(joined, *address.span())]
        chars = _substitute(chars, [(*token.span(), "@" if token["at"] else ".")
                                    for token in tokens])
        joined = "".join(c for c, _ in chars)
    return Plain(joined, tuple(span for _, span in chars))


@lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    return unicodedata.normalize("NFKC", char)


def _substitute(chars: list[tuple[str, tuple[int, int]]],
                replacements: list[tuple[int, int, str]]) -> list[tuple[str, tuple[int, int]]]:
    """Replace each ``(start, end, by)`` (in order, not overlapping, not empty); the new
    characters stand for all the original ones they replace."""
    out: list[tuple[str, tuple[int, int]]] = []
    last = 0
    for start, end, replacement in replacements:
        out.extend(chars[last:start])
        span = (chars[start][1][0], chars[end - 1][1][1])
        out.extend((char, span) for char in replacement)
        last = end
    out.extend(chars[last:])
    return out
