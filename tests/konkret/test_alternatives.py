"""Alternatives are drafted from perspectives and reflections, and keep their history."""

from __future__ import annotations

from dialog.extensions import db
from dialog.models import Perspective
from dialog.services import moderation
from tests.konkret.conftest import Konkret, cid


def test_an_alternative_names_the_perspectives_behind_it(konkret: Konkret):
    drafted = konkret.draft("Tänd parken")
    assert drafted["outcome"] == "open"
    assert drafted["perspective_ids"] == konkret.perspective_ids[:2]
    assert [p["stakeholder_group"] for p in drafted["perspectives"]] == [
        "unga", "vårdnadshavare"]
    assert drafted["phase_id"] is not None
    [event] = drafted["history"]
    assert event["kind"] == "drafted"
    assert event["data"]["perspective_ids"] == konkret.perspective_ids[:2]


def test_an_alternative_links_the_reflections_of_a_conversation_round(konkret: Konkret):
    assert konkret.post(f"/processes/{konkret.pid}/phases",
                        {"kind": "larande_samtal"}).status_code == 201
    conversation = konkret.post(f"/processes/{konkret.pid}/conversation-rounds",
                                {"title": "Unga och polisen",
                                 "perspective_ids": [konkret.perspective_ids[0],
                                                     konkret.perspective_ids[3]]}).json
    reflection = konkret.post(f"/conversation-rounds/{conversation['id']}/reflections",
                              {"client_id": cid(), "view_change": "nuanced",
                               "keep": "Att unga och polis träffas före det händer något.",
                               "moved_by": konkret.perspective_ids[3]}, konkret.phones[0])
    assert reflection.status_code == 201, reflection.json
    drafted = konkret.draft("Kvarterspolis på fritidsgården", ids=[konkret.perspective_ids[2]],
                            reflection_ids=[reflection.json["id"]])
    assert drafted["reflection_ids"] == [reflection.json["id"]]
    [shown] = drafted["reflections"]
    assert shown["keep"].startswith("Att unga och polis")
    assert shown["round_title"] == "Unga och polisen"
    assert shown["stakeholder_group"] == "unga"


def test_hidden_perspectives_cannot_be_linked(konkret: Konkret):
    with db.transaction() as session:
        perspective = session.get(Perspective, konkret.perspective_ids[0])
        moderation.moderate(session, perspective, None, "hide", "Namnger en person.")
    refused = konkret.post(f"/processes/{konkret.pid}/alternatives",
                           {"title": "X", "perspective_ids": [konkret.perspective_ids[0]]})
    assert refused.status_code == 400
    assert refused.json["error"]["code"] == "perspective_not_approved"


def test_edits_and_hiding_are_kept_in_the_history(konkret: Konkret):
    drafted = konkret.draft("Tänd parken")
    edited = konkret.patch(f"/alternatives/{drafted['id']}",
                           {"title": "Tänd parken och gångtunneln",
                            "perspective_ids": konkret.perspective_ids[:3]}).json
    assert edited["title"] == "Tänd parken och gångtunneln"
    assert len(edited["perspective_ids"]) == 3
    hidden = konkret.patch(f"/alternatives/{drafted['id']}", {"hidden": True,
                                                             "reason": "Dubblett."}).json
    assert hidden["hidden"] is True
    assert [e["kind"] for e in hidden["history"]] == ["drafted", "edited", "hidden"]
    assert hidden["history"][1]["data"]["before"]["title"] == "Tänd parken"
    # Hidden, never deleted: it is still listed for the facilitator and in the export.
    listed = konkret.get(f"/processes/{konkret.pid}/alternatives").json["alternatives"]
    assert [a["id"] for a in listed] == [drafted["id"]]
    refused = konkret.post(f"/alternatives/{drafted['id']}/votes")
    assert refused.json["error"]["code"] == "alternative_hidden"


def test_another_facilitators_process_is_not_reachable(konkret: Konkret, make_facilitator):
    drafted = konkret.draft()
    _id, other = make_facilitator("annan@halland.se")
    response = konkret.client.get(f"/api/v1/alternatives/{drafted['id']}",
                                  headers={"Authorization": f"Bearer {other}"})
    assert response.status_code == 403
    assert response.json["error"]["code"] == "not_your_process"
