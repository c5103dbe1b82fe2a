"""A whole process walked through konkretisering, as the method runs it.

Inventering has been done; a lärande samtal round sets contrasting perspectives side by
side and people reflect; the process moves into konkretisering, where alternatives are
drafted from the perspectives and reflections, checked back after the conversation round,
decided by majority vote with minority wisdom (one loop ends in acceptance, one in recorded
dissent), and become proposals whose trace leads back to what each group said.
"""

from __future__ import annotations

from tests.konkret.conftest import Konkret, cid


def test_from_conversation_round_to_traced_proposals(konkret: Konkret):
    pid = konkret.pid
    # Lärande samtal: unga and polis side by side; both reflect.
    assert konkret.post(f"/processes/{pid}/phases", {"kind": "larande_samtal"}).status_code == 201
    conversation = konkret.post(f"/processes/{pid}/conversation-rounds", {
        "title": "Unga och polisen",
        "perspective_ids": [konkret.perspective_ids[0], konkret.perspective_ids[3]]}).json
    reflection_ids = []
    for phone, keep in [(0, "Att polisen kommer utan uniform."),
                        (3, "Kontakt före kontroll, i praktiken.")]:
        made = konkret.post(f"/conversation-rounds/{conversation['id']}/reflections",
                            {"client_id": cid(), "view_change": "nuanced", "keep": keep},
                            konkret.phones[phone])
        assert made.status_code == 201, made.json
        reflection_ids.append(made.json["id"])

    # Konkretisering: alternatives from perspectives and reflections.
    phase = konkret.post(f"/processes/{pid}/phases", {"kind": "konkretisering"})
    assert phase.status_code == 201
    assert phase.json["kind"] == "konkretisering"
    konkret.post(f"/processes/{pid}/committee-goals/preset",
                 {"preset": "lokal-namnd-varberg-2021"})
    park = konkret.draft("Tänd parken", ids=konkret.perspective_ids[:2])
    polis = konkret.draft("Kvarterspolis på fritidsgården",
                          ids=[konkret.perspective_ids[2], konkret.perspective_ids[3]],
                          reflection_ids=reflection_ids)
    assert park["phase_id"] == phase.json["id"]

    # Check-back after the conversation round: everyone rates each alternative.
    checkback = konkret.post(f"/processes/{pid}/checkback-rounds",
                             {"title": "Efter Unga och polisen"}).json["round"]
    assert checkback["after_round_id"] == conversation["id"]
    for phone in range(5):
        for alternative, value in ((park, "supports"),
                                   (polis, "objects" if phone < 2 else "can_live_with")):
            konkret.post(f"/checkback-rounds/{checkback['id']}/ratings",
                         {"alternative_id": alternative["id"], "value": value,
                          "client_id": cid()}, konkret.phones[phone])
    results = konkret.post(f"/checkback-rounds/{checkback['id']}/close").json
    assert [a["tally"]["objects"] for a in results["alternatives"]] == [0, 2]

    # The park: the minority's condition brings everyone along -> accepted.
    vote = konkret.run_vote(park["id"], ["for", "for", "for", "for", "against"])
    konkret.condition(vote["id"], 4, "Att ljuset är varmt och inte bländar.")
    konkret.run_vote(park["id"], ["for"] * 5)
    # The police: one stays against after the amendment -> accepted with recorded dissent.
    vote = konkret.run_vote(polis["id"], ["against", "against", "for", "for", "for"])
    konkret.condition(vote["id"], 0, "Att poliserna kommer utan uniform.")
    konkret.condition(vote["id"], 1, "Att unga kan säga nej en viss kväll.")
    konkret.run_vote(polis["id"], ["for", "against", "for", "for", "for"])
    concluded = konkret.post(f"/alternatives/{polis['id']}/conclude").json
    assert concluded["outcome"] == "accepted_with_dissent"
    assert len(concluded["dissent"]) == 1
    assert konkret.get(f"/alternatives/{park['id']}").json["outcome"] == "accepted"

    # Go fishing for what has not been said.
    prompt = konkret.post(f"/processes/{pid}/fishing", {"alternative_id": polis["id"]}).json
    assert konkret.post(f"/fishing/{prompt['id']}/answers",
                        {"text": "Ingen säger att det handlar om pengar.", "client_id": cid()},
                        konkret.phones[2]).status_code == 201

    # Two proposals with goals, budget and dated status updates.
    goals = {g["code"]: g["id"] for g in
             konkret.get(f"/processes/{pid}/committee-goals").json["committee_goals"]}
    lights = konkret.post(f"/processes/{pid}/proposals", {
        "title": "Belysning i parken", "owner": "Varbergs kommun", "budget_tkr": 150,
        "alternative_ids": [park["id"]], "committee_goal_id": goals["3.2.2"],
        "indicators": ["Andel unga som känner sig trygga"], "dated": "2021-05-01"}).json
    evenings = konkret.post(f"/processes/{pid}/proposals", {
        "title": "Fredagskvällar med kvarterspolis", "owner": "Polisområde Varberg",
        "alternative_ids": [polis["id"]], "committee_goal_id": goals["3.2.1.1"],
        "dated": "2021-05-01"}).json
    konkret.post(f"/proposals/{lights['id']}/status-updates",
                 {"status": "genomförd", "dated": "2021-10-01", "note": "Tänt."})
    listed = konkret.get(f"/processes/{pid}/proposals").json["proposals"]
    assert [(p["title"], p["status"]) for p in listed] == [
        ("Belysning i parken", "completed"), ("Fredagskvällar med kvarterspolis", "planned")]

    # Traceability: from the proposal back to reflections, perspectives and their groups.
    trace = konkret.get(f"/proposals/{evenings['id']}/trace").json
    assert [r["id"] for r in trace["reflections"]] == reflection_ids
    # Built on: only the alternative's own perspectives; those the conversation round showed
    # are listed apart, labelled with how the reflection reached them.
    built_on = {p["id"] for p in trace["perspectives"]}
    apart = {p["id"]: p["via"] for p in trace["reflection_perspectives"]}
    assert not built_on & set(apart)
    assert set(apart) | built_on >= {konkret.perspective_ids[0], konkret.perspective_ids[3]}
    assert set(apart.values()) <= {"moved_by", "shown"}
    assert trace["alternatives"][0]["dissent"][0]["side"] == "against"

    export = konkret.get(f"/processes/{pid}/konkretisering.json").json
    assert [a["outcome"] for a in export["alternatives"]] == ["accepted",
                                                             "accepted_with_dissent"]
    assert [p["status"] for p in export["proposals"]] == ["completed", "planned"]
    assert export["fishing_prompts"][0]["answers"][0]["text"].startswith("Ingen säger")
