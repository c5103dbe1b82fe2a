"""The perspective map's pages, through the Flask test client: who may see what, and links."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from flask.testing import FlaskClient

from dialog.i18n import catalogue
from tests.conftest import PASSWORD, World


def log_in(client: FlaskClient, email: str) -> None:
    page = client.get("/facilitator/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token
    response = client.post("/facilitator/login", data={
        "email": email, "password": PASSWORD, "csrf_token": token.group(1)})
    assert response.status_code == 302


def page_strings(html: str) -> dict:
    """The strings a page hands its script in <script id="i18n">."""
    found = re.search(r'<script type="application/json" id="i18n">(.*?)</script>', html, re.S)
    assert found, "the page carries its strings"
    return json.loads(found.group(1))


def test_the_react_page_needs_no_login_and_offers_three_answers(client: FlaskClient, world: World):
    response = client.get(f"/w/{world.workshop_id}/react")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for word in ("Håller med", "Håller inte med", "Vet inte"):
        assert f'<span class="react-button__word">{word}</span>' in html
    assert "Du har reagerat på alla perspektiv just nu" in html
    assert f'href="/w/{world.workshop_id}"' in html  # the way back to writing
    assert 'aria-live="polite"' in html
    assert page_strings(html)["votes"]["agree"] == "Håller med"


def test_the_react_page_speaks_english_when_asked(client: FlaskClient, world: World):
    html = client.get(f"/w/{world.workshop_id}/react?lang=en").get_data(as_text=True)
    for word in ("Agree", "Disagree", "Pass"):
        assert f'<span class="react-button__word">{word}</span>' in html


def test_an_unknown_workshop_has_no_react_page(client: FlaskClient, world: World):
    response = client.get(f"/w/{world.workshop_id + 99}/react")
    assert response.status_code == 404
    assert "<html" in response.get_data(as_text=True)


@pytest.mark.parametrize("suffix", ["/map", "/map/projector"])
def test_the_map_pages_need_a_login(client: FlaskClient, world: World, suffix: str):
    response = client.get(f"/facilitator/processes/{world.process_id}{suffix}")
    assert response.status_code == 302
    assert "/facilitator/login" in response.headers["Location"]


@pytest.mark.parametrize("suffix", ["/map", "/map/projector"])
def test_the_map_pages_describe_the_graph_for_screen_readers(
    client: FlaskClient, world: World, suffix: str,
):
    log_in(client, world.facilitator_email)
    html = client.get(f"/facilitator/processes/{world.process_id}{suffix}").get_data(as_text=True)
    canvas = re.search(r'<div class="map-canvas[^"]*" id="map-canvas"([^>]*)>', html)
    assert canvas, "the graph has its container"
    assert 'role="img"' in canvas.group(1)
    assert 'aria-label="Perspektivkarta:' in canvas.group(1)
    assert 'aria-describedby="map-summary"' in canvas.group(1)
    assert 'id="map-summary"' in html
    assert 'id="table-wrap"' in html  # the table alternative
    assert f'data-process-id="{world.process_id}"' in html
    assert re.search(r'data-api-token="[^"]+"', html)
    assert "vendor/cytoscape/cytoscape.min.js" in html
    assert "Vilket perspektiv saknar vi?" in html


def test_the_facilitator_map_offers_the_views_and_the_link_form(client: FlaskClient, world: World):
    log_in(client, world.facilitator_email)
    html = client.get(f"/facilitator/processes/{world.process_id}/map").get_data(as_text=True)
    for heading in ("Åsiktsgrupper", "Det nästan alla delar", "Där grupperna går isär",
                    "Teman", "Vem har sagt något om vad?", "Kartan som tabell"):
        assert f">{heading}</h" in html
    assert f'data-links-url="/api/v1/processes/{world.process_id}/links"' in html
    for relation in ("builds_on", "contrasts_with", "same_as"):
        assert f'<option value="{relation}">' in html
    assert page_strings(html)["edge"]["builds_on"] == "bygger vidare på"


def test_another_facilitators_map_is_refused(
    client: FlaskClient, make_world: Callable[..., World], world: World,
):
    other = make_world(email="annan@kungsbacka.se")
    log_in(client, world.facilitator_email)
    response = client.get(f"/facilitator/processes/{other.process_id}/map")
    assert response.status_code == 403


@pytest.mark.parametrize(("path", "target"), [
    ("/w/{workshop}", "/w/{workshop}/react"),
    ("/w/{workshop}/sent", "/w/{workshop}/react"),
    ("/facilitator/workshops/{workshop}", "/facilitator/processes/{process}/map"),
    ("/facilitator/processes/{process}", "/facilitator/processes/{process}/map"),
])
def test_the_phone_and_the_console_link_to_the_map_pages(
    client: FlaskClient, world: World, path: str, target: str,
):
    log_in(client, world.facilitator_email)
    ids = {"workshop": world.workshop_id, "process": world.process_id}
    html = client.get(path.format(**ids)).get_data(as_text=True)
    assert f'href="{target.format(**ids)}"' in html


def flat_keys(locale: str) -> set[str]:
    return {k for k in catalogue(locale) if k.startswith("mapview.")}


def test_every_map_string_exists_in_swedish_and_english():
    assert flat_keys("sv") == flat_keys("en")
    assert len(flat_keys("sv")) > 100
