"""The redact box starts from the guard's suggestion: a flagged text with each finding replaced.

Specifications: when the personal-data guard flagged a perspective, the facilitator's views
of it carry ``suggested_text`` (the text with each finding replaced by its placeholder) and
``personal_data_found`` (kind, words as written, placeholder); the ``redact`` moderation
accepts the suggestion as it stands; a text the guard did not flag carries neither.
"""

from __future__ import annotations

import pytest

from dialog.services.personal_data import found_as_written, suggested_redaction
from tests.conftest import bearer

WRITTEN = "Ring mig på 070-123 45 67 eller anna@skolan.se, fritidsgården behöver öppet"
SUGGESTED = ("Ring mig på [telefonnummer borttaget] eller [e-postadress borttagen], "
             "fritidsgården behöver öppet")


def send(client, world, token: str, text: str, client_id: str) -> int:
    sent = client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                       headers=bearer(token),
                       json={"text": text, "kind": "idea", "client_id": client_id})
    assert sent.status_code in (200, 201), sent.json
    return int(sent.json["id"])


def listed(client, world, perspective_id: int) -> dict:
    found = client.get(f"/api/v1/processes/{world.process_id}/perspectives",
                       headers=bearer(world.facilitator_token)).json["perspectives"]
    return next(p for p in found if p["id"] == perspective_id)


@pytest.mark.parametrize(("text", "suggestion", "kind"), [
    ("Ring 070-123 45 67 i kväll", "Ring [telefonnummer borttaget] i kväll", "phone"),
    ("Mitt nummer är 050101-1238", "Mitt nummer är [personnummer borttaget]", "personnummer"),
    ("Maila kalle@skolan.se", "Maila [e-postadress borttagen]", "email"),
])
def test_a_flagged_text_has_a_suggestion_with_each_finding_replaced(text, suggestion, kind):
    assert suggested_redaction(text, [kind]) == suggestion
    [found] = found_as_written(text, [kind])
    assert found["kind"] == kind
    assert found["text"] in text
    assert found["placeholder"] in suggestion


def test_a_text_that_was_not_flagged_has_no_suggestion():
    assert suggested_redaction("Fritidsgården borde vara öppen 18-22", []) is None
    assert found_as_written("Fritidsgården borde vara öppen 18-22", []) == []


def test_the_console_is_offered_the_suggestion_and_what_was_found(
        client, world, join_participant, socket_client):
    perspective_id = send(client, world, join_participant(world.join_code), WRITTEN, "s1")
    shown = listed(client, world, perspective_id)
    assert shown["text"] == WRITTEN  # the console still sees the original
    assert shown["suggested_text"] == SUGGESTED
    assert shown["personal_data_found"] == [
        {"kind": "phone", "text": "070-123 45 67", "placeholder": "[telefonnummer borttaget]"},
        {"kind": "email", "text": "anna@skolan.se", "placeholder": "[e-postadress borttagen]"},
    ]
    console = socket_client(world.facilitator_token)
    ack = console.emit("workshop:watch", {"workshop_id": world.workshop_id},
                       namespace="/live", callback=True)
    [watched] = [p for p in ack["perspectives"] if p["id"] == perspective_id]
    assert watched["suggested_text"] == SUGGESTED


def test_the_redact_moderation_accepts_the_suggestion_as_it_stands(client, world,
                                                                   join_participant):
    perspective_id = send(client, world, join_participant(world.join_code), WRITTEN, "s2")
    response = client.post(f"/api/v1/perspectives/{perspective_id}/moderation",
                           headers=bearer(world.facilitator_token),
                           json={"action": "redact", "text": SUGGESTED,
                                 "reason": "Telefonnummer och e-post togs bort"})
    assert response.status_code == 200, response.json
    assert (response.json["text"], response.json["status"]) == (SUGGESTED, "approved")
    # Redacted, nothing is flagged any more: nothing left to suggest.
    assert (response.json["suggested_text"], response.json["personal_data_found"]) == (None, [])


def test_approved_anyway_still_offers_the_suggestion(client, world, join_participant):
    perspective_id = send(client, world, join_participant(world.join_code), WRITTEN, "s3")
    approved = client.post(f"/api/v1/perspectives/{perspective_id}/moderation",
                           headers=bearer(world.facilitator_token), json={"action": "approve"})
    assert approved.json["status"] == "approved"
    assert approved.json["suggested_text"] == SUGGESTED


def test_an_ordinary_text_has_no_suggestion(client, world, join_participant):
    perspective_id = send(client, world, join_participant(world.join_code),
                          "Fritidsgården borde vara öppen 18-22 på fredagar", "s4")
    shown = listed(client, world, perspective_id)
    assert (shown["suggested_text"], shown["personal_data_found"]) == (None, [])
