"""The demo shows the lärande samtal: two rounds of the phase, reflections and the line."""

from __future__ import annotations

from collections import Counter

from dialog.demo import inventering, reactions
from dialog.extensions import db
from dialog.models import Perspective, PhaseKind
from dialog.services import facilitators
from phases.larande_samtal import demo as samtal
from phases.larande_samtal import learning, reflections
from phases.larande_samtal import resistance as resistance_line
from phases.larande_samtal import rounds as conversation_rounds


def test_the_demo_runs_two_rounds_of_lärande_samtal_around_a_second_inventering(app):
    with db.transaction() as session:
        facilitator = facilitators.create_facilitator(session, "demo@dialog.local",
                                                      "varberg-demo")
        process, workshop = inventering.build(session, facilitator)
        reactions.build(session, facilitator, process, workshop)
        extra = samtal.build(session, facilitator, process)

        assert [(p.kind.value, p.round, p.status.value) for p in process.phases] == [
            ("inventering", 1, "closed"), ("larande_samtal", 1, "closed"),
            ("inventering", 2, "closed"), ("larande_samtal", 2, "open")]
        rounds = conversation_rounds.rounds_of_process(session, process)
        assert [(r.phase.round, r.status.value) for r in rounds] == [
            (1, "closed"), (1, "closed"), (2, "open")]
        assert rounds[0].basis in ("divisive", "opposite_groups", "single_group_theme")
        assert rounds[2].closes_at is not None  # the digital round, open for a week
        assert learning.indicators(session, rounds[0])["shifted"] >= 3
        assert all(reflections.reflections_of_round(session, r) for r in rounds)

        line = resistance_line.timeline(session, process)
        assert max(e.position for e in line) == 4  # up to gossip, and down again
        assert line[-1].level == "jokes"

        second = next(p for p in process.phases
                      if p.kind is PhaseKind.INVENTERING and p.round == 2)
        voiced = Counter(p.group_name for p in session.query(Perspective)
                         .filter(Perspective.phase_id == second.id))
        assert set(voiced) == {"kommun", "region"}
        assert extra["urls"]["samtal_console"].endswith(f"/processes/{process.id}/samtal")
