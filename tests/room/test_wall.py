"""The wall follows the phase: each phase shows its own part inside the kernel's shell,
the pause screen follows the workshop, and reactions reach the wall as counts, live."""

from __future__ import annotations

import threading
import time

from phases.inventering.wall import wall_room
from phases.inventering.wall_broadcast import INTERVAL_SECONDS, WallCounts
from tests.conftest import bearer
from tests.konkret.conftest import Konkret, cid
from tests.konkret.conftest import konkret as konkret  # a fixture
from tests.room.helpers import log_in
from tests.samtal.conftest import Samtal
from tests.samtal.conftest import listened as listened  # a fixture
from tests.samtal.conftest import samtal as samtal  # a fixture


def wall_of(client, world) -> str:
    log_in(client, world.facilitator_email)
    response = client.get(f"/facilitator/workshops/{world.workshop_id}/projector")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_in_inventering_the_wall_counts_voices_and_kinds(client, world):
    page = wall_of(client, world)
    assert 'data-template="inventering/wall.html"' in page
    assert 'id="wall-groups"' in page
    assert 'id="wall-kinds"' in page
    assert "/static/js/inventering/projector.js" in page
    assert "/static/js/wall.js" in page
    assert world.join_code in page


def test_while_no_phase_is_open_the_wall_shows_the_question(client, world):
    process_phase = client.get(f"/api/v1/processes/{world.process_id}/phases",
                               headers=bearer(world.facilitator_token)).get_json()["current"]
    client.post(f"/api/v1/phases/{process_phase['id']}/close",
                headers=bearer(world.facilitator_token))
    page = wall_of(client, world)
    assert 'data-template="phasing/wall_waiting.html"' in page
    assert "Vad gör Varberg tryggt?" in page


def test_in_a_lärande_samtal_the_wall_shows_the_round_side_by_side(samtal: Samtal):
    built = samtal.build_round(prompt="Vad förstår ni nu som ni inte förstod innan?")
    assert built.status_code == 201, built.json
    page = wall_of(samtal.client, samtal.world)
    assert 'data-template="larande_samtal/wall.html"' in page
    assert "Samtalsrunda 1" in page
    assert "Unga och polisen" in page
    assert "Vad förstår ni nu som ni inte förstod innan?" in page
    assert page.count('class="wall-card wall-card--') == 2
    assert 'data-watch-event="samtal:watch"' in page
    assert 'data-refresh-on="samtal:round"' in page


def test_a_number_approved_anyway_is_redacted_on_the_samtal_wall(samtal: Samtal):
    """The samtal wall showed a phone number the facilitator had approved anyway (phones
    showed it redacted): the wall reads the text as the room may see it."""
    from dialog.extensions import db
    from dialog.models import Perspective

    with db.transaction() as session:
        flagged = session.get(Perspective, samtal.perspective_ids[0])
        flagged.text = "Ring mig på 070-123 45 67 så visar jag var det är mörkt."
        flagged.personal_data = ["phone"]
    assert samtal.build_round().status_code == 201
    page = wall_of(samtal.client, samtal.world)
    assert "070-123" not in page
    assert "Ring mig på [telefonnummer borttaget] så visar jag var det är mörkt." in page


def test_in_konkretisering_the_wall_shows_support_the_vote_and_the_conditions(
        konkret: Konkret):
    pid = konkret.pid
    konkret.post(f"/processes/{pid}/phases", {"kind": "larande_samtal"})
    konkret.post(f"/processes/{pid}/phases", {"kind": "konkretisering"})
    park = konkret.draft("Tänd parken", ids=konkret.perspective_ids[:2])
    checkback = konkret.post(f"/processes/{pid}/checkback-rounds",
                             {"title": "Efter samtalet"}).json["round"]
    for phone, value in enumerate(["supports", "supports", "supports", "objects"]):
        konkret.post(f"/checkback-rounds/{checkback['id']}/ratings",
                     {"alternative_id": park["id"], "value": value, "client_id": cid()},
                     konkret.phones[phone])
    vote = konkret.run_vote(park["id"], ["for", "for", "for", "for", "against"])
    konkret.condition(vote["id"], 4, "Att ljuset är varmt och inte bländar.")

    page = wall_of(konkret.client, konkret.world)
    assert 'data-template="konkretisering/wall.html"' in page
    assert "Avstämning: Efter samtalet" in page
    assert "4 deltagare har svarat." in page
    assert "wall-bar__value--75" in page  # three of four support
    assert "wall-bar__value--25" in page  # one of four objects
    assert "Omröstning 1: Tänd parken" in page
    assert "wall-bar__value--80" in page  # four of five for
    assert "Att ljuset är varmt och inte bländar." in page
    assert 'data-watch-event="konkret:watch"' in page


def test_the_part_alone_redraws_and_a_changed_phase_says_so(client, world):
    log_in(client, world.facilitator_email)
    base = f"/facilitator/workshops/{world.workshop_id}/projector/part"
    same = client.get(base + "?template=inventering/wall.html")
    assert same.status_code == 200
    assert 'id="wall-groups"' in same.get_data(as_text=True)
    assert "<html" not in same.get_data(as_text=True)
    assert client.get(base + "?template=larande_samtal/wall.html").status_code == 409


def test_a_paused_workshop_shows_the_pause_screen(client, world):
    assert 'id="wall-pause" role="status" hidden' in wall_of(client, world)
    client.patch(f"/api/v1/workshops/{world.workshop_id}", json={"state": "paused"},
                 headers=bearer(world.facilitator_token))
    page = client.get(f"/facilitator/workshops/{world.workshop_id}/projector").get_data(
        as_text=True)
    assert 'id="wall-pause" role="status">' in page
    assert "Paus" in page


def test_a_paused_workshop_says_pause_on_the_phone_not_closed(client, world):
    """While the wall said "Paus – Vi fortsätter snart", the phones said "Workshoppen är
    stängd just nu": people in the room took it for the end."""
    client.patch(f"/api/v1/workshops/{world.workshop_id}", json={"state": "paused"},
                 headers=bearer(world.facilitator_token))
    for lang, pause, closed in (("sv", "Paus. Vi fortsätter snart.", "stängd"),
                                ("en", "A break. We will continue soon.", "closed")):
        page = client.get(f"/w/{world.workshop_id}?lang={lang}").get_data(as_text=True)
        banner = page[page.index('id="state-banner"'):]
        banner = banner[:banner.index("</div>")]
        assert pause in banner
        assert closed not in banner


def test_reactions_reach_the_wall_as_counts(client, world, socket_client, join_participant):
    writer = join_participant(world.join_code, "unga")
    made = client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                       headers=bearer(writer), json={"text": "Tänd parken.", "kind": "idea",
                                                     "client_id": "w-1"}).get_json()
    wall = socket_client(world.facilitator_token)
    ack = wall.emit("workshop:watch", {"workshop_id": world.workshop_id, "view": "projector"},
                    namespace="/live", callback=True)
    assert ack["ok"]
    wall.get_received("/live")
    for number, vote in enumerate(["agree", "agree", "disagree"]):
        phone = join_participant(world.join_code)
        answer = client.post(f"/api/v1/perspectives/{made['id']}/votes", headers=bearer(phone),
                             json={"vote": vote})
        assert answer.status_code in (200, 201), (number, answer.get_json())
    counts = [e["args"][0] for e in wall.get_received("/live") if e["name"] == "wall:reactions"]
    assert counts[-1] == {"perspective_id": made["id"], "agree": 2, "disagree": 1, "pass": 0}
    assert "participant_id" not in counts[-1]


def test_under_a_server_a_burst_of_reactions_reaches_the_wall_as_one_count(
        client, world, join_participant):
    writer = join_participant(world.join_code, "unga")
    made = client.post(f"/api/v1/workshops/{world.workshop_id}/perspectives",
                       headers=bearer(writer), json={"text": "Tänd parken.", "kind": "idea",
                                                     "client_id": "w-2"}).get_json()
    sent: list[tuple[str, dict, str]] = []
    done = threading.Event()
    # As under gevent: counts gathered by a background task, read after the commits.
    walls = WallCounts(lambda *message: (sent.append(message), done.set()),
                       lambda work: threading.Thread(target=work).start(), time.sleep)
    for vote in ["agree", "agree", "disagree"]:
        phone = join_participant(world.join_code)
        answer = client.post(f"/api/v1/perspectives/{made['id']}/votes", headers=bearer(phone),
                             json={"vote": vote})
        assert answer.status_code in (200, 201)
    for _committed in range(3):  # each reaction's commit says so, one after the other
        walls.changed(world.process_id, made["id"])

    assert done.wait(10)
    time.sleep(3 * INTERVAL_SECONDS)  # nothing more comes: the burst was one read
    assert sent == [("wall:reactions", {"perspective_id": made["id"], "agree": 2,
                                        "disagree": 1, "pass": 0}, wall_room(world.process_id))]
