"""A facilitator cuts the personal data from a reflection and keeps the rest.

Children write phone numbers anywhere. As for a perspective, the samtal console may edit a
reflection instead of hiding it: ``reflection.moderate`` with ``action: "redact"`` (the API,
the ``reflection:moderate`` socket event and the console's form without JavaScript) publishes
the edited prompts and approves the reflection; the words as written stay in the moderation
log only. An edit that still holds personal data is refused with the perspective's code,
and the author's phone is told what was changed and why, in the phone's language.
"""

from __future__ import annotations

import json
import re

import pytest

from dialog.services.hide_reasons import text_of
from tests.conftest import bearer
from tests.publish.conftest import Publisher
from tests.samtal.conftest import CSRF, NS, Samtal
from tests.samtal.test_pages import console_url

PHONE = "070-123 45 67"
WRITTEN = f"Polisen vill också ha kontakt. Ring mig på {PHONE}."
EDITED = "Polisen vill också ha kontakt."


@pytest.fixture
def writer(samtal: Samtal, join_participant) -> str:
    return join_participant(samtal.world.join_code, "unga")


@pytest.fixture
def flagged(samtal: Samtal, open_round: int, writer: str) -> int:
    sent = samtal.reflect(writer, open_round, understood=WRITTEN, keep="Fritidsgården.")
    assert sent.json["status"] == "pending"
    return sent.json["id"]


def card(page: str, reflection: int) -> str:
    """One reflection's card on the console (its redact box lists findings in a <ul>)."""
    found = re.search(rf'<li [^>]*id="reflection-{reflection}".*?\n</li>', page, re.S)
    assert found, f"no card for reflection {reflection}"
    return found.group(0)


def moderate(samtal: Samtal, reflection: int, language: str = "sv", **body):
    return samtal.client.post(f"/api/v1/reflections/{reflection}/moderation",
                              headers={**samtal.auth, "Accept-Language": language}, json=body)


def mine(samtal: Samtal, writer: str, language: str = "sv") -> list[dict]:
    return samtal.client.get("/api/v1/me/conversation-rounds",
                             headers={**bearer(writer), "Accept-Language": language}
                             ).json["reflections"]


def log_of(samtal: Samtal) -> list[dict]:
    return [e for e in samtal.client.get(
        f"/api/v1/processes/{samtal.world.process_id}/moderation-log",
        headers=samtal.auth).json["events"] if e["subject_type"] == "reflection"]


def test_the_console_reads_the_guards_suggestion_for_a_flagged_reflection(
        samtal: Samtal, open_round: int, flagged: int):
    shown = samtal.client.get(f"/api/v1/conversation-rounds/{open_round}",
                              headers=samtal.auth).json["reflections"][0]
    assert shown["suggested_prompts"] == {
        "understood": "Polisen vill också ha kontakt. Ring mig på [telefonnummer borttaget].",
        "question": "", "keep": "Fritidsgården."}
    assert shown["personal_data_found"] == [
        {"kind": "phone", "text": PHONE, "placeholder": "[telefonnummer borttaget]"}]


def test_a_redact_publishes_the_edit_approves_it_and_logs_the_original(
        samtal: Samtal, open_round: int, writer: str, flagged: int):
    done = moderate(samtal, flagged, action="redact", understood=EDITED,
                    reason_code="personal_data")

    assert done.status_code == 200, done.json
    assert (done.json["status"], done.json["understood"], done.json["keep"]) == (
        "approved", EDITED, "Fritidsgården.")
    assert done.json["personal_data"] == []
    assert done.json["suggested_prompts"] is None
    event = log_of(samtal)[-1]
    assert (event["action"], event["from_status"], event["to_status"], event["reason_code"]) == (
        "redact", "pending", "approved", "personal_data")
    assert event["reason"] == text_of("personal_data", "sv")
    assert json.loads(event["original_text"])["understood"] == WRITTEN
    assert json.loads(event["edited_text"]) == {"understood": EDITED, "question": "",
                                                "keep": "Fritidsgården."}
    round_now = samtal.client.get(f"/api/v1/conversation-rounds/{open_round}",
                                  headers=samtal.auth).json
    assert PHONE not in json.dumps(round_now)


@pytest.mark.parametrize(("body", "code"), [
    ({"understood": f"Ring {PHONE}", "reason": "Telefonnummer"},
     "redaction_keeps_personal_data"),
    ({"reason": "Telefonnummer"}, "redaction_keeps_personal_data"),  # left as written
    ({"understood": "Utan nummer.", "reason": ""}, "redaction_reason_required"),
    ({"understood": "", "keep": "", "reason": "Allt bort"}, "redaction_text_required"),
    ({"understood": "x" * 501, "reason": "Lång"}, "redaction_text_too_long"),
    ({"understood": "Utan nummer.", "reason_code": "tråkig"}, "unknown_hide_reason"),
], ids=["still-a-number", "unchanged", "no-reason", "nothing-left", "too-long",
        "unknown-code"])
def test_a_refused_redact_changes_nothing(samtal: Samtal, writer: str, flagged: int,
                                          body, code):
    refused = moderate(samtal, flagged, action="redact", **body)
    assert (refused.status_code, refused.json["error"]["code"]) == (400, code)
    assert [(r["status"], r["understood"]) for r in mine(samtal, writer)] == [
        ("pending", WRITTEN)]
    assert log_of(samtal) == []


def test_the_author_hears_what_was_changed_and_why_in_the_phones_language(
        samtal: Samtal, open_round: int, writer: str, flagged: int, socket_client,
        join_participant):
    phone = socket_client(writer, lang="en")
    someone_else = socket_client(join_participant(samtal.world.join_code, "polis"))
    for sio in (phone, someone_else):
        sio.get_received(NS)

    moderate(samtal, flagged, action="redact", understood=EDITED, reason_code="personal_data")

    told = [e["args"][0] for e in phone.get_received(NS) if e["name"] == "reflection:status"]
    assert told == [{"id": flagged, "round_id": open_round, "status": "approved",
                     "note": {"action": "redact", "reason": text_of("personal_data", "sv"),
                              "reason_code": "personal_data",
                              "changed": {"understood": EDITED}}}]
    assert [e for e in someone_else.get_received(NS) if e["name"] == "reflection:status"] == []
    # After a reload, in the phone's language.
    (again,) = mine(samtal, writer, "en")
    assert again["note"] == {"action": "redact", "reason": text_of("personal_data", "en"),
                             "reason_code": "personal_data", "changed": {"understood": EDITED}}
    assert again["understood"] == EDITED


def test_own_words_are_told_as_written(samtal: Samtal, writer: str, flagged: int):
    moderate(samtal, flagged, action="redact", understood=EDITED, reason="Numret togs bort.")
    assert mine(samtal, writer, "en")[0]["note"]["reason"] == "Numret togs bort."


def test_the_socket_event_is_the_same_action(samtal: Samtal, writer: str, flagged: int,
                                              socket_client):
    console = socket_client(samtal.world.facilitator_token)
    ack = console.emit("reflection:moderate", {
        "reflection_id": flagged, "action": "redact", "understood": EDITED,
        "reason_code": "personal_data"}, namespace=NS, callback=True)
    assert ack["ok"] is True, ack
    assert (ack["reflection"]["status"], ack["reflection"]["understood"]) == ("approved", EDITED)
    refused = console.emit("reflection:moderate", {
        "reflection_id": flagged, "action": "redact", "understood": f"Ring {PHONE}",
        "reason": "x"}, namespace=NS, callback=True)
    assert (refused["ok"], refused["error"]["code"]) == (False, "redaction_keeps_personal_data")
    phone = socket_client(writer)
    refused = phone.emit("reflection:moderate", {"reflection_id": flagged, "action": "hide"},
                         namespace=NS, callback=True)
    assert refused["ok"] is False


def test_the_console_form_redacts_without_javascript(logged_in, samtal: Samtal, writer: str,
                                                     flagged: int):
    page = logged_in.get(console_url(samtal)).text
    shown = card(page, flagged)
    assert 'name="action" value="redact"' in shown
    # The box starts from the guard's suggestion; the words as written are a way back.
    assert "Ring mig på [telefonnummer borttaget].</textarea>" in shown
    assert f"{PHONE}" in shown  # the console (only) shows what was written

    done = logged_in.post(f"/facilitator/reflections/{flagged}/moderation", data={
        "csrf_token": CSRF, "action": "redact", "understood": EDITED, "question": "",
        "keep": "Fritidsgården.", "reason_code": "personal_data"})
    assert done.status_code == 302
    assert done.headers["Location"].endswith(f"#reflection-{flagged}")
    assert [(r["status"], r["understood"]) for r in mine(samtal, writer)] == [
        ("approved", EDITED)]
    shown = card(logged_in.get(console_url(samtal)).text, flagged)
    assert PHONE not in shown
    assert "Redigerad. Skäl:" in shown


def test_a_refused_form_opens_the_box_again_with_what_was_typed(logged_in, samtal: Samtal,
                                                                flagged: int):
    typed = f"Ring {PHONE} ändå"
    refused = logged_in.post(f"/facilitator/reflections/{flagged}/moderation", data={
        "csrf_token": CSRF, "action": "redact", "understood": typed, "question": "",
        "keep": "", "reason": "Nummer"})
    assert refused.status_code == 400
    shown = card(refused.text, flagged)
    assert "<details class=\"redact-box\" open" in shown
    assert f"{typed}</textarea>" in shown
    assert "innehåller fortfarande personuppgifter" in shown


def test_only_the_edit_reaches_the_publication_report_and_open_data(
        samtal: Samtal, open_round: int, writer: str, flagged: int, join_participant):
    """Five reflections (the suppression threshold) so their words are quoted."""
    for number in range(4):
        samtal.reflect(join_participant(samtal.world.join_code, "polis"), open_round,
                       client_id=f"o-{number}", understood=f"Kontakt är viktigt {number}.")
    moderate(samtal, flagged, action="redact", understood=EDITED, reason_code="personal_data")
    slug = samtal.client.get(f"/api/v1/processes/{samtal.world.process_id}",
                             headers=samtal.auth).json["slug"]
    publisher = Publisher(samtal.client, samtal.world.facilitator_token,
                          samtal.world.process_id, slug, samtal.world.workshop_id,
                          samtal.world.join_code)
    publisher.publish()

    (conversation,) = publisher.snapshot()["reflections"]["rounds"]
    assert EDITED in conversation["understood"]
    for name, text in publisher.everything().items():
        assert PHONE not in text, name
        assert "Ring mig" not in text, name
    assert any(EDITED in text for name, text in publisher.everything().items()
               if name.startswith("zip:"))
