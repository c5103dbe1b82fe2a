"""Undo the rewrites that hide personal data, and remember where each character came from.

``050.123.45.67``, ``anna (at) example dot se`` and a number split by zero-width spaces read
the same to a person as the plain forms. :func:`plain` folds them into those forms (Unicode
NFKC, invisible characters dropped, "at"/"snabel-a" to ``@``, "dot"/"punkt" to ``.``) and
keeps, for every character of the result, the span of the original text it stands for, so a
finding in the plain text can be redacted in the text as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

#: Characters that show nothing: zero-width space/joiners, word joiner, BOM, soft hyphen.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")

_DOMAIN_AHEAD = r"(?=[\w-]+(?:\s*(?:\.|\bdot\b|\bpunkt\b)\s*[\w-]+)+)"
#: (at) [at] {at} <at> (snabel-a): always an @.
_AT_BRACKETED = re.compile(r"\s*[(\[{<]\s*(?:at|snabel-?a)\s*[)\]}>]\s*", re.I)
#: (dot) [punkt] ...: always a dot.
_DOT_BRACKETED = re.compile(r"\s*[(\[{<]\s*(?:dot|punkt)\s*[)\]}>]\s*", re.I)
#: " dot " / " punkt " between a word and a short top-level-looking word.
_DOT_WORD = re.compile(r"(?<=\w)\s+(?:dot|punkt)\s+(?=[^\W\d_]{2,6}\b)", re.I)
#: " at " / " snabel-a " only when a dotted domain follows ("meet at seven" stays), and
#: not when that "domain" is the local part of a written address ("me at anna.b@x.se").
_AT_WORD = re.compile(r"(?<=\w)\s+(?:at|snabel-?a)\s+" + _DOMAIN_AHEAD
                      + r"(?![\w.+-]*@)", re.I)


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
    for pattern, replacement in ((_AT_BRACKETED, "@"), (_DOT_BRACKETED, "."),
                                 (_DOT_WORD, "."), (_AT_WORD, "@")):
        if pattern.search(joined) is None:
            continue  # most texts: nothing to rewrite, skip the rebuild
        chars = _substitute(chars, pattern.search, replacement)
        joined = "".join(c for c, _ in chars)
    return Plain(joined, tuple(span for _, span in chars))


@lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    return unicodedata.normalize("NFKC", char)


def _substitute(chars: list[tuple[str, tuple[int, int]]],
                search: Callable[[str, int], re.Match[str] | None],
                replacement: str) -> list[tuple[str, tuple[int, int]]]:
    text = "".join(c for c, _ in chars)
    out: list[tuple[str, tuple[int, int]]] = []
    last = 0
    while (found := search(text, last)) is not None:
        start, end = found.span()
        if end == start:
            break
        out.extend(chars[last:start])
        span = (chars[start][1][0], chars[end - 1][1][1])
        out.extend((char, span) for char in replacement)
        last = end
    out.extend(chars[last:])
    return out
