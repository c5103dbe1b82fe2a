"""A workshop's join code is only for phones that already joined, and guessing codes is slowed.

Phone pages are reachable by workshop id without a token, so they must not carry the code:
a phone that joined keeps the code it joined with in its own storage.
"""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.conftest import World

PHONE_PAGES = ("/w/{id}", "/w/{id}/sent", "/w/{id}/react", "/w/{id}/samtal",
               "/w/{id}/konkret", "/w/{id}/now")


@pytest.mark.parametrize("page", PHONE_PAGES)
def test_a_phone_page_reached_by_id_does_not_reveal_the_join_code(client: FlaskClient,
                                                                  world: World, page: str):
    response = client.get(page.format(id=world.workshop_id))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert world.join_code not in html
    assert "/j/" not in html


def test_the_join_page_lets_the_phone_remember_its_code(client: FlaskClient, world: World):
    html = client.get(f"/j/{world.join_code}").get_data(as_text=True)
    assert f'data-join-code="{world.join_code}"' in html


def wrong_codes(count: int) -> list[str]:
    return [f"ZZZZ{n:02d}"[:6] for n in range(count)]


def test_guessing_codes_over_the_api_is_throttled_per_client(client: FlaskClient, world: World):
    answers = [client.post("/api/v1/join", json={"join_code": code}).status_code
               for code in wrong_codes(25)]
    assert answers[0] == 404
    assert 429 in answers
    refused = client.post("/api/v1/join", json={"join_code": world.join_code})
    assert refused.status_code == 429
    assert refused.json["error"]["code"] == "join_code_throttled"
    assert "försök" in refused.json["error"]["message"].lower()
    assert int(refused.headers["Retry-After"]) >= 1


def test_another_client_address_may_still_join(client: FlaskClient, world: World):
    for code in wrong_codes(25):
        client.post("/api/v1/join", json={"join_code": code})
    other = client.post("/api/v1/join", json={"join_code": world.join_code},
                        environ_base={"REMOTE_ADDR": "10.9.8.7"})
    assert other.status_code == 201


def test_guessing_codes_on_the_join_page_is_throttled(client: FlaskClient, world: World):
    statuses = [client.get(f"/j/{code}").status_code for code in wrong_codes(25)]
    assert statuses[0] == 404
    assert statuses[-1] == 429
    refused = client.get(f"/join?code={world.join_code}")
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) >= 1
    assert "För många felaktiga koder" in refused.get_data(as_text=True)


def test_a_full_room_behind_one_address_joins_without_being_throttled(client: FlaskClient,
                                                                       world: World):
    """A school's Wi-Fi puts every phone behind one address: right codes are not counted."""
    for _ in range(60):
        assert client.post("/api/v1/join", json={"join_code": world.join_code}).status_code == 201
        assert client.get(f"/j/{world.join_code}").status_code == 200
