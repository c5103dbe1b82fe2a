"""The later phases on the page and in the report, the console, the statement and the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from dialog.cli import cli
from dialog.demo import DemoResult
from dialog.extensions import db
from dialog.models import ConversationRound
from tests.conftest import PASSWORD, World
from tests.publish.conftest import Publisher, konkretisera, pdf_text


def test_alternatives_and_proposals_are_published_with_support_conditions_and_dissent(
        publisher: Publisher):
    konkretisera(publisher)
    publisher.publish()
    page = publisher.page()
    for text in ("Lösningsalternativ", "Tänd parken", "Antaget med protokollförd invändning",
                 # counts of people below five are never printed (the small-number rule)
                 "Omröstning 1: färre än 5 för, färre än 5 emot",
                 "Omröstning 2: färre än 5 för, färre än 5 emot",
                 "Minoritetens villkor", "Att belysningen släcks efter midnatt.",
                 "Protokollförd invändning", "färre än 5 deltagare stod fast vid sin invändning.",
                 "Det blir för ljust för grannarna.", "Ni sa, vi gör", "Ni sa", "Vi gör",
                 "Belysning i Societetsparken", "Varbergs kommun", "120 tkr", "Pågår",
                 "Armaturerna är beställda.", "Parken är mörk och otrygg på kvällen."):
        assert text in page, text
    report = pdf_text(publisher.file("report.pdf"))
    for text in ("Tänd parken", "Minoritetens villkor", "120 tkr", "1 förslag."):
        assert text in report, text


def test_a_hidden_alternative_is_never_published(publisher: Publisher):
    chain = konkretisera(publisher)
    hidden = publisher.api("POST", f"/processes/{publisher.process_id}/alternatives", {
        "title": "Kameror överallt", "description": "Övervakning i hela parken.",
        "perspective_ids": chain.perspective_ids})
    assert hidden.status_code == 201
    response = publisher.api("PATCH", f"/alternatives/{hidden.json['id']}",
                             {"hidden": True, "reason": "Dubblett"})
    assert response.status_code == 200, response.json
    publisher.publish()
    assert [a["title"] for a in publisher.snapshot()["alternatives"]] == ["Tänd parken"]
    assert "Kameror överallt" not in publisher.page()


def test_the_demo_lights_up_the_map_and_the_later_phases_it_has(demo: Publisher):
    snapshot = demo.snapshot()
    assert snapshot["map"]["themes"]
    assert snapshot["map"]["graph"]["nodes"]
    page = demo.page()
    assert "Teman" in page
    assert 'class="map-picture"' in page
    if snapshot.get("learning"):
        assert "Lärande samtal" in page
    if snapshot.get("reactions"):
        assert "Åsiktsgrupper, samsyn och det som delar" in page


def test_the_demo_json_names_the_public_page(app):
    with db.transaction() as session:
        from dialog.demo import build_demo

        result: DemoResult = build_demo(session)
    urls = result.as_dict("http://localhost:5000")["urls"]
    assert urls["public"] == f"http://localhost:5000/p/{result.slug}"
    assert urls["join"].startswith("http://localhost:5000/j/")  # the others are kept


def _login(client, world: World) -> None:
    page = client.get("/facilitator/login")
    token = page.get_data(as_text=True).split('name="csrf_token" value="')[1].split('"')[0]
    client.post("/facilitator/login", data={"email": world.facilitator_email,
                                            "password": PASSWORD, "csrf_token": token})


def _csrf(html: str) -> str:
    return html.split('name="csrf_token" value="')[1].split('"')[0]


def test_the_facilitator_previews_then_publishes_deliberately(world, client, publisher, crowd):
    crowd("unga", 2)
    _login(client, world)
    page = client.get(f"/facilitator/processes/{world.process_id}/publication")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Förhandsvisning" in html
    assert "Perspektiv 1 från unga" in html
    url = f"/facilitator/processes/{world.process_id}/publication"
    unconfirmed = client.post(url, data={"csrf_token": _csrf(html), "note": ""})
    assert unconfirmed.status_code == 400
    assert "Bekräfta att du vill publicera" in unconfirmed.get_data(as_text=True)
    assert publisher.get(f"/p/{publisher.slug}").status_code == 404
    done = client.post(url, data={"csrf_token": _csrf(html), "note": "Första", "confirm": "on",
                                  "licence": "CC-BY-4.0"}, follow_redirects=True)
    assert "Version 1 är publicerad." in done.get_data(as_text=True)
    assert "Första" in publisher.page()
    saved = client.post(f"{url}/settings", data={"csrf_token": _csrf(html),
                                                 "licence": "CC0-1.0",
                                                 "retention_until": "2030-06-30"},
                        follow_redirects=True)
    assert 'value="2030-06-30"' in saved.get_data(as_text=True)


@pytest.mark.parametrize(("form", "shown"), [
    ({"licence": "MIT"}, "Okänd licens."),
    ({"retention_until": "igår"}, "Gallringsdatumet måste vara ett datum"),
])
def test_a_refused_settings_form_shows_the_page_again_with_the_reason(world, client, form,
                                                                       shown):
    _login(client, world)
    url = f"/facilitator/processes/{world.process_id}/publication"
    html = client.get(url).get_data(as_text=True)
    refused = client.post(f"{url}/settings", data={"csrf_token": _csrf(html), **form})
    assert refused.status_code == 400
    assert shown in refused.get_data(as_text=True)


def test_another_facilitators_publication_page_is_refused(world, client, make_facilitator):
    make_facilitator("annan@halmstad.se")
    page = client.get("/facilitator/login").get_data(as_text=True)
    client.post("/facilitator/login", data={"email": "annan@halmstad.se", "password": PASSWORD,
                                            "csrf_token": _csrf(page)})
    url = f"/facilitator/processes/{world.process_id}/publication"
    assert client.get(url).status_code == 403
    html = client.get("/facilitator/processes/new").get_data(as_text=True)
    refused = client.post(url, data={"csrf_token": _csrf(html), "confirm": "on"})
    assert refused.status_code == 403
    assert client.get(f"/facilitator/processes/{world.process_id + 99}/publication"
                      ).status_code == 404


def test_the_console_page_links_to_publication(world, client):
    _login(client, world)
    html = client.get(f"/facilitator/processes/{world.process_id}").get_data(as_text=True)
    assert f"/facilitator/processes/{world.process_id}/publication" in html


@pytest.mark.parametrize(("lang", "expected"), [
    ("sv", ["Tillgänglighetsredogörelse", "delvis förenlig", "WCAG 2.1 nivå AA", "Kända brister",
            "https://www.digg.se/tdosanmalan", "axe-core", "Redogörelsen uppdaterades senast"]),
    ("en", ["Accessibility statement", "partially compliant", "Known problems"]),
])
def test_the_accessibility_statement_has_what_digg_asks_for(client, lang, expected):
    html = client.get(f"/tillganglighet?lang={lang}").get_data(as_text=True)
    for text in expected:
        assert text in html, text


def test_the_statement_names_the_configured_contact(client, monkeypatch):
    monkeypatch.setenv("DIALOG_ACCESSIBILITY_CONTACT", "tillganglighet@varberg.se, 0340-880 00")
    html = client.get("/tillganglighet").get_data(as_text=True)
    assert "tillganglighet@varberg.se, 0340-880 00" in html


def test_every_page_links_to_the_statement_from_its_footer(client):
    assert 'href="/tillganglighet"' in client.get("/").get_data(as_text=True)


def test_dialog_publish_from_the_command_line(publisher: Publisher, crowd, monkeypatch,
                                              settings):
    crowd("unga", 1)
    monkeypatch.setenv("DIALOG_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("DIALOG_SECRET_KEY", settings.secret_key)
    monkeypatch.setenv("DIALOG_INSTANCE_DIR", str(settings.instance_dir))
    result = CliRunner().invoke(cli, ["publish", str(publisher.process_id), "--json",
                                      "--note", "Från terminalen"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["version"] == 1
    assert "Från terminalen" in publisher.page()


def test_the_openapi_document_describes_publication(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    for path in ("/processes/{id}/publications", "/processes/{id}/publication-preview",
                 "/processes/{id}/publication-settings", "/processes/{id}/records.json",
                 "/processes/{id}/records.zip"):
        assert path in paths


def test_every_conversation_round_of_the_demo_is_published_in_order(demo: Publisher):
    """The learning section reads lärande samtal through its Phase contract (``produce``)."""
    with db.transaction() as session:
        rounds = list(session.scalars(select(ConversationRound).where(
            ConversationRound.process_id == demo.process_id).order_by(ConversationRound.id)))
        expected = [(r.id, r.number, r.title) for r in rounds]
    learning = demo.snapshot().get("learning") or []
    assert expected
    assert [(r["id"], r["number"], r["title"]) for r in learning] == expected
    for shown in learning:
        assert set(shown) == {"id", "number", "title", "phase_round", "status", "participants",
                              "understood", "shifted", "view_changes", "perspectives",
                              "moved_by"}
        assert all(set(q) >= {"id", "text", "kind", "stakeholder_group"}
                   for q in shown["perspectives"])


def test_the_publication_console_names_the_licences_in_the_readers_language(world, client):
    _login(client, world)
    url = f"/facilitator/processes/{world.process_id}/publication"
    swedish = client.get(url).get_data(as_text=True)
    english = client.get(url + "?lang=en").get_data(as_text=True)
    assert "Creative Commons Erkännande 4.0 Internationell (CC BY 4.0)" in swedish
    assert "Creative Commons Attribution 4.0 International (CC BY 4.0)" in english
    assert "Erkännande" not in english


def test_an_english_reader_reads_the_licence_and_the_contact_in_english(
        publisher: Publisher, client):
    publisher.write("Mer ljus i parken.")
    publisher.publish()
    english = publisher.page(lang="en")
    assert "Creative Commons Attribution 4.0 International (CC BY 4.0)" in english
    assert "Erkännande" not in english
    assert "Creative Commons Erkännande 4.0 Internationell (CC BY 4.0)" in publisher.page()
    report = publisher.get(f"/p/{publisher.slug}/report.html?lang=en").get_data(as_text=True)
    assert "Creative Commons Attribution 4.0 International (CC BY 4.0)" in report
    statement = client.get("/tillganglighet?lang=en").get_data(as_text=True)
    assert "kontaktcenter" not in statement
    assert "the facilitator of the process or the municipality" in statement
    swedish = client.get("/tillganglighet?lang=sv").get_data(as_text=True)
    assert "samtalsledaren för processen eller kommunens kontaktcenter" in swedish
