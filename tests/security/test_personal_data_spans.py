"""The guard flags exactly the personal data: the span it reports, and redacts, is the address,
the phone number or the personnummer, never the words or numbers around it.

Each row is a sentence and what the guard finds in it, as ``(kind, the text it covers)``.
"""

from __future__ import annotations

import pytest

from dialog.services.personal_data import find_personal_data, personal_data_kinds, redact
from dialog.services.redaction import edited_text

FOUND: list[tuple[str, list[tuple[str, str]]]] = [
    # Addresses spelled out, in Swedish and in English.
    ("Mejla anna punkt svensson snabel-a example punkt com!",
     [("email", "anna punkt svensson snabel-a example punkt com")]),
    ("mail: anna dot svensson at example dot com",
     [("email", "anna dot svensson at example dot com")]),
    ("anna(at)example(dot)com", [("email", "anna(at)example(dot)com")]),
    ("Skriv till anna [at] example [dot] com.", [("email", "anna [at] example [dot] com")]),
    ("kalle snabel a skolan punkt varberg punkt se",
     [("email", "kalle snabel a skolan punkt varberg punkt se")]),
    ("KALLE AT SKOLAN DOT SE", [("email", "KALLE AT SKOLAN DOT SE")]),
    ("anna . svensson @ skolan . se, tack", [("email", "anna . svensson @ skolan . se")]),
    ("Contact info at varberg.se", [("email", "info at varberg.se")]),
    # A written address after ordinary words: only the address.
    ("I live at home. Mail: a.b@c.se", [("email", "a.b@c.se")]),
    ("Kom hem at ett. Mejla a.b@c.se", [("email", "a.b@c.se")]),
    ("Write to me at anna.svensson@example.com about it",
     [("email", "anna.svensson@example.com")]),
    ("Maila anna@skolan.se.", [("email", "anna@skolan.se")]),
    # Phone numbers with spaces and dashes, alone or next to other numbers.
    ("Ring 070-123 45 67 i kväll", [("phone", "070-123 45 67")]),
    ("Ring +46 70 123 45 67.", [("phone", "+46 70 123 45 67")]),
    ("sms 0701234567, tack", [("phone", "0701234567")]),
    ("Ring (08) 123 45 6", [("phone", "(08) 123 45 6")]),
    ("Ring 0701234567 15 personer kommer", [("phone", "0701234567")]),
    ("+46 70 123 45 67 15 personer", [("phone", "+46 70 123 45 67")]),
    ("kl 18.30 070-123 45 67", [("phone", "070-123 45 67")]),
    ("år 2024 070-123 45 67", [("phone", "070-123 45 67")]),
    ("0701234567 0709876543", [("phone", "0701234567"), ("phone", "0709876543")]),
    # Personnummer, short and long, next to other numbers too.
    ("Mitt pnr är 850709-9805.", [("personnummer", "850709-9805")]),
    ("Mitt pnr är 198507099805.", [("personnummer", "198507099805")]),
    ("Född 19850709-9805, tack", [("personnummer", "19850709-9805")]),
    ("Klass 9 850709-9805 är mitt", [("personnummer", "850709-9805")]),
    ("850709-9805 070-123 45 67",
     [("personnummer", "850709-9805"), ("phone", "070-123 45 67")]),
]

ORDINARY = [
    "vi ses at school",
    "klockan fem punkt",
    "Jag bor i Umeå punkt",
    "Jag bor at Storgatan punkt Umeå",
    "hej at alla. punkt slut",
    "Jag är på skolan at 8. Punkt.",
    "I live at home. Mail me later",
    "Read more at kommunen.se",
    "Find us at varberg.se",
    "See you at www.example.com",
    "År 2024 var 15 personer där kl 18.30",
    "Mötet är 2024-11-30 18.30 i aulan",
    "Åren 2024 2025 2026 var bra",
    # A postcode is shared by thousands of people: no one's personal data on its own.
    "Postnummer 903 25 Umeå",
    "Adress: Storgatan 12, 903 25 Umeå",
    "Vi var 1 500 personer",
]


@pytest.mark.parametrize(("text", "found"), FOUND)
def test_the_guard_flags_exactly_the_personal_data(text: str,
                                                   found: list[tuple[str, str]]):
    assert [(f.kind, text[f.start:f.end]) for f in find_personal_data(text)] == found


@pytest.mark.parametrize(("text", "found"), FOUND)
def test_redaction_replaces_only_what_was_flagged(text: str, found: list[tuple[str, str]]):
    redacted = redact(text)
    for _, span in found:
        assert span not in redacted
    rest = text
    for _, span in found:
        rest = rest.replace(span, "", 1)
    for word in rest.split():
        assert word in redacted  # every word around the personal data is kept


@pytest.mark.parametrize(("text", "found"), FOUND)
def test_the_suggested_redaction_is_one_the_moderation_action_accepts(
        text: str, found: list[tuple[str, str]]):
    assert personal_data_kinds(redact(text)) == []
    assert edited_text(redact(text)) == redact(text).strip()


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_words_and_numbers_are_not_flagged(text: str):
    assert find_personal_data(text) == []


def test_redacting_the_address_keeps_the_sentence_before_it():
    """The QA walk saw "I [e-postadress borttagen]: [e-postadress borttagen]": "live at
    home. Mail" read as an address, and an edit keeping those words was refused."""
    assert redact("I live at home. Mail: a.b@c.se") == (
        "I live at home. Mail: [e-postadress borttagen]")
    assert edited_text("I live at home. Mail: [e-postadress borttagen]")
