"""Counts per stakeholder group and kind name the groups we have not heard yet."""

from __future__ import annotations

from dialog import policy
from dialog.extensions import db
from dialog.models import Process
from dialog.services import tallies
from tests.conftest import bearer


def test_groups_with_nothing_yet_are_missing(client, world, join_participant):
    sent = [("unga", "feeling"), ("unga", "idea"), ("skola", "idea"), (None, "thought")]
    for group, kind in sent:
        token = join_participant(world.join_code, group)
        client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives", headers=bearer(token),
                    json={"text": "Något", "kind": kind, "client_id": "1"})
    with db.transaction() as session:
        result = tallies.tally(session, policy.load(session, Process, world.process_id))
    assert result["groups"] == [
        {"name": "unga", "count": 2, "missing": False},
        {"name": "vårdnadshavare", "count": 0, "missing": True},
        {"name": "skola", "count": 1, "missing": False},
        {"name": "polis", "count": 0, "missing": True},
    ]
    assert result["missing"] == ["vårdnadshavare", "polis"]
    assert result["ungrouped"] == 1
    assert result["kinds"] == {"standpoint": 0, "feeling": 1, "idea": 2, "thought": 1}
    assert result["total"] == 4
