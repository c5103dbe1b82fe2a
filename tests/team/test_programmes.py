"""Several committees, one programme: processes grouped under one public summary that shows
only what each process has published."""

from __future__ import annotations

from tests.team.conftest import Staffed


def make_programme(staffed: Staffed, who: str = "owner", slug: str = "tillit-och-trygghet"):
    client = staffed.app.test_client()
    return client.post("/api/v1/programmes", json={
        "title": "Tillit och trygghet i Halland", "slug": slug,
        "description": "Sex lokala nämnder ställer samma fråga."}, headers=staffed.auth(who))


def test_a_programme_groups_processes_and_its_page_shows_only_published_data(
        staffed: Staffed):
    client = staffed.app.test_client()
    made = make_programme(staffed)
    assert made.status_code == 201
    programme = made.get_json()
    assert programme["slug"] == "tillit-och-trygghet"
    assert programme["processes"] == []

    # A second process that has published nothing.
    other = client.post("/api/v1/processes", json={
        "title": "Trygghet i Falkenberg", "question": "Vad gör Falkenberg tryggt?",
        "stakeholder_groups": ["unga"]}, headers=staffed.auth("owner")).get_json()
    for process_id in (staffed.process_id, other["id"]):
        added = client.post(f"/api/v1/programmes/{programme['id']}/processes",
                            json={"process_id": process_id}, headers=staffed.auth("owner"))
        assert added.status_code == 201
    read = client.get(f"/api/v1/programmes/{programme['id']}",
                      headers=staffed.auth("owner")).get_json()
    assert [p["id"] for p in read["processes"]] == [staffed.process_id, other["id"]]
    published = read["published"]
    assert [p["slug"] for p in published] == ["tillit-och-trygghet-i-varberg"]
    assert published[0]["counts"]["participants"] > 0

    page = client.get("/programme/tillit-och-trygghet")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Tillit och trygghet i Halland" in html
    assert "/p/tillit-och-trygghet-i-varberg" in html
    assert "Trygghet i Falkenberg" not in html  # not published: not even named


def test_a_programme_is_changed_only_by_its_maker_and_only_with_processes_they_run(
        staffed: Staffed):
    client = staffed.app.test_client()
    programme = make_programme(staffed, "outsider", "annan-kommun").get_json()
    refused = client.post(f"/api/v1/programmes/{programme['id']}/processes",
                          json={"process_id": staffed.process_id},
                          headers=staffed.auth("outsider"))
    assert refused.status_code == 403
    assert refused.get_json()["error"]["code"] == "not_your_process"
    foreign = client.get(f"/api/v1/programmes/{programme['id']}", headers=staffed.auth("owner"))
    assert foreign.status_code == 403
    assert foreign.get_json()["error"]["code"] == "not_your_programme"


def test_bad_programmes_are_refused_clearly(staffed: Staffed):
    client = staffed.app.test_client()
    make_programme(staffed, slug="dubblett")
    taken = make_programme(staffed, slug="dubblett")
    assert taken.status_code == 409
    assert taken.get_json()["error"]["code"] == "programme_slug_taken"
    bad = make_programme(staffed, slug="Ä ä!")
    assert bad.get_json()["error"]["code"] == "programme_slug_invalid"
    untitled = client.post("/api/v1/programmes", json={}, headers=staffed.auth("owner"))
    assert untitled.status_code == 400
    assert untitled.get_json()["error"]["code"] == "field_required"
    assert client.get("/programme/finns-inte").status_code == 404
    assert client.get("/api/v1/programmes/999", headers=staffed.auth("owner")).status_code == 404
