"""Personal data in free text is found, held for moderation and can be redacted."""

from __future__ import annotations

import pytest

from dialog.services.personal_data import personal_data_kinds, redact


@pytest.mark.parametrize(("text", "kinds"), [
    ("Mitt personnummer är 050101-1238", ["personnummer"]),
    ("Född 20050101-1238 i Varberg", ["personnummer"]),
    ("Samordningsnummer 701063-2391", ["personnummer"]),
    ("Ring mig på 070-123 45 67", ["phone"]),
    ("sms:a 0701234567", ["phone"]),
    ("Ring +46 70 123 45 67", ["phone"]),
    ("Växeln 0340-88 000", ["phone"]),
    ("Maila kalle.anka@skolan.varberg.se", ["email"]),
    ("070-123 45 67 eller kalle@example.se", ["email", "phone"]),
])
def test_personal_data_is_found(text: str, kinds: list[str]):
    assert personal_data_kinds(text) == kinds


@pytest.mark.parametrize("text", [
    "Fritidsgården borde vara öppen 18-22 på fredagar",
    "Vi var 25 personer på mötet 2024",
    "Det kostar 100 tkr per år",
    "Buss 3 går var 15:e minut",
    "",
])
def test_ordinary_text_is_not_flagged(text: str):
    assert personal_data_kinds(text) == []


def test_redaction_keeps_the_rest_of_the_text():
    assert redact("Ring 070-123 45 67 eller mejla a@b.se, tack!") == (
        "Ring [telefonnummer borttaget] eller mejla [e-postadress borttagen], tack!")
    assert redact("pnr 050101-1238.") == "pnr [personnummer borttaget]."


def test_a_perspective_with_personal_data_waits_for_a_facilitator(client, world,
                                                                  join_participant):
    from tests.conftest import bearer

    token = join_participant(world.join_code)
    response = client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                           headers=bearer(token),
                           json={"text": "Ring mig 070-123 45 67", "kind": "idea",
                                 "client_id": "x"})
    assert response.json["status"] == "pending"
    [stored] = client.get(f"/api/v1/processes/{world.process_id}/perspectives",
                          headers=bearer(world.facilitator_token)).json["perspectives"]
    assert stored["personal_data"] == ["phone"]
