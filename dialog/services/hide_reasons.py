"""Why something was hidden, in words its author reads in their own language.

A hide is logged with a reason text (what the moderation log keeps) and, for the common
reasons, a stable code next to it: ``personal_data``, ``offensive``, ``off_topic``,
``duplicate``, or ``default`` when no reason was given. A coded reason is shown to its
author in the author's language (a Swedish console, an English phone: the phone reads
English); a reason in the facilitator's own words (code ``None``, asked for as ``other``)
is shown as written.
"""

from __future__ import annotations

from typing import Any

from dialog.errors import DialogError
from dialog.i18n import DEFAULT_LOCALE, LOCALES, translate

#: The common reasons the console offers as one tap, in the order it shows them.
COMMON = ("personal_data", "offensive", "off_topic", "duplicate")
#: A hide without a reason: "it did not fit here, ask the facilitator".
DEFAULT = "default"
#: The facilitator's own words: stored without a code (``NULL``), shown as written.
OTHER = "other"
CODES = (*COMMON, DEFAULT)
MAX_REASON = 1000


def key_of(code: str) -> str:
    """The translation key of a coded reason's text."""
    if code == DEFAULT:
        return "map_people.hide.default_reason"
    return f"map_people.hide.reasons.{code}.text"


def text_of(code: str, locale: str = DEFAULT_LOCALE) -> str:
    """A coded reason's text in ``locale``."""
    return translate(key_of(code), locale)


def code_of(reason_code: Any) -> str | None:
    """Check a ``reason_code`` as sent: a known code, ``other`` (own words) or none."""
    if reason_code is None or reason_code == "":
        return None
    if reason_code in (*CODES, OTHER):
        return str(reason_code)
    raise DialogError("unknown_hide_reason", value=str(reason_code)[:40],
                      codes=", ".join((*CODES, OTHER)))


def given(reason: Any, reason_code: Any = None, locale: str = DEFAULT_LOCALE
          ) -> tuple[str, str | None]:
    """The reason a hide is logged with, and its code.

    A known code without words gets the code's text in the caller's ``locale``; words
    without a code that are exactly a common reason's text (in any language, as an older
    console sends them) get that reason's code; own words keep no code; nothing at all is
    the default reason. An unknown code is refused (``unknown_hide_reason``).
    """
    code = code_of(reason_code)
    words = str(reason or "").strip()[:MAX_REASON]
    if code in CODES:
        return words or text_of(code, locale), code
    if not words:
        return text_of(DEFAULT, locale), DEFAULT
    return words, (None if code == OTHER else recognised(words))


def recognised(words: str) -> str | None:
    """The code whose text ``words`` is, word for word, in one of the languages (else none)."""
    for code in CODES:
        if any(words == text_of(code, locale) for locale in LOCALES):
            return code
    return None


def shown(reason: str, code: str | None, locale: str = DEFAULT_LOCALE) -> str:
    """What the author reads: a coded reason in their ``locale``, own words as written."""
    return text_of(code, locale) if code in CODES else reason


def note(action: str, reason: str, code: str | None, locale: str | None = None
         ) -> dict[str, Any]:
    """The author's note about a decision; with ``locale``, the reason in that language."""
    return {"action": action,
            "reason": shown(reason, code, locale) if locale else reason,
            "reason_code": code}
