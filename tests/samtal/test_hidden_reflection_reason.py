"""A hidden reflection tells its writer why, as a hidden perspective does (issue 12.6).

The samtal phone does not list what its writer reflected (a reflection is sent and the form
is empty again), so a hide would go unnoticed. Now the writer's phone hears it at once
(``reflection:status``), and its own reflections (``samtal:rounds``, ``GET
/me/conversation-rounds``) carry the reason of a hidden one, a common reason in the phone's
language, so the phone shows it after a reload too. Nobody else hears it.
"""

from __future__ import annotations

import pytest

from dialog.services.hide_reasons import text_of
from tests.conftest import bearer
from tests.samtal.conftest import NS, Samtal


@pytest.fixture
def writer(samtal: Samtal, join_participant) -> str:
    return join_participant(samtal.world.join_code, "unga")


@pytest.fixture
def reflection(samtal: Samtal, open_round: int, writer: str) -> int:
    return samtal.reflect(writer, open_round).json["id"]


def moderate(samtal: Samtal, reflection: int, **body):
    return samtal.client.post(f"/api/v1/reflections/{reflection}/moderation",
                              headers={**samtal.auth, "Accept-Language": "sv"}, json=body)


def heard(sio) -> list[dict]:
    return [e["args"][0] for e in sio.get_received(NS) if e["name"] == "reflection:status"]


def notes(samtal: Samtal, writer: str, language: str) -> list:
    mine = samtal.client.get("/api/v1/me/conversation-rounds",
                             headers={**bearer(writer), "Accept-Language": language})
    return [(r["status"], r["note"]) for r in mine.json["reflections"]]


def test_the_writer_hears_a_common_reason_in_the_phones_language(
        samtal: Samtal, open_round: int, writer: str, reflection: int, socket_client,
        join_participant):
    phone = socket_client(writer, lang="en")
    someone_else = socket_client(join_participant(samtal.world.join_code, "polis"))
    for sio in (phone, someone_else):
        sio.get_received(NS)

    hidden = moderate(samtal, reflection, action="hide", reason_code="offensive")

    assert (hidden.status_code, hidden.json["status"]) == (200, "hidden")
    swedish, english = text_of("offensive", "sv"), text_of("offensive", "en")
    assert heard(phone) == [{"id": reflection, "round_id": open_round, "status": "hidden",
                             "note": {"action": "hide", "reason": swedish,
                                      "reason_code": "offensive"}}]
    assert heard(someone_else) == []
    assert notes(samtal, writer, "en") == [
        ("hidden", {"action": "hide", "reason": english, "reason_code": "offensive"})]
    ack = phone.emit("samtal:rounds", {}, namespace=NS, callback=True)
    assert ack["reflections"][0]["note"]["reason"] == english
    log = samtal.client.get(f"/api/v1/processes/{samtal.world.process_id}/moderation-log",
                            headers=samtal.auth).json["events"]
    assert [(e["reason"], e["reason_code"]) for e in log] == [(swedish, "offensive")]


@pytest.mark.parametrize(("body", "reason", "code"), [
    ({"reason": "Namn"}, "Namn", None),
    ({}, text_of("default", "en"), "default"),
], ids=["own-words", "no-reason"])
def test_own_words_as_written_and_no_reason_as_the_default(samtal: Samtal, writer: str,
                                                          reflection: int, body, reason, code):
    moderate(samtal, reflection, action="hide", **body)
    assert notes(samtal, writer, "en") == [
        ("hidden", {"action": "hide", "reason": reason, "reason_code": code})]


def test_approving_it_again_takes_the_note_away(samtal: Samtal, writer: str, reflection: int,
                                               socket_client):
    moderate(samtal, reflection, action="hide", reason_code="duplicate")
    phone = socket_client(writer)
    phone.get_received(NS)
    moderate(samtal, reflection, action="approve")
    assert [(e["status"], e["note"]) for e in heard(phone)] == [("approved", None)]
    assert notes(samtal, writer, "sv") == [("approved", None)]


def test_an_unknown_code_is_refused_and_nothing_changes(samtal: Samtal, writer: str,
                                                       reflection: int):
    refused = moderate(samtal, reflection, action="hide", reason_code="tråkig")
    assert (refused.status_code, refused.json["error"]["code"]) == (400, "unknown_hide_reason")
    assert notes(samtal, writer, "sv") == [("approved", None)]
