"""Publishing is deliberate: immutable, dated versions with their own URLs and a diff."""

from __future__ import annotations

import pytest

from dialog.extensions import db
from dialog.models import Publication
from dialog.models.publication import ImmutablePublication
from tests.conftest import bearer
from tests.publish.conftest import Publisher, konkretisera, zip_texts


def test_versions_are_immutable_and_the_latest_is_the_default(publisher: Publisher, crowd):
    first_ids = crowd("unga", 2)
    v1 = publisher.publish(note="Efter workshop 1")
    assert v1["version"] == 1
    snapshot_v1 = publisher.snapshot(1)
    page_v1 = publisher.page(1)

    new_id, _ = publisher.write("Fler vuxna ute på kvällarna, tack.", group="skola")
    publisher.moderate(first_ids[0], "hide")
    v2 = publisher.publish()
    assert v2["version"] == 2
    assert v2["url"].endswith(f"/p/{publisher.slug}/v/2")

    # Nothing later reaches an earlier version: same data, same content on its page.
    assert publisher.snapshot(1) == snapshot_v1
    page_v1_now = publisher.page(1)
    assert _content(page_v1_now) == _content(page_v1)
    assert "Fler vuxna ute på kvällarna" not in page_v1_now
    assert "Perspektiv 1 från unga" in page_v1_now  # hidden since, still in version 1
    assert "Se den senaste versionen" in page_v1_now
    assert "Version 2, publicerad" in publisher.page()

    listed = publisher.api("GET", f"/processes/{publisher.process_id}/publications").json
    assert [p["version"] for p in listed["publications"]] == [1, 2]
    assert [p["note"] for p in listed["publications"]] == ["Efter workshop 1", ""]

    changes = publisher.snapshot(2)["changes"]
    assert changes["previous_version"] == 1
    assert [p["id"] for p in changes["new_perspectives"]] == [new_id]
    assert changes["withdrawn_perspectives"] == 1
    page_v2 = publisher.page(2)
    assert "Nytt sedan version 1" in page_v2
    assert "1 nytt perspektiv har publicerats:" in page_v2
    assert "1 perspektiv från förra versionen visas inte längre" in page_v2


def _content(page: str) -> str:
    """The published content of a page, without the version navigation around it."""
    return page[page.index('<nav class="pub-toc'):page.index('id="downloads"')]


def test_a_stored_publication_refuses_to_change(publisher: Publisher):
    publisher.publish()
    with db.transaction() as session:
        stored = session.query(Publication).one()
        stored.note = "ändrad i efterhand"
        with pytest.raises(ImmutablePublication):
            session.flush()
        session.rollback()
    with db.transaction() as session:
        assert session.query(Publication).one().note == ""


def test_the_diff_shows_new_proposals_and_changed_statuses(publisher: Publisher):
    chain = konkretisera(publisher)
    publisher.publish()
    update = publisher.api("POST", f"/proposals/{chain.proposal_id}/status-updates",
                           {"status": "completed", "dated": "2021-12-15",
                            "note": "Tänt längs hela gångvägen."})
    assert update.status_code == 201
    publisher.publish()
    changes = publisher.snapshot(2)["changes"]
    assert changes["changed_proposals"] == [{"id": chain.proposal_id,
                                             "title": "Belysning i Societetsparken",
                                             "from": "ongoing", "to": "completed"}]
    assert "Belysning i Societetsparken: Pågår → Genomförd." in publisher.page(2)
    assert publisher.snapshot(1)["proposals"][0]["status"] == "ongoing"


def test_nothing_new_says_so(publisher: Publisher, crowd):
    crowd("unga", 1)
    publisher.publish()
    publisher.publish(note="Samma innehåll, nu med en kommentar till läsarna.")
    assert publisher.snapshot(2)["changes"]["nothing"] is True
    assert "Inget har ändrats i innehållet sedan förra versionen." in publisher.page(2)


@pytest.mark.parametrize("path", ["/v/2", "/v/2/report.html", "/v/2/data.zip", "/v/0"])
def test_a_version_that_does_not_exist_is_a_404(publisher: Publisher, path):
    publisher.publish()
    response = publisher.get(f"/p/{publisher.slug}{path}")
    assert response.status_code == 404


def test_the_first_version_has_no_diff(publisher: Publisher, crowd):
    crowd("unga", 1)
    publisher.publish()
    assert publisher.snapshot()["changes"] == {"first": True}
    assert "Nytt sedan version" not in publisher.page()


@pytest.mark.parametrize(("headers", "status", "code"), [
    ({}, 401, "facilitator_token_required"),
    ({"Authorization": "Bearer p.deltagare"}, 401, "participant_token_not_allowed"),
])
def test_only_a_facilitator_publishes(publisher: Publisher, headers, status, code):
    response = publisher.client.post(
        f"/api/v1/processes/{publisher.process_id}/publications", headers=headers, json={})
    assert response.status_code == status
    assert response.json["error"]["code"] == code


def test_another_facilitator_cannot_publish_my_process(publisher, make_facilitator):
    _id, token = make_facilitator("annan@halmstad.se")
    response = publisher.client.post(
        f"/api/v1/processes/{publisher.process_id}/publications", headers=bearer(token),
        json={})
    assert response.status_code == 403


@pytest.mark.parametrize(("body", "code"), [
    ({"licence": "MIT"}, "unknown_licence"),
    ({"note": 42}, "publication_note_invalid"),
    ({"note": "x" * 2001}, "field_too_long"),
])
def test_bad_publication_input_gets_a_clear_swedish_message(publisher: Publisher, body, code):
    response = publisher.api("POST", f"/processes/{publisher.process_id}/publications", body)
    assert response.status_code == 400
    assert response.json["error"]["code"] == code
    assert response.json["error"]["message"]
    assert publisher.api("GET", f"/processes/{publisher.process_id}/publications"
                         ).json["publications"] == []


def test_the_licence_is_configurable_per_process_and_per_publication(publisher: Publisher):
    settings = publisher.api("PATCH", f"/processes/{publisher.process_id}/publication-settings",
                             {"licence": "CC0-1.0"})
    assert settings.json["licence"] == "CC0-1.0"
    assert publisher.publish()["licence"] == "CC0-1.0"
    assert publisher.publish(licence="CC-BY-SA-4.0")["licence"] == "CC-BY-SA-4.0"
    assert "Creative Commons Zero" in publisher.page(1)
    assert "(CC-BY-SA-4.0)" in zip_texts(publisher.file("data.zip", 2))["README.md"]
