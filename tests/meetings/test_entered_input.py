"""Input entered by a facilitator from outside the room, with its source."""

from __future__ import annotations

from tests.conftest import bearer

INTERVIEW = {"text": "Bussen slutar gå innan passet slutar, så jag går hem i mörkret.",
             "kind": "feeling", "stakeholder_group": "vårdnadshavare", "source": "interview"}


def enter(client, world, token=None, **changes):
    return client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                       headers=bearer(token or world.facilitator_token),
                       json={**INTERVIEW, **changes})


def test_a_facilitator_enters_an_interview_with_its_source(client, world):
    entered = enter(client, world)
    assert entered.status_code == 201
    assert (entered.json["source"], entered.json["status"]) == ("interview", "approved")
    listed = client.get(f"/api/v1/processes/{world.process_id}/perspectives",
                        headers=bearer(world.facilitator_token)).json["perspectives"]
    assert [(p["source"], p["stakeholder_group"], p["participant_id"]) for p in listed] == [
        ("interview", "vårdnadshavare", None)]


def test_a_resend_with_the_same_client_id_is_stored_once(client, world):
    first = enter(client, world, client_id="intervju-1")
    again = enter(client, world, client_id="intervju-1")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json["id"] == again.json["id"]


def test_phones_still_send_their_own_and_may_not_claim_a_source(client, world):
    token = client.post("/api/v1/join", json={"join_code": world.join_code}).json[
        "participant_token"]
    own = client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                      headers=bearer(token),
                      json={"text": "Mer ljus", "kind": "idea", "client_id": "a1"})
    assert own.status_code == 201
    claimed = enter(client, world, token=token, client_id="a2")
    assert claimed.status_code == 201  # a phone's field list ignores "source" as before
    listed = client.get(f"/api/v1/processes/{world.process_id}/perspectives",
                        headers=bearer(world.facilitator_token)).json["perspectives"]
    assert {p["source"] for p in listed} == {None}


def test_bad_sources_and_strangers_are_refused(client, world, make_facilitator):
    for source, code in (("rumour", "unknown_source"), (None, "unknown_source")):
        answer = enter(client, world, source=source)
        assert (answer.status_code, answer.json["error"]["code"]) == (400, code)
    assert enter(client, world, text="").json["error"]["code"] == "text_required"
    assert enter(client, world, stakeholder_group="marsianer").json["error"]["code"] == (
        "unknown_stakeholder_group")
    assert enter(client, world, namn="Anna").json["error"]["code"] == "unknown_field"
    _id, stranger = make_facilitator("annan@kungsbacka.se")
    refused = enter(client, world, token=stranger)
    assert (refused.status_code, refused.json["error"]["code"]) == (403, "not_your_process")


def test_the_source_is_published_as_from_an_interview(client, world):
    enter(client, world)
    headers = bearer(world.facilitator_token)
    published = client.post(f"/api/v1/processes/{world.process_id}/publications",
                            headers=headers, json={})
    assert published.status_code == 201
    page = client.get(published.json["url"]).get_data(as_text=True)
    assert "från intervju" in page


def test_the_source_is_on_the_map(client, world):
    from dialog.extensions import db
    from dialog.models import Process
    from phases.inventering.map.analysis_inputs import load_inputs

    enter(client, world)
    inputs = load_inputs(db.session, db.session.get(Process, world.process_id))
    assert [p.source for p in inputs.perspectives] == ["interview"]
