"""The room's set-up, end to end: ``dialog serve --host 0.0.0.0`` (what ``make run
HOST=0.0.0.0`` runs) hands out an address phones on the same network reach.

The facilitator's laptop opens the console on ``127.0.0.1``; the join link, the wall's
address and the QR code must not say ``127.0.0.1`` (a phone would open itself). A phone
then opens that very link over the machine's network interface, joins and writes, and the
console on the laptop shows the perspective live.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from dialog.web.join_address import lan_address
from tests.browser.conftest import (
    NARROW_PHONE,
    TABLET,
    LiveServer,
    axe_violations,
    describe_violations,
)
from tests.realserver import free_port, run_cli, server_env, start_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def room_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    address = lan_address()
    if address is None:
        pytest.skip("this machine has no network address other devices could reach")
    tmp = tmp_path_factory.mktemp("room-network")
    port = free_port()
    env = server_env(tmp, PYTHONUNBUFFERED="1")
    run_cli(env, "db", "upgrade")
    demo = json.loads(run_cli(env, "demo", "--json", "--host", "0.0.0.0", "--port",
                              str(port)).strip().splitlines()[-1])
    server = start_server(env, port, host="0.0.0.0")
    try:
        yield {"laptop": server.url, "room": f"http://{address}:{port}", "demo": demo,
               "log": server.log}
    finally:
        server.stop()


def test_serve_on_every_interface_says_where_phones_join(room_server: dict[str, Any]) -> None:
    printed = room_server["log"].read_text(errors="replace")
    assert f"Deltagarna ansluter på {room_server['room']}/" in printed
    assert "Bara den här datorn" not in printed


def test_a_phone_on_the_network_joins_by_the_link_the_wall_shows(
        room_server: dict[str, Any], browser: Any) -> None:
    demo, room = room_server["demo"], room_server["room"]
    contexts: list[Any] = []
    try:
        laptop = browser.new_context(base_url=room_server["laptop"], viewport=TABLET,
                                     locale="sv-SE")
        contexts.append(laptop)
        laptop.set_default_timeout(15_000)
        console = laptop.new_page()
        console.goto("/facilitator/login")
        console.get_by_label("E-postadress").fill(demo["facilitator"]["email"])
        console.get_by_label("Lösenord").fill(demo["facilitator"]["password"])
        console.locator("main form button[type=submit]").click()
        console.wait_for_url("**/facilitator/")

        # A fresh meeting in inventering, opened on the laptop (127.0.0.1).
        api = LiveServer(url=room_server["laptop"], demo=demo, log=room_server["log"])
        made = api.inventering_workshop("Rummet: nätverket", groups=("unga", "polis"))
        console.goto(f"/facilitator/workshops/{made['id']}")
        console.locator('#connection[data-state="online"]').wait_for()
        link = console.locator(".join-panel__url a")
        expected = f"{room}/j/{made['join_code']}"
        expect(link).to_have_text(expected)
        assert console.locator(".join-panel__qr svg").count() == 1

        wall = laptop.new_page()
        wall.set_viewport_size({"width": 1920, "height": 1080})
        wall.goto(f"/facilitator/workshops/{made['id']}/projector")
        expect(wall.locator("#wall-url")).to_contain_text(room.removeprefix("http://"))
        expect(wall.locator("#wall-url")).not_to_contain_text("127.0.0.1")

        # The phone reaches the laptop over the network, by the link on the wall.
        phone_context = browser.new_context(viewport=NARROW_PHONE, locale="sv-SE",
                                            is_mobile=True, has_touch=True)
        contexts.append(phone_context)
        phone_context.set_default_timeout(15_000)
        phone = phone_context.new_page()
        phone.goto(expected)
        phone.locator('input[name="stakeholder_group"][value="unga"]').check()
        phone.get_by_role("button", name="Gå med").click()
        phone.wait_for_url(re.compile(re.escape(room) + r"/w/\d+$"))
        phone.locator('#connection[data-state="online"]').wait_for()
        phone.get_by_label("Ditt perspektiv").fill("Skrivet över rummets nätverk.")
        phone.get_by_role("radio", name=re.compile("Idé")).check()
        phone.get_by_role("button", name="Skicka").click()
        expect(phone.locator("#write-status")).to_contain_text(
            "Tack! Ditt perspektiv är skickat.")
        expect(console.locator("#feed")).to_contain_text("Skrivet över rummets nätverk.")
        violations = axe_violations(phone)
        assert not violations, describe_violations(violations)
    finally:
        for context in contexts:
            context.close()
