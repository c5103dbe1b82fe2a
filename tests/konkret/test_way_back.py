"""A phone learns what became of what it said: its perspective is in a published proposal."""

from __future__ import annotations

from tests.konkret.conftest import Konkret


def test_my_perspectives_name_the_published_proposals_built_on_them(konkret: Konkret):
    mine = konkret.get("/me/perspectives", konkret.phones[0]).json
    assert mine["publication_url"] is None
    assert all(p["used_in"] == [] for p in mine["perspectives"])

    park = konkret.draft("Tänd parken", ids=konkret.perspective_ids[:1])
    konkret.run_vote(park["id"], ["for"] * 5)
    proposal = konkret.post(f"/processes/{konkret.pid}/proposals", {
        "title": "Belysning i parken", "owner": "Varbergs kommun",
        "alternative_ids": [park["id"]], "dated": "2021-05-01"}).json
    unpublished = konkret.get("/me/perspectives", konkret.phones[0]).json
    assert all(p["used_in"] == [] for p in unpublished["perspectives"])  # not public yet

    assert konkret.post(f"/processes/{konkret.pid}/publications", {}).status_code == 201
    mine = konkret.get("/me/perspectives", konkret.phones[0]).json
    slug = mine["publication_url"].removeprefix("/p/")
    used = {p["id"]: p["used_in"] for p in mine["perspectives"]}
    assert used[konkret.perspective_ids[0]] == [{
        "proposal_id": proposal["id"], "title": "Belysning i parken",
        "url": f"/p/{slug}#proposal-{proposal['id']}"}]
    others = konkret.get("/me/perspectives", konkret.phones[1]).json["perspectives"]
    assert all(p["used_in"] == [] for p in others)


def test_the_sent_page_links_to_the_publication_once_there_is_one(konkret: Konkret):
    workshop_id = konkret.world.workshop_id
    before = konkret.client.get(f"/w/{workshop_id}/sent")
    assert 'id="publication-link"' not in before.text
    assert konkret.post(f"/processes/{konkret.pid}/publications", {}).status_code == 201
    after = konkret.client.get(f"/w/{workshop_id}/sent")
    assert 'id="publication-link"' in after.text
    assert "Se vad som har samlats in" in after.text
