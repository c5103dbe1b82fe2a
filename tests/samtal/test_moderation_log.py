"""Hiding a reflection is a moderation decision like any other: kept and logged."""

from __future__ import annotations

from tests.conftest import bearer
from tests.samtal.conftest import Samtal


def test_hiding_a_reflection_is_written_to_the_moderation_log(samtal: Samtal, open_round: int,
                                                              join_participant):
    phone = join_participant(samtal.world.join_code, "unga")
    reflection = samtal.reflect(phone, open_round).json["id"]
    hidden = samtal.client.post(f"/api/v1/reflections/{reflection}/moderation",
                                headers=samtal.auth, json={"action": "hide", "reason": "Namn"})
    assert hidden.status_code == 200
    log = samtal.client.get(f"/api/v1/processes/{samtal.world.process_id}/moderation-log",
                            headers=bearer(samtal.world.facilitator_token)).json["events"]
    assert [(e["subject_type"], e["subject_id"], e["action"], e["to_status"], e["reason"])
            for e in log] == [("reflection", reflection, "hide", "hidden", "Namn")]
