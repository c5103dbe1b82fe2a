"""A common hide reason has a stable code, so its author reads it in their own language.

The facilitator's console is Swedish; the author's phone may read English. A hide with one of
the common reasons (``personal_data``, ``offensive``, ``off_topic``, ``duplicate``, or
``default`` when no reason was given) is logged with the code next to the text, and the
author's phone shows the reason in the phone's language, live and after a reload. Own words
have no code and are shown as written. The moderation log keeps what was stored.
"""

from __future__ import annotations

import pytest

from dialog.extensions import db
from dialog.models import ModerationEvent, Perspective
from dialog.services.hide_reasons import CODES, text_of
from tests.conftest import bearer

WRITTEN = "Ring mig på 070-123 45 67 om fritidsgården"


@pytest.fixture
def author(join_participant, world) -> str:
    return join_participant(world.join_code)


@pytest.fixture
def perspective_id(write, world, author) -> int:
    return write(author, world.workshop_id, WRITTEN, "thought")


def moderate(client, world, perspective_id, **body):
    """The Swedish console's call."""
    return client.post(f"/api/v1/perspectives/{perspective_id}/moderation",
                       headers={**bearer(world.facilitator_token), "Accept-Language": "sv"},
                       json=body)


def notes_heard(phone) -> list[dict]:
    return [m["args"][0]["note"] for m in phone.get_received("/live")
            if m["name"] == "perspective:status"]


def note_after_reload(client, author, language) -> dict:
    mine = client.get("/api/v1/me/perspectives",
                      headers={**bearer(author), "Accept-Language": language})
    return mine.json["perspectives"][0]["note"]


def logged(client, world) -> list[tuple[str, str, str | None]]:
    events = client.get(f"/api/v1/processes/{world.process_id}/moderation-log",
                        headers=bearer(world.facilitator_token)).json["events"]
    return [(e["action"], e["reason"], e["reason_code"]) for e in events]


@pytest.mark.parametrize("code", CODES)
def test_a_coded_reason_without_words_is_logged_in_the_consoles_language(
        client, world, perspective_id, code):
    response = moderate(client, world, perspective_id, action="hide", reason_code=code)
    assert (response.status_code, response.json["status"]) == (200, "hidden")
    assert logged(client, world) == [("hide", text_of(code, "sv"), code)]


def test_an_english_phone_reads_a_swedish_consoles_common_reason_in_english(
        client, world, author, perspective_id, socket_client):
    english_phone = socket_client(author, lang="en")
    english_phone.get_received("/live")

    moderate(client, world, perspective_id, action="hide", reason_code="personal_data",
             reason=text_of("personal_data", "sv"))

    # Live: the code travels with the text as logged; the phone shows its own language's text.
    assert notes_heard(english_phone) == [{"action": "hide", "reason_code": "personal_data",
                                           "reason": text_of("personal_data", "sv")}]
    # After a reload, over HTTP and over the socket, the reason is in the phone's language.
    english = text_of("personal_data", "en")
    assert note_after_reload(client, author, "en")["reason"] == english
    assert note_after_reload(client, author, "sv")["reason"] == text_of("personal_data", "sv")
    ack = english_phone.emit("me:perspectives", {}, namespace="/live", callback=True)
    assert ack["perspectives"][0]["note"] == {"action": "hide", "reason": english,
                                              "reason_code": "personal_data", "text": None}
    # The moderation log keeps what was stored: the Swedish text and the code.
    assert logged(client, world) == [("hide", text_of("personal_data", "sv"), "personal_data")]


def test_own_words_have_no_code_and_every_phone_reads_them_as_written(
        client, world, author, perspective_id):
    own = "Skriv gärna igen utan telefonnumret."
    moderate(client, world, perspective_id, action="hide", reason=own, reason_code="other")
    assert logged(client, world) == [("hide", own, None)]
    assert note_after_reload(client, author, "en") == {"action": "hide", "reason": own,
                                                       "reason_code": None, "text": None}


def test_a_common_reasons_words_sent_without_a_code_get_its_code(client, world, author,
                                                                perspective_id):
    """An older console sends the text only: the same words, the same code."""
    moderate(client, world, perspective_id, action="hide", reason=text_of("offensive", "sv"))
    assert logged(client, world) == [("hide", text_of("offensive", "sv"), "offensive")]
    assert note_after_reload(client, author, "en")["reason"] == text_of("offensive", "en")


def test_a_hide_without_any_reason_reads_the_default_in_the_phones_language(
        client, world, author, perspective_id):
    moderate(client, world, perspective_id, action="hide")
    assert logged(client, world) == [("hide", text_of("default", "sv"), "default")]
    assert note_after_reload(client, author, "en")["reason"] == text_of("default", "en")


@pytest.mark.parametrize("action", ["hide", "approve", "redact"])
def test_an_unknown_code_is_refused_in_swedish_and_changes_nothing(
        client, world, perspective_id, action):
    response = moderate(client, world, perspective_id, action=action, reason_code="rude",
                        text="Om fritidsgården", reason="Nummer")
    assert response.status_code == 400
    assert response.json["error"]["code"] == "unknown_hide_reason"
    assert response.json["error"]["message"].startswith("Okänt skäl: rude.")
    with db.transaction() as session:
        assert session.get(Perspective, perspective_id).status.value == "pending"
        assert session.query(ModerationEvent).count() == 0


def test_the_console_hides_with_a_code_over_socket_io(world, author, perspective_id,
                                                     socket_client):
    english_phone = socket_client(author, lang="en")
    english_phone.get_received("/live")
    console = socket_client(world.facilitator_token, lang="sv")
    ack = console.emit("perspective:moderate", {"perspective_id": perspective_id,
                                                "action": "hide", "reason_code": "duplicate"},
                       namespace="/live", callback=True)
    assert (ack["ok"], ack["perspective"]["status"]) == (True, "hidden")
    assert notes_heard(english_phone) == [{"action": "hide", "reason_code": "duplicate",
                                           "reason": text_of("duplicate", "sv")}]
    refused = console.emit("perspective:moderate", {"perspective_id": perspective_id,
                                                    "action": "hide", "reason_code": 7},
                           namespace="/live", callback=True)
    assert (refused["ok"], refused["error"]["code"]) == (False, "unknown_hide_reason")


def test_a_redaction_may_give_a_common_reason_by_its_code(client, world, author,
                                                         perspective_id):
    edited = "Ring mig om fritidsgården"
    response = moderate(client, world, perspective_id, action="redact", text=edited,
                        reason_code="personal_data")
    assert response.status_code == 200, response.json
    assert logged(client, world) == [("redact", text_of("personal_data", "sv"),
                                      "personal_data")]
    assert note_after_reload(client, author, "en") == {
        "action": "redact", "reason": text_of("personal_data", "en"),
        "reason_code": "personal_data", "text": edited}
