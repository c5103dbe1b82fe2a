"""The demo shows the whole of konkretisering to a newcomer."""

from __future__ import annotations

from dialog.demo import build_demo
from dialog.extensions import db
from dialog.models import Process
from phases.konkretisering import alternatives, checkback, proposals


def test_the_demo_runs_konkretisering_from_alternatives_to_proposals(app):
    with db.transaction() as session:
        result = build_demo(session)
    info = result.as_dict("http://localhost:5000")
    assert [a["outcome"] for a in info["konkret"]["alternatives"]] == [
        "accepted", "accepted", "accepted_with_dissent"]
    assert [p["status"] for p in info["konkret"]["proposals"]] == ["completed", "ongoing"]
    assert info["urls"]["konkret_console"].endswith(f"/processes/{result.process_id}/konkret")
    with db.transaction() as session:
        process = session.get(Process, result.process_id)
        assert process.current_phase.kind.value == "konkretisering"
        found = alternatives.alternatives_of(session, process)
        kinds = [e.kind for e in found[2].events]
        assert kinds.count("minority_asked") == 2
        assert "concluded" in kinds
        assert any(a.participant_id for a in found[1].amendments)
        assert all(a.perspectives for a in found)
        assert any(a.reflections for a in found)
        rounds = checkback.rounds_of(session, process)
        assert [r.accepting for r in rounds] == [False, True]
        made = proposals.proposals_of(session, process)
        # The second has the municipality's own update as its owner (dialog/demo/team.py).
        assert [len(p.updates) for p in made] == [3, 3]
        assert all(p.committee_goal is not None for p in made)
