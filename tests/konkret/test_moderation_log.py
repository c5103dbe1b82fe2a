"""Hiding a fishing answer is kept and logged like every other moderation decision."""

from __future__ import annotations

from tests.konkret.conftest import Konkret, cid


def test_hiding_a_fishing_answer_is_written_to_the_moderation_log(konkret: Konkret):
    prompt = konkret.post(f"/processes/{konkret.pid}/fishing", {}).json["id"]
    answer = konkret.post(f"/fishing/{prompt}/answers",
                          {"text": "Ingen pratar om bussen.", "client_id": cid()},
                          konkret.phones[0]).json["id"]
    assert konkret.patch(f"/fishing-answers/{answer}", {"hidden": True}).json["hidden"] is True
    log = konkret.get(f"/processes/{konkret.pid}/moderation-log").json["events"]
    assert [(e["subject_type"], e["subject_id"], e["action"], e["to_status"]) for e in log] == [
        ("fishing_answer", answer, "hide", "hidden")]
