"""The demo process comes with reactions that make two recognisable camps, and a few links."""

from __future__ import annotations

from dialog import policy
from dialog.demo import build_demo, existing_demo
from dialog.extensions import db
from dialog.models import Process
from phases.inventering.map import analysis_runs, links
from tests.conftest import bearer


def test_the_demo_map_shows_a_control_camp_and_a_contact_camp(app, client):
    with db.transaction() as session:
        result = build_demo(session)
        process = policy.load(session, Process, result.process_id)
        found, computed = analysis_runs.refresh(session, process)
        drawn = [(k.relation.value) for k in links.links_of_process(session, process.id)]

    assert computed is False  # the demo stored its analysis: the map is ready at once
    assert len(found["opinion_groups"]) == 2
    agreed = [" | ".join(r["text"] for r in g["representative"] if r["direction"] == "agree")
              for g in found["opinion_groups"]]
    control = [i for i, texts in enumerate(agreed) if "Vi behöver fler poliser" in texts]
    contact = [i for i, texts in enumerate(agreed) if "Kontakt före kontroll" in texts
               or "Vuxna pratar om oss" in texts]
    assert len(control) == 1
    assert len(contact) == 1
    assert control != contact
    assert any(c["text"].startswith("Bättre belysning") for c in found["consensus"])
    assert drawn.count("contrasts_with") >= 1
    assert drawn.count("builds_on") >= 3
    # Later phases of the demo add voices, so only ask that the map prompts for something.
    assert found["missing_perspectives"]
    assert all(p["message_sv"] for p in found["missing_perspectives"])


def test_the_demo_json_links_to_the_map_pages(app):
    with db.transaction() as session:
        built = build_demo(session).as_dict("http://127.0.0.1:5000")
    with db.transaction() as session:
        again = existing_demo(session)
        assert again is not None
        reused = again.as_dict("http://127.0.0.1:5000")
    for info in (built, reused):
        assert info["urls"]["map"] == (
            f"http://127.0.0.1:5000/facilitator/processes/{info['process_id']}/map")
        assert info["urls"]["join"].endswith(info["join_code"])


def test_a_demo_participant_gets_perspectives_to_react_to(app, client, join_participant):
    with db.transaction() as session:
        result = build_demo(session)
    token = join_participant(result.join_code)
    found = client.get(f"/api/v1/workshops/{result.workshop_id}/next-perspective",
                       headers=bearer(token)).json
    assert found["perspective"]["text"]
    assert found["remaining"] >= 20
