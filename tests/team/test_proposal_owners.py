"""A proposal owner: an account outside the team that follows one proposal up, with dated
status updates, and reads nothing else of the process."""

from __future__ import annotations

from tests.team.conftest import Staffed


def test_the_team_names_an_owner_who_adds_dated_updates_to_that_proposal_only(
        staffed: Staffed):
    client = staffed.app.test_client()
    proposal = staffed.other_proposal
    named = client.post(f"/api/v1/proposals/{proposal}/owners",
                        json={"email": "forvaltning@varberg.se"},
                        headers=staffed.auth("facilitator"))
    assert named.status_code == 201
    assert named.get_json()["email"] == "forvaltning@varberg.se"
    owners = client.get(f"/api/v1/proposals/{proposal}/owners",
                        headers=staffed.auth("proposal_owner")).get_json()
    assert "forvaltning@varberg.se" in owners["owners"]

    update = client.post(f"/api/v1/proposals/{proposal}/status-updates",
                         json={"text": "Upphandlingen av belysningen är klar.",
                               "dated": "2027-02-01"},
                         headers=staffed.auth("proposal_owner"))
    assert update.status_code == 201, update.get_json()
    body = update.get_json()
    assert body["update"]["note"] == "Upphandlingen av belysningen är klar."
    assert body["update"]["dated"] == "2027-02-01"
    # No status given: the proposal keeps its status.
    assert body["update"]["status"] == body["proposal"]["status"]

    listed = client.get(f"/api/v1/proposals/{proposal}/status-updates",
                        headers=staffed.auth("proposal_owner")).get_json()
    assert listed["updates"][-1]["note"] == "Upphandlingen av belysningen är klar."
    ongoing = client.post(f"/api/v1/proposals/{proposal}/status-updates",
                          json={"text": "Arbetet har börjat.", "status": "ongoing",
                                "dated": "2027-03-01"},
                          headers=staffed.auth("proposal_owner"))
    assert ongoing.get_json()["proposal"]["status"] == "ongoing"


def test_a_proposal_owner_reads_nothing_else_of_the_process(staffed: Staffed):
    client = staffed.app.test_client()
    who = staffed.auth("proposal_owner")
    for path in (f"/api/v1/processes/{staffed.process_id}",
                 f"/api/v1/processes/{staffed.process_id}/proposals",
                 f"/api/v1/processes/{staffed.process_id}/perspectives",
                 f"/api/v1/proposals/{staffed.owned_proposal}/trace"):
        assert client.get(path, headers=who).status_code == 403, path
    refused = client.post(f"/api/v1/proposals/{staffed.owned_proposal}/owners",
                          json={"email": "grannen@varberg.se"}, headers=who)
    assert refused.status_code == 403


def test_a_reader_cannot_name_owners_or_add_updates(staffed: Staffed):
    client = staffed.app.test_client()
    for path, body in ((f"/api/v1/proposals/{staffed.owned_proposal}/owners",
                        {"email": "x@varberg.se"}),
                       (f"/api/v1/proposals/{staffed.owned_proposal}/status-updates",
                        {"text": "Nej"})):
        answer = client.post(path, json=body, headers=staffed.auth("reader"))
        assert answer.status_code == 403
        assert answer.get_json()["error"]["code"] == "team_reader_cannot_change"


def test_an_unknown_address_is_invited_to_own_the_proposal(staffed: Staffed):
    client = staffed.app.test_client()
    invited = client.post(f"/api/v1/proposals/{staffed.owned_proposal}/owners",
                          json={"email": "fritid@varberg.se"}, headers=staffed.auth("owner"))
    assert invited.status_code == 201
    link = invited.get_json()["invite_url"]
    assert link.startswith("/invite/inv_")
    with client.session_transaction() as session:
        session["csrf"] = "t"
    made = client.post(link, data={"csrf_token": "t", "password": "ett långt lösenord",
                                   "password_again": "ett långt lösenord"})
    assert made.status_code == 302
    assert made.headers["Location"].endswith(
        f"/facilitator/proposals/{staffed.owned_proposal}/updates")
    page = client.get(made.headers["Location"])
    assert page.status_code == 200
    # Signed in as the new owner, the process's console stays closed.
    assert client.get(f"/facilitator/processes/{staffed.process_id}").status_code == 403


def test_the_follow_up_page_shows_the_updates_and_adds_one(staffed: Staffed):
    client = staffed.client("proposal_owner")
    url = f"/facilitator/proposals/{staffed.owned_proposal}/updates"
    sent = client.post(url, data={"csrf_token": "t", "status": "ongoing",
                                  "text": "Lamporna är beställda.", "dated": "2027-04-01"})
    assert sent.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "Lamporna är beställda." in page
    assert "2027-04-01" in page
    assert staffed.client("outsider").get(url).status_code == 403


def test_the_team_names_owners_on_the_follow_up_page(staffed: Staffed):
    client = staffed.client("facilitator")
    url = f"/facilitator/proposals/{staffed.owned_proposal}/updates"
    assert 'id="owner-email"' in client.get(url).get_data(as_text=True)
    named = client.post(f"/facilitator/proposals/{staffed.owned_proposal}/owners",
                        data={"csrf_token": "t", "email": "polisen@varberg.se"})
    assert named.status_code == 302
    html = client.get(url).get_data(as_text=True)
    assert 'id="invite-url"' in html
    assert "forvaltning@varberg.se" in html
    # The proposal owner sees the page without the team's form.
    own = staffed.client("proposal_owner").get(url).get_data(as_text=True)
    assert 'id="owner-email"' not in own


def test_the_dashboard_lists_the_proposals_an_owner_follows_up(staffed: Staffed):
    html = staffed.client("proposal_owner").get("/facilitator/").get_data(as_text=True)
    assert "Förslag du följer upp" in html
    assert f"/facilitator/proposals/{staffed.owned_proposal}/updates" in html


def test_a_reader_who_owns_a_proposal_updates_it(staffed: Staffed):
    client = staffed.app.test_client()
    named = client.post(f"/api/v1/proposals/{staffed.owned_proposal}/owners",
                        json={"email": "namndsekreterare@varberg.se"},
                        headers=staffed.auth("owner"))
    assert named.status_code == 201
    update = client.post(f"/api/v1/proposals/{staffed.owned_proposal}/status-updates",
                         json={"text": "Nämnden har fått en återrapport."},
                         headers=staffed.auth("reader"))
    assert update.status_code == 201
    other = client.post(f"/api/v1/proposals/{staffed.other_proposal}/status-updates",
                        json={"text": "Nej"}, headers=staffed.auth("reader"))
    assert other.status_code == 403
