"""Safe phase controls: the running phase on every console page, a proposed next phase,
a confirmation page before the change, and a minute to undo it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dialog.extensions import db
from dialog.models import Phase, PhaseStatus, Process
from dialog.phasing import service
from tests.conftest import bearer
from tests.room.helpers import csrf, log_in


def open_kind(client, world, kind: str):
    return client.post(f"/api/v1/processes/{world.process_id}/phases", json={"kind": kind},
                       headers=bearer(world.facilitator_token))


def phases_of(world) -> list[tuple[str, int, str]]:
    process = db.session.get(Process, world.process_id)
    db.session.refresh(process)
    return [(p.kind.value, p.round, p.status.value) for p in process.phases]


@pytest.fixture
def console(client, world):
    log_in(client, world.facilitator_email)
    return client


def test_the_next_phase_is_proposed_not_inventering(client, world):
    process = db.session.get(Process, world.process_id)
    assert service.proposed_next(process).value == "larande_samtal"
    open_kind(client, world, "larande_samtal")
    db.session.refresh(process)
    assert service.proposed_next(process).value == "konkretisering"
    open_kind(client, world, "konkretisering")
    db.session.refresh(process)
    assert service.proposed_next(process).value == "larande_samtal"


def test_after_an_undo_the_undone_phase_is_proposed_again_not_skipped(client, world):
    """A facilitator who undid a change by mistake and asks again is offered the same phase:
    the undone round is history, not where the room is."""
    phase = open_kind(client, world, "larande_samtal").get_json()
    assert client.post(f"/api/v1/phases/{phase['id']}/undo",
                       headers=bearer(world.facilitator_token)).status_code == 200
    process = db.session.get(Process, world.process_id)
    db.session.refresh(process)
    assert service.proposed_next(process).value == "larande_samtal"


@pytest.mark.parametrize("page", [
    "/facilitator/workshops/{workshop_id}",
    "/facilitator/processes/{process_id}",
    "/facilitator/processes/{process_id}/samtal",
    "/facilitator/processes/{process_id}/konkret",
    "/facilitator/processes/{process_id}/map",
])
def test_every_console_page_shows_the_running_phase(console, world, page):
    html = console.get(page.format(workshop_id=world.workshop_id,
                                   process_id=world.process_id)).get_data(as_text=True)
    assert 'id="phase-bar"' in html
    assert "Pågående fas: Inventering, runda 1" in html
    for console_page in (f"/facilitator/workshops/{world.workshop_id}",
                         f"/facilitator/processes/{world.process_id}/samtal",
                         f"/facilitator/processes/{world.process_id}/konkret"):
        assert f'href="{console_page}"' in html


def test_changing_phase_asks_first_with_the_proposed_phase_chosen(console, world):
    html = console.get(f"/facilitator/processes/{world.process_id}/phases/confirm"
                       f"?kind=larande_samtal").get_data(as_text=True)
    assert 'value="larande_samtal" checked' in html
    assert "Inventering, runda 1, stängs." in html
    assert "Du kan ångra bytet under en minut." in html
    assert phases_of(world) == [("inventering", 1, "open")]  # asking changes nothing


def test_the_confirmation_pages_say_which_process_they_change(console, world):
    """The confirmation page's breadcrumb ended at "Mina processer": a facilitator with two
    processes could not tell which one "Ja, byt fas" would change."""
    process = db.session.get(Process, world.process_id)
    current = service.open_phase_of(process)
    for page in (f"/facilitator/processes/{world.process_id}/phases/confirm",
                 f"/facilitator/phases/{current.id}/close"):
        html = console.get(page).get_data(as_text=True)
        crumbs = html[html.index('class="breadcrumb"'):]
        crumbs = crumbs[:crumbs.index("</p>")]
        assert f'href="/facilitator/processes/{world.process_id}"' in crumbs, page
        assert process.title in crumbs, page


def test_a_phase_change_can_be_undone_within_a_minute(console, world, socket_client):
    wall = socket_client(world.facilitator_token)
    wall.emit("workshop:watch", {"workshop_id": world.workshop_id, "view": "projector"},
              namespace="/live", callback=True)
    token = csrf(console, f"/facilitator/processes/{world.process_id}/phases/confirm")
    opened = console.post(f"/facilitator/processes/{world.process_id}/phases",
                          data={"csrf_token": token, "kind": "larande_samtal"})
    assert opened.status_code == 302
    html = console.get(opened.headers["Location"]).get_data(as_text=True)
    assert 'id="phase-undo"' in html
    assert "Inventering (runda 1) öppnas igen" in html
    phase_id = db.session.scalars(db.session.query(Phase.id).filter(
        Phase.kind == "larande_samtal").statement).one()
    wall.get_received("/live")
    undone = console.post(f"/facilitator/phases/{phase_id}/undo",
                          data={"csrf_token": token, "back": "/facilitator/"})
    assert undone.status_code == 302
    assert phases_of(world) == [("inventering", 1, "open"), ("larande_samtal", 1, "closed")]
    changed = [e for e in wall.get_received("/live") if e["name"] == "phase:changed"]
    assert changed
    assert changed[-1]["args"][0]["phase"]["kind"] == "inventering"
    workshop_phase = console.get(f"/api/v1/workshops/{world.workshop_id}",
                                 headers=bearer(world.facilitator_token)).get_json()
    assert "Pågående fas: Inventering, runda 1" in console.get(
        f"/facilitator/workshops/{world.workshop_id}").get_data(as_text=True)
    assert workshop_phase["id"] == world.workshop_id


@pytest.mark.parametrize(("before", "kind", "lands_on"), [
    ([], "larande_samtal", "/facilitator/workshops/{workshop_id}"),
    (["larande_samtal"], "konkretisering", "/facilitator/processes/{process_id}/samtal"),
])
def test_after_an_undo_the_tablet_lands_on_the_console_of_the_phase_running_again(
        console, world, before, kind, lands_on):
    """Undone from the new phase's console, the tablet does not stay on a console whose
    phase is closed: it goes to the console of the phase that runs again."""
    for earlier in before:
        open_kind(console, world, earlier)
    token = csrf(console, f"/facilitator/processes/{world.process_id}/phases/confirm")
    opened = console.post(f"/facilitator/processes/{world.process_id}/phases",
                          data={"csrf_token": token, "kind": kind})
    assert opened.status_code == 302, opened.get_data(as_text=True)[:300]
    new_console = opened.headers["Location"]
    phase_id = db.session.scalars(db.session.query(Phase.id).filter(
        Phase.kind == kind).statement).one()
    undone = console.post(f"/facilitator/phases/{phase_id}/undo",
                          data={"csrf_token": token, "back": new_console})
    assert undone.status_code == 302
    assert undone.headers["Location"] == lands_on.format(workshop_id=world.workshop_id,
                                                         process_id=world.process_id)


def test_after_a_minute_the_undo_is_refused_with_a_reason(client, world):
    phase = open_kind(client, world, "larande_samtal").get_json()
    stored = db.session.get(Phase, phase["id"])
    stored.opened_at = stored.opened_at - timedelta(seconds=61)
    db.session.commit()
    refused = client.post(f"/api/v1/phases/{phase['id']}/undo",
                          headers=bearer(world.facilitator_token))
    assert refused.status_code == 409
    assert refused.get_json()["error"]["code"] == "phase_undo_expired"
    assert "en minut" in refused.get_json()["error"]["message"]
    assert db.session.get(Phase, phase["id"]).status is PhaseStatus.OPEN


def test_closing_a_phase_asks_first(console, world):
    process = db.session.get(Process, world.process_id)
    current = service.open_phase_of(process)
    html = console.get(f"/facilitator/phases/{current.id}/close").get_data(as_text=True)
    assert "Du stänger Inventering, runda 1." in html
    assert 'action="/facilitator/phases/' in html
    assert phases_of(world) == [("inventering", 1, "open")]


def test_an_undo_cannot_itself_be_undone(client, world):
    phase = open_kind(client, world, "larande_samtal").get_json()
    assert client.post(f"/api/v1/phases/{phase['id']}/undo",
                       headers=bearer(world.facilitator_token)).status_code == 200
    process = db.session.get(Process, world.process_id)
    db.session.refresh(process)
    assert service.undoable(process) is None


def test_a_new_process_has_no_change_to_undo(world):
    assert service.undoable(db.session.get(Process, world.process_id)) is None


def test_a_meeting_page_shows_its_own_phase_and_process_pages_each_meetings(
        console, client, world, socket_client):
    """Meetings in different phases (``workshop_ids``): a meeting's page shows its own phase,
    the process's pages each open phase with its meetings; the bar's fragment (what the
    script fetches on ``phase:changed``) says the same, and ``phase:watch`` follows it."""
    other = client.post(f"/api/v1/processes/{world.process_id}/workshops",
                        json={"title": "Biblioteket"}, headers=bearer(world.facilitator_token))
    assert other.status_code == 201, other.json
    follower = socket_client(world.facilitator_token)
    watched = follower.emit("phase:watch", {"process_id": world.process_id},
                            namespace="/live", callback=True)
    assert watched["ok"]
    assert watched["process_id"] == world.process_id
    moved = client.post(f"/api/v1/processes/{world.process_id}/phases",
                        json={"kind": "larande_samtal", "workshop_ids": [other.json["id"]]},
                        headers=bearer(world.facilitator_token))
    assert moved.status_code == 201, moved.json
    changed = [e for e in follower.get_received("/live") if e["name"] == "phase:changed"]
    assert changed
    assert changed[-1]["args"][0]["workshop_ids"] == [other.json["id"]]

    own = console.get(f"/facilitator/workshops/{world.workshop_id}").get_data(as_text=True)
    assert "Pågående fas: Inventering, runda 1" in own
    theirs = console.get(f"/facilitator/workshops/{other.json['id']}").get_data(as_text=True)
    assert "Pågående fas: Lärande samtal, runda 1" in theirs
    process = console.get(f"/facilitator/processes/{world.process_id}").get_data(as_text=True)
    assert "Pågående fas per möte:" in process
    assert "Lärande samtal, runda 1: Biblioteket" in process
    fragment = console.get(f"/facilitator/processes/{world.process_id}/phase-bar"
                           f"?workshop={other.json['id']}&path=/facilitator/")
    assert fragment.status_code == 200
    assert "Pågående fas: Lärande samtal, runda 1" in fragment.get_data(as_text=True)
    whole = console.get(f"/facilitator/processes/{world.process_id}/phase-bar"
                        f"?path=https://elsewhere.example/").get_data(as_text=True)
    assert "Lärande samtal, runda 1: Biblioteket" in whole
    assert "elsewhere.example" not in whole  # the page's path is a console path or nothing
