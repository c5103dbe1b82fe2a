"""The demo shows a process over months and places."""

from __future__ import annotations

from dialog.demo import build_demo
from dialog.extensions import db
from dialog.models import OutreachAction, Perspective, Process, Workshop
from dialog.services import meetings


def test_the_demo_has_three_meetings_in_two_places_at_different_phases(app):
    with db.transaction() as session:
        result = build_demo(session)
    info = result.as_dict("http://localhost:5000")
    assert info["meetings"]["page"] == f"/facilitator/processes/{result.process_id}/meetings"
    with db.transaction() as session:
        process = session.get(Process, result.process_id)
        found = [session.get(Workshop, i) for i in info["meetings"]["ids"]]
        assert [(w.format.value, w.phase.kind.value) for w in found] == [
            ("physical", "konkretisering"), ("physical", "inventering"),
            ("digital", "larande_samtal")]
        assert len({w.place for w in found if w.place}) == 2
        assert process.current_phase.kind.value == "konkretisering"
        week = meetings.attendance(session, found[2])
        assert (week["total"], week["returning"]) == (3, 2)
        entered = session.query(Perspective).filter(Perspective.source.is_not(None)).all()
        assert [(p.source, p.group_name) for p in entered] == [("interview", "vårdnadshavare")]
        assert process.group_named("äldre") is not None
        planned = session.query(OutreachAction).filter_by(process_id=process.id).all()
        assert {o.group_name for o in planned} == {"äldre", "region"}
