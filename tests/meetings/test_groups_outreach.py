"""Stakeholder groups that grow, and an outreach plan for the groups not heard yet."""

from __future__ import annotations

from tests.conftest import bearer


def test_a_new_group_can_be_chosen_at_once(client, world):
    headers = bearer(world.facilitator_token)
    added = client.post(f"/api/v1/processes/{world.process_id}/stakeholder-groups",
                        headers=headers, json={"name": "föreningsliv"})
    assert added.status_code == 201
    assert added.json["name"] == "föreningsliv"
    page = client.get(f"/j/{world.join_code}").get_data(as_text=True)
    assert 'value="föreningsliv"' in page
    joined = client.post("/api/v1/join", json={"join_code": world.join_code,
                                               "stakeholder_group": "föreningsliv"})
    assert joined.status_code == 201
    again = client.post(f"/api/v1/processes/{world.process_id}/stakeholder-groups",
                        headers=headers, json={"name": "Föreningsliv"})
    assert (again.status_code, again.json["error"]["code"]) == (409, "stakeholder_group_exists")


def test_rename_and_merge_keep_their_history(client, world):
    headers = bearer(world.facilitator_token)
    token = client.post("/api/v1/join", json={"join_code": world.join_code,
                                              "stakeholder_group": "skola"}).json[
        "participant_token"]
    client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives", headers=bearer(token),
                json={"text": "Skolan märker oron först", "kind": "thought", "client_id": "s1"})
    groups = client.get(f"/api/v1/processes/{world.process_id}/stakeholder-groups",
                        headers=headers).json["groups"]
    by_name = {g["name"]: g["id"] for g in groups}
    renamed = client.patch(f"/api/v1/stakeholder-groups/{by_name['polis']}", headers=headers,
                           json={"name": "polis och räddningstjänst"})
    assert renamed.json["name"] == "polis och räddningstjänst"
    merged = client.patch(f"/api/v1/stakeholder-groups/{by_name['skola']}", headers=headers,
                          json={"merge_into": "vårdnadshavare"})
    assert merged.status_code == 200
    assert merged.json["name"] == "vårdnadshavare"
    listed = client.get(f"/api/v1/processes/{world.process_id}/stakeholder-groups",
                        headers=headers).json
    assert [g["name"] for g in listed["groups"]] == [
        "unga", "vårdnadshavare", "polis och räddningstjänst"]
    assert [(h["kind"], h["name_before"], h["name_after"]) for h in listed["history"]] == [
        ("renamed", "polis", "polis och räddningstjänst"),
        ("merged", "skola", "vårdnadshavare")]
    perspectives = client.get(f"/api/v1/processes/{world.process_id}/perspectives",
                              headers=headers).json["perspectives"]
    assert perspectives[0]["stakeholder_group"] == "vårdnadshavare"
    itself = client.patch(f"/api/v1/stakeholder-groups/{by_name['unga']}", headers=headers,
                          json={"merge_into": "unga"})
    assert itself.json["error"]["code"] == "merge_into_itself"


def test_an_outreach_plan_with_status_is_published(client, world):
    headers = bearer(world.facilitator_token)
    url = f"/api/v1/processes/{world.process_id}/outreach"
    planned = client.post(url, headers=headers, json={
        "stakeholder_group": "polis", "action": "Besök på polisstationens morgonmöte",
        "where": "Polisstationen, Varberg", "when": "2026-03-12",
        "responsible": "ungdomssamordnaren"})
    assert planned.status_code == 201
    assert planned.json["status"] == "planned"
    assert (planned.json["where"], planned.json["when"]) == ("Polisstationen, Varberg",
                                                             "2026-03-12")
    listed = client.get(url, headers=headers).json["outreach"]
    assert [(o["stakeholder_group"], o["status"]) for o in listed] == [("polis", "planned")]
    done = client.patch(f"/api/v1/outreach/{planned.json['id']}", headers=headers,
                        json={"status": "done"})
    assert done.json["status"] == "done"
    published = client.post(f"/api/v1/processes/{world.process_id}/publications",
                            headers=headers, json={})
    snapshot = client.get(f"/api/v1/processes/{world.process_id}/publication-preview",
                          headers=headers).json
    assert published.status_code == 201
    assert "polis" in str(snapshot)
    page = client.get(published.json["url"]).get_data(as_text=True)
    assert "Besök på polisstationens morgonmöte" in page


def test_bad_outreach_is_refused(client, world):
    headers = bearer(world.facilitator_token)
    url = f"/api/v1/processes/{world.process_id}/outreach"
    cases = [({"action": "Besök"}, "field_required"),
             ({"stakeholder_group": "marsianer", "action": "Besök"},
              "unknown_stakeholder_group"),
             ({"stakeholder_group": "polis"}, "field_required"),
             ({"stakeholder_group": "polis", "action": "x", "when": "snart"}, "invalid_moment"),
             ({"stakeholder_group": "polis", "action": "x", "vem": "Anna"}, "unknown_field")]
    for body, code in cases:
        answer = client.post(url, headers=headers, json=body)
        assert (answer.status_code, answer.json["error"]["code"]) == (400, code), body
    planned = client.post(url, headers=headers,
                          json={"stakeholder_group": "polis", "action": "Besök"}).json
    bad = client.patch(f"/api/v1/outreach/{planned['id']}", headers=headers,
                       json={"status": "maybe"})
    assert bad.json["error"]["code"] == "invalid_outreach_status"
    assert client.patch("/api/v1/outreach/999", headers=headers,
                        json={"status": "done"}).status_code == 404
