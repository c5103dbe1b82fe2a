"""What belongs to the room follows the meeting; what is meant for home does not.

A vote, the minority's answer, a fishing answer and a check-back without a deadline are
answered in the room: while the facilitator pauses the meeting the phone hears
``workshop_paused`` (409), keeps the answer and sends it when the meeting continues (stored
once); once the meeting is closed it hears ``workshop_closed``. A check-back with a deadline
(*Öppen till*) is answered from home, days later if need be: the meeting's state does not
matter to it, only its own deadline. What the phone is offered follows the same rule: once
the meeting is closed, the room's items are no longer listed (``meeting_closed`` says why),
the check-back with a deadline still is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.conftest import bearer
from tests.konkret.conftest import NS, Konkret, cid

PAUSED_SV = ("Workshoppen är pausad just nu. Det du skriver sparas på telefonen och skickas "
             "när workshoppen fortsätter.")
CLOSED_EN = "The workshop is closed right now. What you already sent is kept."


def set_state(konkret: Konkret, state: str) -> None:
    response = konkret.client.patch(f"/api/v1/workshops/{konkret.world.workshop_id}",
                                    json={"state": state}, headers=konkret.auth)
    assert response.status_code == 200, response.json


def emit(sio: Any, event: str, body: dict[str, Any]) -> dict[str, Any]:
    return dict(sio.emit(event, body, namespace=NS, callback=True))


def a_vote(konkret: Konkret) -> tuple[int, str, dict[str, Any]]:
    opened = konkret.post(f"/alternatives/{konkret.draft()['id']}/votes")
    return 0, "vote:cast", {"vote_round_id": opened.json["id"], "value": "for"}


def a_minority_answer(konkret: Konkret) -> tuple[int, str, dict[str, Any]]:
    closed = konkret.run_vote(konkret.draft()["id"], ["for", "for", "against"])
    return 2, "minority:answer", {"vote_round_id": closed["id"],
                                  "text": "Att det utvärderas efter ett år."}


def a_fishing_answer(konkret: Konkret) -> tuple[int, str, dict[str, Any]]:
    opened = konkret.post(f"/processes/{konkret.pid}/fishing")
    assert opened.status_code == 201, opened.json
    return 1, "fishing:answer", {"prompt_id": opened.json["id"],
                                 "text": "Ingen har sagt att bussen slutar gå för tidigt."}


def a_checkback_in_the_room(konkret: Konkret) -> tuple[int, str, dict[str, Any]]:
    alternative = konkret.draft()
    opened = konkret.post(f"/processes/{konkret.pid}/checkback-rounds")
    return 3, "checkback:rate", {"round_id": opened.json["round"]["id"],
                                 "alternative_id": alternative["id"], "value": "supports"}


IN_THE_ROOM: dict[str, Callable[[Konkret], tuple[int, str, dict[str, Any]]]] = {
    "vote": a_vote,
    "minority answer": a_minority_answer,
    "fishing answer": a_fishing_answer,
    "check-back without a deadline": a_checkback_in_the_room,
}


@pytest.mark.parametrize("answer", IN_THE_ROOM.values(), ids=IN_THE_ROOM.keys())
def test_an_answer_in_the_room_waits_through_a_pause_and_is_stored_once_after_it(
        konkret: Konkret, socket_client, answer):
    phone_number, event, body = answer(konkret)
    phone = socket_client(konkret.phones[phone_number])
    body |= {"client_id": cid()}
    set_state(konkret, "paused")
    refused = emit(phone, event, body)
    assert (refused["ok"], refused["error"]["code"]) == (False, "workshop_paused")
    assert refused["error"]["message"] == PAUSED_SV
    set_state(konkret, "open")
    assert "open" in [e["args"][0]["state"] for e in phone.get_received(NS)
                      if e["name"] == "workshop:state"]  # the phone's cue to send again
    stored, again = emit(phone, event, body), emit(phone, event, body)
    assert (stored["ok"], stored["duplicate"]) == (True, False)
    assert (again["id"], again["duplicate"]) == (stored["id"], True)


@pytest.mark.parametrize("answer", IN_THE_ROOM.values(), ids=IN_THE_ROOM.keys())
def test_an_answer_in_the_room_is_refused_once_the_meeting_is_closed(
        konkret: Konkret, socket_client, answer):
    phone_number, event, body = answer(konkret)
    phone = socket_client(konkret.phones[phone_number], lang="en")
    set_state(konkret, "closed")
    refused = emit(phone, event, body | {"client_id": cid()})
    assert refused == {"ok": False, "error": {"code": "workshop_closed", "message": CLOSED_EN}}


def test_an_answer_sent_before_the_close_still_answers_its_resend(konkret: Konkret,
                                                                 socket_client):
    """A lost acknowledgement: the phone resends after the close, and hears it arrived."""
    phone_number, event, body = a_vote(konkret)
    phone = socket_client(konkret.phones[phone_number])
    body |= {"client_id": cid()}
    first = emit(phone, event, body)
    set_state(konkret, "closed")
    assert emit(phone, event, body) | {"duplicate": False} == first


def test_a_check_back_with_a_deadline_is_answered_from_home_after_the_meeting_closed(
        konkret: Konkret, socket_client):
    alternative = konkret.draft()
    in_a_week = (datetime.now(UTC) + timedelta(days=7)).isoformat()
    opened = konkret.post(f"/processes/{konkret.pid}/checkback-rounds", {"closes_at": in_a_week})
    round_id = opened.json["round"]["id"]
    set_state(konkret, "closed")
    phone = socket_client(konkret.phones[4])
    ack = emit(phone, "checkback:rate", {"round_id": round_id, "alternative_id": alternative["id"],
                                         "value": "can_live_with", "client_id": cid()})
    assert (ack["ok"], ack["duplicate"]) == (True, False)
    # ... and over plain HTTP, as a phone that comes back days later does.
    response = konkret.client.post(
        f"/api/v1/checkback-rounds/{round_id}/ratings", headers=bearer(konkret.phones[3]),
        json={"alternative_id": alternative["id"], "value": "supports", "client_id": cid()})
    assert response.status_code == 201, response.json


#: Where the phone's state lists each item of the room.
LISTED_IN = {"vote:cast": "votes", "minority:answer": "minority_prompts",
             "fishing:answer": "fishing", "checkback:rate": "checkback_rounds"}


def offered(konkret: Konkret, phone_number: int) -> dict[str, Any]:
    response = konkret.client.get("/api/v1/me/konkret",
                                  headers=bearer(konkret.phones[phone_number]))
    assert response.status_code == 200, response.json
    return dict(response.json)


@pytest.mark.parametrize("answer", IN_THE_ROOM.values(), ids=IN_THE_ROOM.keys())
def test_the_rooms_items_are_not_offered_once_the_meeting_is_closed(
        konkret: Konkret, socket_client, answer):
    phone_number, event, _ = answer(konkret)
    listed = LISTED_IN[event]
    before = offered(konkret, phone_number)
    assert before["meeting_closed"] is False
    assert before[listed], f"{listed} offered while the meeting runs"
    set_state(konkret, "closed")
    after = offered(konkret, phone_number)
    assert after["meeting_closed"] is True
    assert (after["votes"], after["minority_prompts"], after["fishing"],
            after["checkback_rounds"]) == ([], [], [], [])
    phone = socket_client(konkret.phones[phone_number])  # the live face reads the same state
    joined = emit(phone, "konkret:join", {})
    assert (joined["meeting_closed"], joined[listed]) == (True, [])
    set_state(konkret, "open")  # opened again, the room's items come back
    assert offered(konkret, phone_number)[listed]


def test_a_check_back_with_a_deadline_is_still_offered_after_the_meeting_closed(
        konkret: Konkret):
    konkret.draft()
    in_a_week = (datetime.now(UTC) + timedelta(days=7)).isoformat()
    opened = konkret.post(f"/processes/{konkret.pid}/checkback-rounds", {"closes_at": in_a_week})
    konkret.post(f"/processes/{konkret.pid}/fishing")
    set_state(konkret, "closed")
    after = offered(konkret, 4)
    assert after["meeting_closed"] is True
    assert [r["id"] for r in after["checkback_rounds"]] == [opened.json["round"]["id"]]
    assert after["fishing"] == []


@pytest.mark.parametrize(("state", "shown"), [("open", False), ("closed", True)])
def test_the_phone_page_says_the_meeting_ended_when_it_is_closed(konkret: Konkret, state,
                                                                shown):
    set_state(konkret, state)
    page = konkret.client.get(f"/w/{konkret.world.workshop_id}/konkret")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Mötet är avslutat." in html  # in the page, shown or hidden
    line = html.split('id="meeting-closed"', 1)[1].split(">", 1)[0]
    assert ("hidden" not in line) is shown
