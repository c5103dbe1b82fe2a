"""Moderation hides, never deletes, and every decision is logged (public records law)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dialog.extensions import db
from dialog.models import ModerationEvent, Perspective
from tests.conftest import bearer


@pytest.fixture
def perspective_id(client, world, join_participant) -> int:
    token = join_participant(world.join_code)
    return client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                       headers=bearer(token),
                       json={"text": "Mer ljus i parken", "kind": "idea", "client_id": "1"}
                       ).json["id"]


def moderate(client, world, perspective_id, action, reason=""):
    return client.post(f"/api/v1/perspectives/{perspective_id}/moderation",
                       headers=bearer(world.facilitator_token),
                       json={"action": action, "reason": reason})


def test_hiding_keeps_the_row_and_logs_the_decision(client, world, perspective_id):
    response = moderate(client, world, perspective_id, "hide", "Off topic")
    assert response.json["status"] == "hidden"
    with db.transaction() as session:
        assert session.scalar(select(func.count(Perspective.id))) == 1
    log = client.get(f"/api/v1/processes/{world.process_id}/moderation-log",
                     headers=bearer(world.facilitator_token)).json["events"]
    assert [(e["action"], e["from_status"], e["to_status"], e["reason"], e["facilitator"])
            for e in log] == [("hide", "approved", "hidden", "Off topic", world.facilitator_email)]


def test_a_hidden_perspective_can_be_restored_and_approved(client, world, perspective_id):
    for action in ("hide", "restore", "approve"):
        moderate(client, world, perspective_id, action)
    with db.transaction() as session:
        assert session.scalar(select(func.count(ModerationEvent.id))) == 3
        assert session.get(Perspective, perspective_id).status.value == "approved"


def test_an_unknown_action_is_refused(client, world, perspective_id):
    response = moderate(client, world, perspective_id, "delete")
    assert (response.status_code, response.json["error"]["code"]) == (
        400, "unknown_moderation_action")


def test_there_is_no_way_to_delete_a_perspective(client, world, perspective_id):
    response = client.delete(f"/api/v1/perspectives/{perspective_id}/moderation",
                             headers=bearer(world.facilitator_token))
    assert response.status_code == 405
