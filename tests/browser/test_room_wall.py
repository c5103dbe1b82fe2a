"""The room's wall on a projector (1920 x 1080): readable from the back of the room, it
follows the facilitator's phase live, shows the pause screen and the room's reactions."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    NARROW_PHONE,
    TABLET,
    axe_violations,
    describe_violations,
    screenshot,
)

pytestmark = pytest.mark.browser

WALL = {"width": 1920, "height": 1080}
LONG = ("Vi som bor här vill kunna gå hem från bussen på kvällen utan att titta oss över "
        "axeln, och det handlar inte bara om belysning utan om att det finns vuxna ute, att "
        "fritidsgården är öppen, att grannar känner varandra och att polisen är någon man "
        "kan prata med och inte bara någon som kommer när något redan har hänt. Och att "
        "vi som är unga får vara med när det bestäms, från början.")


def own_process(live_server: Any, name: str) -> dict[str, Any]:
    """A process of its own (phases change here, not in the demo), with one workshop."""
    return dict(live_server.inventering_workshop(name, groups=("unga", "polis", "region")))


def write(live_server: Any, workshop: dict[str, Any], text: str, group: str = "unga",
          kind: str = "idea") -> tuple[int, str]:
    status, joined = live_server.request("POST", "/api/v1/join", {
        "join_code": workshop["join_code"], "stakeholder_group": group})
    assert status == 201, joined
    status, body = live_server.request(
        "POST", f"/api/v1/workshops/{workshop['id']}/perspectives",
        {"text": text, "kind": kind, "client_id": f"w-{abs(hash(text))}"},
        token=joined["participant_token"])
    assert status in (200, 201), body
    return body["id"], joined["participant_token"]


def open_wall(new_page: Any, state: Any, workshop: dict[str, Any],
              viewport: dict[str, int] = WALL) -> Any:
    page = new_page(viewport, storage_state=state, mobile=False)
    page.goto(f"/facilitator/workshops/{workshop['id']}/projector")
    page.locator('#wall[data-connection="online"]').wait_for()
    return page


def no_violations(page: Any) -> None:
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def test_the_inventering_wall_is_readable_from_the_back_of_the_room(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    workshop = own_process(live_server, "Väggen: inventering")
    long_id, _ = write(live_server, workshop, LONG, "unga", "thought")
    write(live_server, workshop, "Fler vuxna ute på kvällarna.", "polis", "idea")
    wall = open_wall(new_page, facilitator_state, workshop)
    card = wall.locator(f'#wall-list [data-id="{long_id}"]')
    # The wall's first picture waits for its live connection; give a loaded machine time.
    expect(card).to_be_visible(timeout=30_000)
    sizes = wall.evaluate("""() => [...document.querySelectorAll(
        '#wall-part .wall-card__text, #wall-part .wall-card__meta, #wall-part .wall-voice,'
        + ' #wall-part .wall-prompt, #wall-part .wall-kind, #wall-part .wall-card__reactions')]
        .filter(n => n.offsetParent).map(n => parseFloat(getComputedStyle(n).fontSize))""")
    assert sizes
    assert min(sizes) >= 28, sizes
    # A long card is clamped; its label (kind and group) stays in view.
    text = card.locator(".wall-card__text")
    assert text.evaluate("n => n.scrollHeight > n.clientHeight + 2")
    expect(card.locator(".wall-card__meta")).to_contain_text("Tanke")
    expect(card.locator(".wall-card__meta")).to_contain_text("Unga")
    # Counts per group and kind; the group not heard yet is missing.
    expect(wall.locator('#wall-groups [data-group="region"]')).to_contain_text("saknas")
    expect(wall.locator('#wall-kinds [data-kind="idea"] .wall-kind__count')).to_have_text("1")
    expect(wall.locator("#wall-spotlight .wall-card")).to_be_visible()
    screenshot(wall, "room-wall-inventering")
    no_violations(wall)


def test_reactions_and_new_perspectives_reach_the_wall_live(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    workshop = own_process(live_server, "Väggen: reaktioner")
    first, _ = write(live_server, workshop, "Tänd parken.", "unga", "idea")
    wall = open_wall(new_page, facilitator_state, workshop)
    wall.evaluate("window.__sameDocument = true")
    for vote in ("agree", "agree", "disagree"):
        status, joined = live_server.request("POST", "/api/v1/join",
                                             {"join_code": workshop["join_code"]})
        status, body = live_server.request("POST", f"/api/v1/perspectives/{first}/votes",
                                           {"vote": vote}, token=joined["participant_token"])
        assert status in (200, 201), body
    card = wall.locator(f'#wall-list [data-id="{first}"]')
    expect(card.locator(".wall-reaction--agree .wall-reaction__count")).to_have_text("2")
    expect(card.locator(".wall-reaction--disagree .wall-reaction__count")).to_have_text("1")
    write(live_server, workshop, "Polisen på fritidsgården.", "polis", "standpoint")
    expect(wall.locator("#wall-list .wall-card")).to_have_count(2)
    expect(wall.locator('#wall-groups [data-group="polis"] .wall-voice__count')).to_have_text("1")
    assert wall.evaluate("window.__sameDocument === true")


def test_the_wall_follows_the_phase_and_the_pause(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    workshop = own_process(live_server, "Väggen: faserna")
    pid = workshop["process_id"]
    ids = [write(live_server, workshop, text, group)[0] for text, group in (
        ("Vuxna pratar om oss men inte med oss.", "unga"),
        ("Vi vill vara närvarande utan att skrämma.", "polis"))]
    wall = open_wall(new_page, facilitator_state, workshop)
    expect(wall.locator("#wall")).to_have_attribute("data-template", "inventering/wall.html")

    # Pause: the facilitator pauses the workshop, the wall shows the break at once.
    token = live_server.token
    live_server.request("PATCH", f"/api/v1/workshops/{workshop['id']}", {"state": "paused"},
                        token=token)
    expect(wall.locator("#wall-pause")).to_be_visible()
    no_violations(wall)
    live_server.request("PATCH", f"/api/v1/workshops/{workshop['id']}", {"state": "open"},
                        token=token)
    expect(wall.locator("#wall-pause")).to_be_hidden()

    # Lärande samtal: the wall changes with the phase, then shows the round side by side.
    status, _ = live_server.request("POST", f"/api/v1/processes/{pid}/phases",
                                    {"kind": "larande_samtal"}, token=token)
    assert status == 201
    expect(wall.locator("#wall")).to_have_attribute("data-template", "larande_samtal/wall.html")
    wall.locator('#wall[data-connection="online"]').wait_for()
    status, built = live_server.request("POST", f"/api/v1/processes/{pid}/conversation-rounds", {
        "title": "Unga och polisen", "prompt": "Vad förstår du nu som du inte förstod innan?",
        "perspective_ids": ids}, token=token)
    assert status == 201, built
    expect(wall.locator(".wall-side-by-side .wall-card")).to_have_count(2)
    expect(wall.locator("#wall-part")).to_contain_text("Vad förstår du nu")
    screenshot(wall, "room-wall-samtal")
    no_violations(wall)

    # Konkretisering: check-back bars, live.
    status, _ = live_server.request("POST", f"/api/v1/processes/{pid}/phases",
                                    {"kind": "konkretisering"}, token=token)
    assert status == 201
    expect(wall.locator("#wall")).to_have_attribute("data-template", "konkretisering/wall.html")
    wall.locator('#wall[data-connection="online"]').wait_for()
    status, alternative = live_server.request("POST", f"/api/v1/processes/{pid}/alternatives", {
        "title": "Tänd parken", "perspective_ids": ids}, token=token)
    assert status == 201, alternative
    status, opened = live_server.request("POST", f"/api/v1/processes/{pid}/checkback-rounds",
                                         {"title": "Efter samtalet"}, token=token)
    assert status == 201, opened
    expect(wall.locator(".wall-checkback")).to_contain_text("Tänd parken")
    status, joined = live_server.request("POST", "/api/v1/join",
                                         {"join_code": workshop["join_code"]})
    status, rated = live_server.request(
        "POST", f"/api/v1/checkback-rounds/{opened['round']['id']}/ratings",
        {"alternative_id": alternative["id"], "value": "supports", "client_id": "r-1"},
        token=joined["participant_token"])
    assert status in (200, 201), rated
    expect(wall.locator(".wall-bar--supports .wall-bar__count")).to_have_text("1")
    expect(wall.locator(".wall-bar--supports .wall-bar__value")).to_have_class(
        "wall-bar__value wall-bar__value--100")
    screenshot(wall, "room-wall-konkret")
    no_violations(wall)


@pytest.mark.parametrize("viewport", [TABLET, NARROW_PHONE], ids=["tablet", "phone-320"])
def test_the_wall_works_on_smaller_screens(
        live_server: Any, new_page: Any, facilitator_state: Any,
        viewport: dict[str, int]) -> None:
    workshop = own_process(live_server, f"Väggen: {viewport['width']}")
    write(live_server, workshop, LONG, "unga", "thought")
    wall = open_wall(new_page, facilitator_state, workshop, viewport)
    # The first picture gets the wall tests' 30 s on a loaded machine (a first watch that
    # goes unanswered is asked again after its own 10 s).
    expect(wall.locator("#wall-list .wall-card")).to_have_count(1, timeout=30_000)
    assert wall.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    no_violations(wall)


def test_older_perspectives_come_back_in_the_spotlight(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    workshop = own_process(live_server, "Väggen: rotation")
    written = [write(live_server, workshop, f"Perspektiv nummer {n}.", "unga")[0]
               for n in range(1, 9)]
    page = new_page(WALL, storage_state=facilitator_state, mobile=False)
    page.clock.install()
    page.goto(f"/facilitator/workshops/{workshop['id']}/projector")
    page.locator('#wall[data-connection="online"]').wait_for()
    spotlight = page.locator("#wall-spotlight")
    # The six newest are on the wall; the two oldest take turns in the spotlight. (The first
    # picture gets the wall tests' 30 s on a loaded machine.)
    expect(page.locator("#wall-list .wall-card")).to_have_count(6, timeout=30_000)
    expect(spotlight).to_have_attribute("data-id", str(written[0]))
    page.clock.run_for(9500)
    expect(spotlight).to_have_attribute("data-id", str(written[1]))
    page.clock.run_for(9000)
    expect(spotlight).to_have_attribute("data-id", str(written[0]))


def test_a_late_first_answer_does_not_leave_the_wall_empty(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    """The wall test that once showed an empty wall (session 3): on a loaded machine the
    first ``workshop:watch`` answer came after the wall's 10 s timeout, the late answer was
    dropped, and the wall waited for a reconnect that never came. Here that first answer is
    lost on its way (the WebSocket is routed through the test); the wall asks again."""
    workshop = own_process(live_server, "Väggen: sent svar")
    first, _ = write(live_server, workshop, "Tänd gångtunneln.", "unga", "idea")
    page = new_page(WALL, storage_state=facilitator_state, mobile=False)
    dropped: list[str] = []

    def route(socket: Any) -> None:
        server = socket.connect_to_server()

        def from_server(message: Any) -> None:
            text = message if isinstance(message, str) else ""
            if not dropped and text.startswith("43/live,") and \
                    '"view":"projector"' in text.replace(" ", ""):
                dropped.append(text[:60])  # the watch's answer: lost
                return
            socket.send(message)

        server.on_message(from_server)

    page.route_web_socket(re.compile(r".*/socket\.io/.*"), route)
    page.goto(f"/facilitator/workshops/{workshop['id']}/projector")
    page.locator('#wall[data-connection="online"]').wait_for()
    expect(page.locator(f'#wall-list [data-id="{first}"]')).to_be_visible(timeout=30_000)
    assert dropped, "the first answer was not routed through the test"
    expect(page.locator("#wall")).to_have_attribute("data-watched", "1")


def test_a_closed_workshops_wall_invites_nobody_to_join_until_it_opens_again(
        live_server: Any, new_page: Any, facilitator_state: Any) -> None:
    workshop = own_process(live_server, "Väggen: stängd")
    wall = open_wall(new_page, facilitator_state, workshop)
    expect(wall.locator(".wall-code")).to_be_visible()

    def state(value: str) -> None:
        status, body = live_server.request("PATCH", f"/api/v1/workshops/{workshop['id']}",
                                           {"state": value}, token=live_server.token)
        assert status == 200, body

    state("closed")
    # Joining a closed workshop is refused: the wall shows no code and no "write on your phone".
    expect(wall.locator("#wall-closed")).to_be_visible()
    expect(wall.locator(".wall-side")).to_be_hidden()
    expect(wall.locator("#wall-empty")).to_be_hidden()
    no_violations(wall)
    wall.reload()
    wall.locator('#wall[data-connection="online"]').wait_for()
    expect(wall.locator(".wall-side")).to_be_hidden()

    state("open")
    expect(wall.locator(".wall-code")).to_be_visible()
    expect(wall.locator("#wall-closed")).to_be_hidden()
