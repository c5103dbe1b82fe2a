"""The whole method: inventering, lärande samtal and konkretisering, twice round.

A process listens, lets perspectives meet and makes alternatives of what was said; then it
returns to inventering for the voices it missed, talks again, and checks back and decides
once more. Every phase round is kept, and the proposals trace back across both rounds.
"""

from __future__ import annotations

from dialog.extensions import db
from dialog.models import Phase
from phases import phase_for
from tests.konkret.conftest import Konkret, cid, konkret  # noqa: F401  (the fixture)


def open_phase(k: Konkret, kind: str) -> dict:
    response = k.post(f"/processes/{k.pid}/phases", {"kind": kind})
    assert response.status_code == 201, response.json
    return response.json


def conversation(k: Konkret, title: str, ids: list[int]) -> dict:
    made = k.post(f"/processes/{k.pid}/conversation-rounds",
                  {"title": title, "perspective_ids": ids})
    assert made.status_code == 201, made.json
    return made.json


def reflect(k: Konkret, round_id: int, phone: int, keep: str) -> int:
    made = k.post(f"/conversation-rounds/{round_id}/reflections",
                  {"client_id": cid(), "view_change": "nuanced", "keep": keep}, k.phones[phone])
    assert made.status_code == 201, made.json
    return made.json["id"]


def test_three_phases_in_two_rounds(konkret: Konkret):  # noqa: F811
    k = konkret
    # Round 1: lärande samtal, then konkretisering.
    open_phase(k, "larande_samtal")
    first_talk = conversation(k, "Mörkret i parken", k.perspective_ids[:2])
    keep_light = reflect(k, first_talk["id"], 0, "Att det blir ljust där vi går hem.")
    first_konkret = open_phase(k, "konkretisering")
    park = k.draft("Tänd parken", ids=k.perspective_ids[:2], reflection_ids=[keep_light])
    first_check = k.post(f"/processes/{k.pid}/checkback-rounds").json["round"]
    assert first_check["after_round_id"] == first_talk["id"]
    vote = k.run_vote(park["id"], ["for", "for", "for", "against", None])
    k.condition(vote["id"], 3, "Att ljuset släcks efter midnatt.")
    k.run_vote(park["id"], ["for"] * 4)
    assert k.get(f"/alternatives/{park['id']}").json["outcome"] == "accepted"

    # Round 2: back to inventering for a voice that was missing, then talk and decide again.
    second_inventering = open_phase(k, "inventering")
    assert second_inventering["round"] == 2
    new = k.post(f"/workshops/{k.world.workshop_id}/perspectives",
                 {"text": "Kommunen kan ha fältare ute på helgerna.", "kind": "idea",
                  "stakeholder_group": "skola", "client_id": cid()}, k.phones[4])
    assert new.status_code == 201, new.json
    second_samtal = open_phase(k, "larande_samtal")
    second_talk = conversation(k, "Vem tar kvällen?", [new.json["id"], k.perspective_ids[2]])
    keep_adults = reflect(k, second_talk["id"], 1, "Att vuxna finns ute på helgerna.")
    second_konkret = open_phase(k, "konkretisering")
    assert second_konkret["round"] == 2
    field = k.draft("Fältare på helgerna", ids=[new.json["id"]], reflection_ids=[keep_adults])
    second_check = k.post(f"/processes/{k.pid}/checkback-rounds",
                          {"alternative_ids": [park["id"], field["id"]]}).json["round"]
    assert second_check["after_round_id"] == second_talk["id"]
    assert second_check["after_phase_id"] == second_samtal["id"]
    vote = k.run_vote(field["id"], ["for", "for", "for", "against", "against"])
    k.condition(vote["id"], 3, "Att fältarna känner de unga.")
    k.run_vote(field["id"], ["for", "for", "for", "for", "against"])
    assert k.post(f"/alternatives/{field['id']}/conclude").json["outcome"] == (
        "accepted_with_dissent")

    # Every phase round is kept, in order; only the last is open.
    phases = k.get(f"/processes/{k.pid}").json["phases"]
    assert [(p["kind"], p["round"], p["status"]) for p in phases] == [
        ("inventering", 1, "closed"), ("larande_samtal", 1, "closed"),
        ("konkretisering", 1, "closed"), ("inventering", 2, "closed"),
        ("larande_samtal", 2, "closed"), ("konkretisering", 2, "open")]

    # Each konkretisering round produced its own alternatives.
    with db.transaction() as session:
        produced = [phase_for("konkretisering").produce(session, session.get(Phase, p["id"]))
                    for p in (first_konkret, second_konkret)]
    assert [[a["title"] for a in p["alternatives"]] for p in produced] == [
        ["Tänd parken"], ["Fältare på helgerna"]]
    assert [len(p["checkback_rounds"]) for p in produced] == [1, 1]

    # A proposal built on both rounds traces back across them.
    proposal = k.post(f"/processes/{k.pid}/proposals", {
        "title": "Trygga kvällsvägar", "owner": "Varbergs kommun",
        "alternative_ids": [park["id"], field["id"]]}).json
    trace = k.get(f"/proposals/{proposal['id']}/trace").json
    assert {r["id"] for r in trace["reflections"]} == {keep_light, keep_adults}
    by_phase = {p["phase_id"] for p in trace["perspectives"]}
    assert second_inventering["id"] in by_phase
    assert len(by_phase) == 2
    assert "skola" in {p["stakeholder_group"] for p in trace["perspectives"]}
