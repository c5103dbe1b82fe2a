"""The samtal console approves and hides reflections, by form or by its script (issue 12.6).

A facilitator in a noisy room decides from the tablet, not from the API: every reflection
card says its status in words and carries the workshop console's controls. A reflection
held back for personal data is shown as waiting, with a warning and "Godkänn ändå" beside
"Dölj"; "Dölj" asks why (four one-tap common reasons, or own words) and the hidden one stays
on the console with its reason and "Visa igen" (moderation hides, never deletes). The forms
and the console's script both go through the one action, ``reflection.moderate``: the form
post is logged like the API call, and other consoles and the writer's phone hear it.
"""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from dialog.services.hide_reasons import text_of
from tests.samtal.conftest import CSRF, NS, Samtal
from tests.samtal.test_pages import console_url

PHONE_NUMBER = "Ring mig på 070-123 45 67 om bussen."



@pytest.fixture
def writer(samtal: Samtal, join_participant) -> str:
    return join_participant(samtal.world.join_code, "unga")


@pytest.fixture
def three(samtal: Samtal, open_round: int, writer: str) -> dict[str, int]:
    """An approved reflection, one held back for a phone number, one the API hid."""
    ids = {
        "approved": samtal.reflect(writer, open_round, client_id="a").json,
        "pending": samtal.reflect(writer, open_round, client_id="p",
                                  understood=PHONE_NUMBER).json,
        "hidden": samtal.reflect(writer, open_round, client_id="h",
                                 understood="Det här hör inte hit.").json,
    }
    assert ids["pending"]["status"] == "pending"
    samtal.client.post(f"/api/v1/reflections/{ids['hidden']['id']}/moderation",
                       headers=samtal.auth, json={"action": "hide", "reason_code": "off_topic"})
    return {status: sent["id"] for status, sent in ids.items()}


def card(page: str, reflection: int) -> str:
    found = re.search(rf'<li [^>]*id="reflection-{reflection}".*?</li>', page, re.S)
    assert found, f"no card for reflection {reflection}"
    return found.group(0)


def moderate_by_form(client: FlaskClient, reflection: int, **fields: str):
    return client.post(f"/facilitator/reflections/{reflection}/moderation",
                       data={"csrf_token": CSRF, **fields})


def statuses(samtal: Samtal, round_id: int) -> dict[int, str]:
    found = samtal.client.get(f"/api/v1/conversation-rounds/{round_id}", headers=samtal.auth)
    return {r["id"]: r["status"] for r in found.json["reflections"]}


def test_an_approved_reflection_can_be_hidden_with_a_common_reason_or_own_words(
        logged_in, samtal, three):
    shown = card(logged_in.get(console_url(samtal)).text, three["approved"])
    assert "Godkänd" in shown
    assert 'name="action" value="approve"' not in shown  # its redact box approves an edit
    assert "<summary" in shown
    assert ">Dölj<" in shown
    for code in ("personal_data", "offensive", "off_topic", "duplicate"):
        assert f'name="reason_code" value="{code}"' in shown
    assert 'name="reason_code" value="other"' in shown
    assert f'action="/facilitator/reflections/{three["approved"]}/moderation"' in shown


def test_a_flagged_reflection_waits_with_a_warning_and_approve_anyway(logged_in, samtal, three):
    shown = card(logged_in.get(console_url(samtal)).text, three["pending"])
    assert "Väntar på granskning" in shown
    assert "Innehåller personuppgifter: telefonnummer" in shown
    assert "Godkänn ändå" in shown
    assert 'name="action" value="approve"' in shown
    assert ">Dölj<" in shown


def test_a_hidden_reflection_stays_on_the_console_with_its_reason_and_show_again(
        logged_in, samtal, three):
    shown = card(logged_in.get(console_url(samtal)).text, three["hidden"])
    assert "Det här hör inte hit." in shown
    assert f"Dold. Skäl: {text_of('off_topic', 'sv')}" in shown
    assert "Visa igen" in shown
    assert "<summary" not in shown  # already hidden: nothing to hide


def test_the_console_in_english(logged_in, samtal, three):
    page = logged_in.get(console_url(samtal) + "?lang=en").text
    assert "Approve anyway" in card(page, three["pending"])
    assert f"Hidden. Reason: {text_of('off_topic', 'en')}" in card(page, three["hidden"])
    assert "Show again" in card(page, three["hidden"])


def test_the_forms_approve_hide_and_show_again_through_the_one_action(
        logged_in, samtal, open_round, three, socket_client, writer):
    other_console = socket_client(samtal.world.facilitator_token)
    other_console.emit("samtal:watch", {"process_id": samtal.world.process_id},
                       namespace=NS, callback=True)
    phone = socket_client(writer, lang="en")
    for sio in (other_console, phone):
        sio.get_received(NS)

    approved = moderate_by_form(logged_in, three["pending"], action="approve")
    assert approved.status_code == 302
    assert approved.headers["Location"].endswith(
        f"/facilitator/processes/{samtal.world.process_id}/samtal#reflection-{three['pending']}")
    hidden = moderate_by_form(logged_in, three["approved"], action="hide",
                              reason_code="duplicate")
    assert hidden.status_code == 302
    again = moderate_by_form(logged_in, three["hidden"], action="approve")
    assert again.status_code == 302

    assert statuses(samtal, open_round) == {three["approved"]: "hidden",
                                            three["pending"]: "approved",
                                            three["hidden"]: "approved"}
    # Logged like the API's decisions, with the common reason's code.
    log = samtal.client.get(
        f"/api/v1/processes/{samtal.world.process_id}/moderation-log", headers=samtal.auth)
    decisions = [(e["subject_id"], e["action"], e["reason_code"]) for e in log.json["events"]
                 if e["subject_type"] == "reflection"]
    assert decisions[-3:] == [(three["pending"], "approve", None),
                              (three["approved"], "hide", "duplicate"),
                              (three["hidden"], "approve", None)]
    # The other console hears each one (the hide with its reason), the writer the hide.
    updated = [e["args"][0] for e in other_console.get_received(NS)
               if e["name"] == "reflection:updated"]
    assert [(u["reflection"]["id"], u["reflection"]["status"]) for u in updated] == [
        (three["pending"], "approved"), (three["approved"], "hidden"),
        (three["hidden"], "approved")]
    assert updated[1]["note"] == {"action": "hide", "reason": text_of("duplicate", "sv"),
                                  "reason_code": "duplicate"}
    told = [e["args"][0] for e in phone.get_received(NS) if e["name"] == "reflection:status"]
    assert [t["status"] for t in told] == ["approved", "hidden", "approved"]


def test_hiding_in_own_words_keeps_them_and_no_code(logged_in, samtal, open_round, three):
    moderate_by_form(logged_in, three["approved"], action="hide", reason_code="other",
                     reason="Vi tar det här efter pausen.")
    page = logged_in.get(console_url(samtal)).text
    assert "Dold. Skäl: Vi tar det här efter pausen." in card(page, three["approved"])


def test_a_refused_decision_shows_why_on_the_console(logged_in, samtal, three):
    refused = moderate_by_form(logged_in, three["approved"], action="delete")
    assert refused.status_code == 400
    assert 'id="form-error"' in refused.text
    assert card(refused.text, three["approved"])  # the console, its cards still there


def test_without_a_login_and_its_csrf_token_the_form_changes_nothing(
        samtal, open_round, three):
    anonymous = samtal.client.post(f"/facilitator/reflections/{three['pending']}/moderation",
                                   data={"action": "approve"})
    assert anonymous.status_code in (302, 400, 401, 403)
    assert statuses(samtal, open_round)[three["pending"]] == "pending"


def test_the_consoles_script_path_is_the_api_with_the_pages_token(logged_in, samtal, three):
    """console.js sends the page's bearer token to POST /api/v1/reflections/{id}/moderation."""
    page = logged_in.get(console_url(samtal)).text
    token = re.search(r'data-api-token="([^"]+)"', page)
    assert token
    answer = samtal.client.post(
        f"/api/v1/reflections/{three['pending']}/moderation",
        headers={"Authorization": f"Bearer {token.group(1)}", "Accept-Language": "sv"},
        json={"action": "hide", "reason": text_of("personal_data", "sv"),
              "reason_code": "personal_data"})
    assert (answer.status_code, answer.json["status"]) == (200, "hidden")
    shown = card(logged_in.get(console_url(samtal)).text, three["pending"])
    assert f"Dold. Skäl: {text_of('personal_data', 'sv')}" in shown
    assert "Visa igen" in shown
