"""A hidden fishing answer tells its author why, as a hidden perspective does (issue 12.6).

The phone shows what it already answered to the open fishing question. When the facilitator
hides one of those answers (a common reason by its code, own words, or none: the default),
the author's phone hears it at once (``fishing:answer_status``) and its state says so after
a reload (``my_answer_items`` with a ``note``), a common reason in the phone's language.
Nobody else hears it; the answer is kept and logged.
"""

from __future__ import annotations

import re

import pytest

from dialog.services.hide_reasons import text_of
from tests.conftest import PASSWORD, bearer
from tests.konkret.conftest import NS, Konkret, cid

ANSWER = "Ingen pratar om att Kalle på Östra gatan säljer."


@pytest.fixture
def fishing(konkret: Konkret) -> tuple[int, int]:
    prompt = konkret.post(f"/processes/{konkret.pid}/fishing", {}).json["id"]
    answer = konkret.post(f"/fishing/{prompt}/answers", {"text": ANSWER, "client_id": cid()},
                          konkret.phones[0]).json["id"]
    return prompt, answer


def hide(konkret: Konkret, answer: int, **body):
    return konkret.client.patch(f"/api/v1/fishing-answers/{answer}",
                                headers={**konkret.auth, "Accept-Language": "sv"},
                                json={"hidden": True, **body})


def my_answers(konkret: Konkret, language: str, count: int = 1) -> list[dict]:
    state = konkret.client.get("/api/v1/me/konkret",
                               headers={**bearer(konkret.phones[0]), "Accept-Language": language})
    [prompt] = state.json["fishing"]
    assert prompt["my_answers"][0] == ANSWER  # as before: the texts
    assert len(prompt["my_answer_items"]) == count
    return prompt["my_answer_items"]


def heard(sio) -> list[dict]:
    return [e["args"][0] for e in sio.get_received(NS) if e["name"] == "fishing:answer_status"]


def test_the_author_hears_a_common_reason_in_the_phones_language(
        konkret: Konkret, fishing, socket_client):
    prompt, answer = fishing
    author = socket_client(konkret.phones[0], lang="en")
    other = socket_client(konkret.phones[1], lang="en")
    for sio in (author, other):
        sio.get_received(NS)

    assert hide(konkret, answer, reason_code="personal_data").json["hidden"] is True

    swedish = text_of("personal_data", "sv")
    assert heard(author) == [{"prompt_id": prompt, "id": answer, "hidden": True, "note": {
        "action": "hide", "reason": swedish, "reason_code": "personal_data"}}]
    assert heard(other) == []
    assert my_answers(konkret, "en") == [{"id": answer, "text": ANSWER, "hidden": True, "note": {
        "action": "hide", "reason": text_of("personal_data", "en"),
        "reason_code": "personal_data"}}]
    log = konkret.get(f"/processes/{konkret.pid}/moderation-log").json["events"]
    assert [(e["action"], e["reason"], e["reason_code"]) for e in log] == [
        ("hide", swedish, "personal_data")]


@pytest.mark.parametrize(("body", "reason", "code"), [
    ({"reason": "Skriv det utan namn, så visar jag det."},
     "Skriv det utan namn, så visar jag det.", None),
    ({}, text_of("default", "en"), "default"),
], ids=["own-words", "no-reason"])
def test_own_words_as_written_and_no_reason_as_the_default(konkret: Konkret, fishing, body,
                                                          reason, code):
    _, answer = fishing
    hide(konkret, answer, **body)
    [item] = my_answers(konkret, "en")
    assert item["note"] == {"action": "hide", "reason": reason, "reason_code": code}


def test_showing_it_again_takes_the_note_away(konkret: Konkret, fishing, socket_client):
    _, answer = fishing
    hide(konkret, answer, reason_code="off_topic")
    author = socket_client(konkret.phones[0])
    author.get_received(NS)
    assert konkret.patch(f"/fishing-answers/{answer}", {"hidden": False}).status_code == 200
    assert [(e["hidden"], e["note"]) for e in heard(author)] == [(False, None)]
    assert my_answers(konkret, "sv")[0] | {"text": ""} == {
        "id": answer, "text": "", "hidden": False, "note": None}


def test_an_unknown_code_is_refused_and_nothing_is_hidden(konkret: Konkret, fishing):
    _, answer = fishing
    refused = hide(konkret, answer, reason_code="elak")
    assert (refused.status_code, refused.json["error"]["code"]) == (400, "unknown_hide_reason")
    assert my_answers(konkret, "sv")[0]["hidden"] is False


@pytest.fixture
def tablet(konkret: Konkret, app):
    """A logged-in console session (cookie) on the facilitator's Swedish tablet."""
    client = app.test_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"',
                      client.get("/facilitator/login").text).group(1)
    assert client.post("/facilitator/login", data={
        "email": konkret.world.facilitator_email, "password": PASSWORD,
        "csrf_token": token}).status_code == 302
    return client


def test_the_console_hides_with_one_tap_on_a_common_reason_or_own_words(
        konkret: Konkret, fishing, tablet):
    prompt, answer = fishing
    second = konkret.post(f"/fishing/{prompt}/answers", {"text": "Bussen!", "client_id": cid()},
                          konkret.phones[0]).json["id"]
    page = tablet.get(f"/facilitator/processes/{konkret.pid}/konkret")
    for code in ("personal_data", "offensive", "off_topic", "duplicate"):
        assert f'name="reason_code" value="{code}"' in page.text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    path = "/facilitator/fishing-answers/{}/visibility"
    assert tablet.post(path.format(answer), data={"csrf_token": csrf, "hidden": "1",
                                                  "reason_code": "off_topic"}).status_code == 302
    assert tablet.post(path.format(second), data={
        "csrf_token": csrf, "hidden": "1", "reason_code": "other",
        "reason": "Skriv gärna mer."}).status_code == 302
    assert [item["note"]["reason"] for item in my_answers(konkret, "en", 2)] == [
        text_of("off_topic", "en"), "Skriv gärna mer."]
