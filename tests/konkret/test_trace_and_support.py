"""A proposal traces to what its alternatives were built on; published support names its round.

Defects from the committee's reading: the lighting proposal traced to "fler poliser och
kameror" because that perspective was shown in the conversation round where a linked
reflection was written; and the published support took the latest check-back round with any
rating (one digital answer instead of the room's eight) without saying which round.
"""

from __future__ import annotations

from sqlalchemy import select

from dialog.extensions import db
from dialog.models import Publication
from tests.konkret.conftest import Konkret, cid
from tests.konkret.test_pages import browser  # noqa: F401 (the signed-in console fixture)


def reflect_after_round(konkret: Konkret, shown: list[int], moved_by: int | None) -> int:
    pid = konkret.pid
    assert konkret.post(f"/processes/{pid}/phases", {"kind": "larande_samtal"}).status_code == 201
    conversation = konkret.post(f"/processes/{pid}/conversation-rounds", {
        "title": "Unga och polisen", "perspective_ids": shown}).json
    body = {"client_id": cid(), "view_change": "nuanced", "keep": "Ljus gör skillnad."}
    if moved_by is not None:
        body["moved_by"] = moved_by
    made = konkret.post(f"/conversation-rounds/{conversation['id']}/reflections", body,
                        konkret.phones[0])
    assert made.status_code == 201, made.json
    assert konkret.post(f"/processes/{pid}/phases", {"kind": "konkretisering"}).status_code == 201
    return int(made.json["id"])


def test_a_trace_lists_what_the_alternatives_were_built_on_and_the_rest_apart(
        konkret: Konkret, browser):  # noqa: F811
    light, _parents, _youth, police, _school = konkret.perspective_ids
    reflection = reflect_after_round(konkret, shown=[light, police], moved_by=None)
    park = konkret.draft("Tänd parken", ids=[light], reflection_ids=[reflection])
    konkret.run_vote(park["id"], ["for"] * 5)
    proposal = konkret.post(f"/processes/{konkret.pid}/proposals", {
        "title": "Belysning i parken", "owner": "Varbergs kommun",
        "alternative_ids": [park["id"]]}).json

    trace = konkret.get(f"/proposals/{proposal['id']}/trace").json

    assert [p["id"] for p in trace["perspectives"]] == [light]
    assert [(p["id"], p["via"]) for p in trace["reflection_perspectives"]] == [(police, "shown")]
    page = browser.get(f"/facilitator/proposals/{proposal['id']}")
    assert page.status_code == 200
    assert "Nådda genom reflektioner" in page.text


def _ratings(konkret: Konkret, round_id: int, alternative_id: int, phones: range) -> None:
    for phone in phones:
        rated = konkret.post(f"/checkback-rounds/{round_id}/ratings",
                             {"alternative_id": alternative_id, "value": "supports",
                              "client_id": cid()}, konkret.phones[phone])
        assert rated.status_code == 201, rated.json


def _published_support(konkret: Konkret) -> dict:
    made = konkret.post(f"/processes/{konkret.pid}/publications", {})
    assert made.status_code == 201, made.json
    snapshot = db.session.scalars(select(Publication).order_by(Publication.id.desc())).first()
    assert snapshot is not None
    return snapshot.snapshot["alternatives"][0]["support"]


def test_published_support_takes_the_round_with_most_answers_and_names_it(konkret: Konkret):
    park = konkret.draft("Tänd parken")
    room = konkret.post(f"/processes/{konkret.pid}/checkback-rounds",
                        {"title": "I rummet"}).json["round"]
    _ratings(konkret, room["id"], park["id"], range(5))
    konkret.post(f"/checkback-rounds/{room['id']}/close")
    digital = konkret.post(f"/processes/{konkret.pid}/checkback-rounds",
                           {"title": "Digitalt"}).json["round"]
    _ratings(konkret, digital["id"], park["id"], range(1))

    support = _published_support(konkret)

    assert support["total"] == 5
    assert support["round"] == {"id": room["id"], "title": "I rummet", "decisive": False,
                                "rounds_with_answers": 2}
    assert "I rummet" in konkret.client.get(f"/p/{_slug(konkret)}").get_data(as_text=True)


def test_the_round_the_facilitator_marks_decisive_is_the_one_published(konkret: Konkret):
    park = konkret.draft("Tänd parken")
    room = konkret.post(f"/processes/{konkret.pid}/checkback-rounds",
                        {"title": "I rummet"}).json["round"]
    _ratings(konkret, room["id"], park["id"], range(5))
    digital = konkret.post(f"/processes/{konkret.pid}/checkback-rounds",
                           {"title": "Digitalt"}).json["round"]
    _ratings(konkret, digital["id"], park["id"], range(2))

    marked = konkret.post(f"/checkback-rounds/{digital['id']}/decisive", {"decisive": True})
    assert marked.status_code == 200, marked.json
    assert marked.json["round"]["decisive"] is True

    support = _published_support(konkret)
    assert (support["total"], support["round"]["title"], support["round"]["decisive"]) == (
        2, "Digitalt", True)


def test_marking_a_round_decisive_is_the_facilitators_not_a_phones(konkret: Konkret):
    konkret.draft("Tänd parken")
    room = konkret.post(f"/processes/{konkret.pid}/checkback-rounds",
                        {"title": "I rummet"}).json["round"]
    refused = konkret.post(f"/checkback-rounds/{room['id']}/decisive", {}, konkret.phones[0])
    assert refused.status_code == 401
    assert konkret.post("/checkback-rounds/999999/decisive", {}).status_code == 404


def _slug(konkret: Konkret) -> str:
    listed = konkret.get(f"/processes/{konkret.pid}/publications").json["publications"]
    return str(listed[-1]["url"]).split("/p/")[1].split("/")[0]


def test_the_console_marks_and_unmarks_the_decisive_round(konkret: Konkret, browser):  # noqa: F811
    from tests.konkret.test_pages import post

    konkret.draft("Tänd parken")
    room = konkret.post(f"/processes/{konkret.pid}/checkback-rounds",
                        {"title": "I rummet"}).json["round"]
    console = browser.get(f"/facilitator/processes/{konkret.pid}/konkret")
    assert "Markera som avgörande" in console.text

    assert post(browser, f"/facilitator/checkback-rounds/{room['id']}/decisive",
                decisive="true").status_code == 302
    assert konkret.get(f"/checkback-rounds/{room['id']}").json["round"]["decisive"] is True
    assert "Ta bort markeringen" in browser.get(
        f"/facilitator/processes/{konkret.pid}/konkret").text
    post(browser, f"/facilitator/checkback-rounds/{room['id']}/decisive", decisive="false")
    assert konkret.get(f"/checkback-rounds/{room['id']}").json["round"]["decisive"] is False


def test_the_console_counts_what_an_alternative_builds_on_in_the_right_number(
        konkret: Konkret, browser):  # noqa: F811
    light, _parents, _youth, police, _school = konkret.perspective_ids
    reflection = reflect_after_round(konkret, shown=[light, police], moved_by=None)
    konkret.draft("Tänd parken", ids=[light], reflection_ids=[reflection])
    konkret.draft("Fler vuxna ute", ids=[light, police])

    page = browser.get(f"/facilitator/processes/{konkret.pid}/konkret").text

    assert "Bygger på 1 perspektiv och 1 reflektion<" in page
    assert "Bygger på 2 perspektiv<" in page  # no reflection: nothing to count
    assert "1 reflektioner" not in page
    assert "0 reflektioner" not in page
    english = browser.get(f"/facilitator/processes/{konkret.pid}/konkret?lang=en").text
    assert "Builds on 1 perspective and 1 reflection<" in english
    assert "Builds on 2 perspectives<" in english
