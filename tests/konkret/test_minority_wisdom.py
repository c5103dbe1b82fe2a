"""Majority vote with minority wisdom: ask the minority, amend, vote again, or record dissent."""

from __future__ import annotations

from tests.konkret.conftest import Konkret

QUESTION = "Vad skulle krävas för att ni ska kunna följa med?"


def history_kinds(konkret: Konkret, alternative_id: int) -> list[str]:
    return [e["kind"] for e in konkret.get(f"/alternatives/{alternative_id}").json["history"]]


def test_the_loop_ends_in_acceptance_once_the_minority_can_follow(konkret: Konkret):
    alternative = konkret.draft()
    first = konkret.run_vote(alternative["id"], ["for", "for", "for", "against", "against"])
    assert first["tally"] == {"for": 3, "against": 2, "total": 5}
    assert first["majority"] == "for"
    assert first["minority_asked"] is True
    assert first["question"] == QUESTION
    minority = first["minority"]
    assert len(minority) == 2

    # The minority's phones see the question; the majority's do not.
    asked = konkret.get("/me/konkret", konkret.phones[3]).json["minority_prompts"]
    assert [p["question"] for p in asked] == [QUESTION]
    assert konkret.get("/me/konkret", konkret.phones[0]).json["minority_prompts"] == []

    condition = konkret.condition(first["id"], 3, "Att belysningen släcks efter midnatt.")
    assert condition.status_code == 201
    assert condition.json["participant_id"] == minority[0]
    assert condition.json["by_facilitator"] is False
    assert konkret.condition(first["id"], 4, "Att grannarna får tycka till.").status_code == 201

    second = konkret.run_vote(alternative["id"], ["for"] * 5)
    assert second["number"] == 2
    assert "Att belysningen släcks efter midnatt." in second["text"]
    assert "Att grannarna får tycka till." in second["text"]

    decided = konkret.get(f"/alternatives/{alternative['id']}").json
    assert decided["outcome"] == "accepted"
    assert decided["dissent"] == []
    assert [a["participant_id"] for a in decided["amendments"]] == minority
    assert [r["tally"]["for"] for r in decided["vote_rounds"]] == [3, 5]
    assert history_kinds(konkret, alternative["id"]) == [
        "drafted", "vote_opened", "vote_closed", "minority_asked", "amendment_added",
        "amendment_added", "vote_opened", "vote_closed", "accepted"]


def test_the_loop_ends_with_the_remaining_dissent_recorded(konkret: Konkret):
    alternative = konkret.draft()
    first = konkret.run_vote(alternative["id"], ["for", "for", "for", "against", "against"])
    konkret.condition(first["id"], 3, "Att polisen inte är med.")
    second = konkret.run_vote(alternative["id"], ["for", "for", "for", "for", "against"])
    assert second["minority"] == [first["minority"][1]]

    concluded = konkret.post(f"/alternatives/{alternative['id']}/conclude")
    assert concluded.status_code == 200
    assert concluded.json["outcome"] == "accepted_with_dissent"
    [dissent] = concluded.json["dissent"]
    assert dissent["participant_id"] == first["minority"][1]
    assert dissent["side"] == "against"
    assert dissent["vote_round_id"] == second["id"]
    assert history_kinds(konkret, alternative["id"])[-1] == "concluded"

    # Recorded, never erased: nothing more can change the decided alternative.
    again = konkret.post(f"/alternatives/{alternative['id']}/votes")
    assert again.status_code == 409
    assert again.json["error"]["code"] == "alternative_decided"
    assert konkret.get(f"/alternatives/{alternative['id']}").json["dissent"] == [dissent]


def test_a_majority_against_rejects_and_records_the_minority_for(konkret: Konkret):
    alternative = konkret.draft()
    vote = konkret.run_vote(alternative["id"], ["against", "against", "against", "for", None])
    assert vote["majority"] == "against"
    concluded = konkret.post(f"/alternatives/{alternative['id']}/conclude").json
    assert concluded["outcome"] == "rejected"
    assert [d["side"] for d in concluded["dissent"]] == ["for"]


def test_a_tie_asks_those_against_and_cannot_be_concluded(konkret: Konkret):
    alternative = konkret.draft()
    vote = konkret.run_vote(alternative["id"], ["for", "for", "against", "against", None])
    assert vote["majority"] == "tie"
    assert len(vote["minority"]) == 2
    refused = konkret.post(f"/alternatives/{alternative['id']}/conclude")
    assert refused.status_code == 409
    assert refused.json["error"]["code"] == "no_majority"


def test_the_latest_vote_counts_and_a_resend_is_stored_once(konkret: Konkret):
    alternative = konkret.draft()
    opened = konkret.post(f"/alternatives/{alternative['id']}/votes").json
    body = {"value": "against", "client_id": "same"}
    first = konkret.post(f"/vote-rounds/{opened['id']}/votes", body, konkret.phones[0])
    resend = konkret.post(f"/vote-rounds/{opened['id']}/votes", body, konkret.phones[0])
    assert (first.status_code, resend.status_code) == (201, 200)
    assert resend.json["id"] == first.json["id"]
    assert konkret.vote(opened["id"], 0, "for").status_code == 201
    assert konkret.get(f"/vote-rounds/{opened['id']}").json["tally"] == {
        "for": 1, "against": 0, "total": 1}


def test_the_majority_cannot_answer_the_minority_question(konkret: Konkret):
    alternative = konkret.draft()
    vote = konkret.run_vote(alternative["id"], ["for", "for", "against", None, None])
    refused = konkret.condition(vote["id"], 0, "Jag vill också säga något.")
    assert refused.status_code == 403
    assert refused.json["error"]["code"] == "not_in_minority"


def test_the_facilitator_can_write_down_and_leave_out_amendments(konkret: Konkret):
    alternative = konkret.draft()
    vote = konkret.run_vote(alternative["id"], ["for", "for", "against", None, None])
    said = konkret.post(f"/alternatives/{alternative['id']}/amendments",
                        {"text": "Sagt i rummet: tänd bara till klockan ett."}).json
    assert said["by_facilitator"] is True
    assert said["participant_id"] is None
    assert said["vote_round_id"] == vote["id"]
    left_out = konkret.patch(f"/amendments/{said['id']}", {"included": False,
                                                           "reason": "Samma som nästa."})
    assert left_out.json["included"] is False
    nxt = konkret.post(f"/alternatives/{alternative['id']}/votes").json
    assert "tänd bara" not in nxt["text"]
    kinds = history_kinds(konkret, alternative["id"])
    assert "amendment_excluded" in kinds
