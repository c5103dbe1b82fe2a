"""The personal-data guard sees through rewrites, and leaves ordinary numbers alone."""

from __future__ import annotations

import pytest

from dialog.services.personal_data import find_personal_data, personal_data_kinds, redact
from tests.security.personal_data_corpus import EVASIONS, ORDINARY


def test_the_corpus_of_evasions_is_large_enough():
    assert len(EVASIONS) >= 100
    assert len(set(EVASIONS)) == len(EVASIONS)


@pytest.mark.parametrize("text", EVASIONS)
def test_a_rewritten_phone_number_address_or_personnummer_is_flagged(text: str):
    assert personal_data_kinds(text), f"missed: {text!r}"


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_numbers_in_a_perspective_pass(text: str):
    assert personal_data_kinds(text) == [], f"flagged: {text!r}"


@pytest.mark.parametrize(("text", "kind"), [
    ("070.123.45.67", "phone"), ("anna at example dot se", "email"),
    ("850709–9805", "personnummer"), ("anna＠example.se", "email"),
    ("0701234567", "phone"), ("050101-1238", "personnummer"),
])
def test_each_rewrite_is_named_for_what_it_is(text: str, kind: str):
    assert personal_data_kinds(text) == [kind]


@pytest.mark.parametrize("text", EVASIONS)
def test_redaction_removes_every_digit_and_at_sign_of_what_it_found(text: str):
    redacted = redact(text)
    assert "borttag" in redacted
    for finding in find_personal_data(text):
        assert text[finding.start:finding.end] not in redacted


def test_redaction_keeps_the_words_around_a_rewrite():
    assert redact("Ring 070.123.45.67 eller anna at example dot se, tack!") == (
        "Ring [telefonnummer borttaget] eller [e-postadress borttagen], tack!")
    assert redact(f"pnr 850709{chr(0x2013)}9805.") == "pnr [personnummer borttaget]."


@pytest.mark.parametrize(("text", "shown"), [
    ("Write to me at anna.svensson@example.com about the youth centre.",
     "Write to me at [e-postadress borttagen] about the youth centre."),
    ("Skriv till mig at anna.b@skolan.se", "Skriv till mig at [e-postadress borttagen]"),
])
def test_a_plain_address_after_the_word_at_is_redacted_whole(text: str, shown: str):
    """"at" before a real address is English, not a spelled-out @: the room saw
    "Write to [e-postadress borttagen]@example.com", the domain left and the words eaten."""
    assert redact(text) == shown
