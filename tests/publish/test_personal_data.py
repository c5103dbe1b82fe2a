"""A published text never holds a personnummer, samordningsnummer, phone number or email."""

from __future__ import annotations

import json

import pytest

from dialog.publication.guard import guard, leaks
from tests.publish.conftest import Publisher, konkretisera

#: (kind, what a participant wrote, what must never be published, what replaces it)
CASES = [
    ("personnummer", "Jag heter Kim, 860317-4548, och går hem genom parken varje kväll.",
     ["860317-4548", "8603174548"], "[personnummer borttaget]"),
    ("samordningsnummer", "Mitt samordningsnummer är 19850378-1234, ring skolan.",
     ["19850378-1234", "850378"], "[personnummer borttaget]"),
    ("phone", "Sms:a mig på 070-123 45 67 så visar jag var det är mörkt.",
     ["070-123 45 67", "0701234567", "123 45 67"], "[telefonnummer borttaget]"),
    ("email", "Skriv till kim.andersson@exempel.se om ni vill veta mer om parken.",
     ["kim.andersson@exempel.se", "kim.andersson", "exempel.se"], "[e-postadress borttagen]"),
]


def everything_published(publisher: Publisher, version: int) -> dict[str, str]:
    outputs = publisher.everything()
    outputs |= {f"v{version}:{k}": v for k, v in publisher.everything(version).items()}
    preview = publisher.api("GET", f"/processes/{publisher.process_id}/publication-preview")
    outputs["preview"] = json.dumps(preview.json, ensure_ascii=False)
    return outputs


@pytest.mark.parametrize(("kind", "text", "secrets", "placeholder"), CASES,
                         ids=[c[0] for c in CASES])
def test_an_approved_perspective_is_published_redacted_everywhere(
        publisher: Publisher, kind, text, secrets, placeholder):
    perspective_id, status = publisher.write(text, group="unga")
    assert status == "pending"  # held by the guard at submit
    publisher.moderate(perspective_id, "approve")
    version = publisher.publish()["version"]
    outputs = everything_published(publisher, version)
    for name, content in outputs.items():
        for secret in secrets:
            assert secret not in content, (kind, name, secret)
    assert placeholder in outputs["page"]
    assert placeholder in outputs["zip:perspectives.csv"]
    assert placeholder in outputs["report.pdf"].replace("\n", " ")
    published = next(p for p in publisher.snapshot()["perspectives"] if p["id"] == perspective_id)
    assert published["redacted"] is True


def test_a_flagged_perspective_that_is_not_approved_is_not_published_at_all(publisher):
    perspective_id, _status = publisher.write(CASES[2][1], group="unga")
    publisher.moderate(perspective_id, "hide")
    publisher.publish()
    for name, content in publisher.everything().items():
        assert "Sms:a mig" not in content, name
        assert "[telefonnummer borttaget]" not in content, name


def test_alternatives_conditions_dissent_and_proposals_are_redacted_too(publisher: Publisher):
    konkretisera(publisher,
                 description="Kontakta parkchefen på 031-12 34 56 om lamporna.",
                 condition="Att ni mejlar mig på lina.berg@exempel.se innan ni tänder.",
                 reason="Jag bor där, mitt personnummer är 860317-4548.",
                 proposal_description="Frågor till projektledaren: anna.ek@varberg.se.",
                 note="Beställt, ring 070-987 65 43 vid fel.")
    version = publisher.publish()["version"]
    snapshot = publisher.snapshot()
    assert snapshot["alternatives"][0]["conditions"]
    assert snapshot["alternatives"][0]["dissent"]["reasons"]
    assert leaks(snapshot) == []
    for name, content in everything_published(publisher, version).items():
        for secret in ("031-12 34 56", "lina.berg@exempel.se", "860317-4548",
                       "anna.ek@varberg.se", "070-987 65 43"):
            assert secret not in content, (name, secret)
    page = publisher.page()
    assert "Kontakta parkchefen på [telefonnummer borttaget] om lamporna." in page
    assert "[e-postadress borttagen]" in page


def test_a_note_on_the_version_goes_through_the_guard(publisher: Publisher):
    publisher.publish(note="Frågor? Ring 070-123 45 67.")
    page = publisher.page()
    assert "070-123" not in page
    assert "Frågor? Ring [telefonnummer borttaget]." in page


@pytest.mark.parametrize("value", [
    {"text": "ring 070-123 45 67", "published_at": "2026-11-22T10:00:00+00:00"},
    ["a@b.se", {"nested": ["860317-4548"]}],
    {"070-123 45 67": 1},
])
def test_the_guard_cleans_every_string_but_keeps_our_own_timestamps(value):
    cleaned = guard(value)
    assert leaks(cleaned) == []
    if isinstance(value, dict) and "published_at" in value:
        assert cleaned["published_at"] == value["published_at"]
