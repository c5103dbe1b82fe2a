"""The samtal pages: console forms work without JavaScript, phones see the open rounds."""

from __future__ import annotations

from tests.samtal.conftest import CSRF, Samtal


def console_url(samtal: Samtal) -> str:
    return f"/facilitator/processes/{samtal.world.process_id}/samtal"


def test_the_console_needs_a_login(samtal: Samtal):
    response = samtal.client.get(console_url(samtal))
    assert response.status_code == 302
    assert "/facilitator/login" in response.headers["Location"]


def test_a_round_built_from_the_form_appears_with_its_indicators(samtal, logged_in):
    response = logged_in.post(
        f"/facilitator/processes/{samtal.world.process_id}/samtal/rounds",
        data={"csrf_token": CSRF, "title": "Trygg väg hem", "basis": "manual",
              "perspective_ids": [str(i) for i in samtal.perspective_ids[:2]], "days": "7"})
    assert response.status_code == 302
    page = logged_in.get(console_url(samtal)).text
    assert "Trygg väg hem" in page
    assert "Lärande i rundan" in page
    assert "Öppen för svar till" in page


def test_a_refused_round_shows_why_and_keeps_what_was_typed(samtal, logged_in):
    response = logged_in.post(
        f"/facilitator/processes/{samtal.world.process_id}/samtal/rounds",
        data={"csrf_token": CSRF, "title": "Bara en", "perspective_ids": [
            str(samtal.perspective_ids[0])]})
    assert response.status_code == 400
    assert "mellan 2 och 8 perspektiv" in response.text
    assert 'value="Bara en"' in response.text
    assert f'value="{samtal.perspective_ids[0]}" checked' in response.text


def test_logging_the_line_shows_the_suggested_intervention(samtal, logged_in):
    response = logged_in.post(
        f"/facilitator/processes/{samtal.world.process_id}/samtal/resistance",
        data={"csrf_token": CSRF, "level": "gossip", "note": "Det pratas i korridoren."})
    assert response.status_code == 302
    page = logged_in.get(console_url(samtal)).text
    assert "Föreslagen intervention: Ta in skvallret i rummet" in page
    assert "Det pratas i korridoren." in page
    assert '<svg viewBox="0 0 900 260" role="img"' in page


def test_an_unknown_level_is_explained(samtal, logged_in):
    response = logged_in.post(
        f"/facilitator/processes/{samtal.world.process_id}/samtal/resistance",
        data={"csrf_token": CSRF, "note": "Något hände."})
    assert response.status_code == 400
    assert "Okänd nivå på motståndslinjen" in response.text
    assert "Något hände." in response.text


def test_phases_are_opened_and_closed_from_the_console(samtal, logged_in):
    back = logged_in.post(f"/facilitator/processes/{samtal.world.process_id}/phases",
                          data={"csrf_token": CSRF, "kind": "inventering"})
    assert back.status_code == 302
    again = logged_in.post(f"/facilitator/processes/{samtal.world.process_id}/phases",
                           data={"csrf_token": CSRF, "kind": "larande_samtal"})
    assert again.headers["Location"].endswith(console_url(samtal))
    page = logged_in.get(console_url(samtal)).text
    assert page.count('class="phase-step ') == 4
    assert 'aria-current="step"' in page
    refused = logged_in.post(f"/facilitator/processes/{samtal.world.process_id}/phases",
                             data={"csrf_token": CSRF, "kind": "larande_samtal"})
    assert refused.status_code == 400
    assert "redan öppen" in refused.text


def test_a_form_without_the_csrf_token_is_refused(samtal, logged_in):
    response = logged_in.post(f"/facilitator/processes/{samtal.world.process_id}/phases",
                              data={"kind": "inventering"})
    assert response.status_code == 400


def test_the_phone_page_shows_the_open_rounds_and_the_prompts(samtal, open_round):
    page = samtal.client.get(f"/w/{samtal.world.workshop_id}/samtal").text
    assert "Unga och polisen" in page
    assert "Vuxna pratar om oss men inte med oss." in page
    for prompt in ("Det här förstår jag nu, efter att ha hört ett annat perspektiv",
                   "Det här vill jag fråga", "Det här är viktigt att vi inte tappar"):
        assert prompt in page
    assert all(word in page for word in ("Oförändrad", "Nyanserad", "Förändrad"))


def test_the_phone_page_says_when_no_round_is_open(samtal):
    page = samtal.client.get(f"/w/{samtal.world.workshop_id}/samtal").text
    assert "Ingen samtalsrunda är öppen just nu" in page


def test_the_now_page_asks_the_api_for_the_screen(samtal):
    page = samtal.client.get(f"/w/{samtal.world.workshop_id}/now").text
    assert 'data-screen-url="/api/v1/me/screen"' in page


def test_the_openapi_document_describes_the_samtal_paths(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    for path in ("/processes/{id}/phases", "/phases/{id}/close", "/me/screen",
                 "/processes/{id}/conversation-rounds", "/processes/{id}/conversation-suggestions",
                 "/conversation-rounds/{id}/reflections", "/conversation-rounds/{id}/indicators",
                 "/me/conversation-rounds", "/processes/{id}/resistance-line"):
        assert path in paths, path
    assert "201" in paths["/processes/{id}/phases"]["post"]["responses"]


def test_the_process_page_links_to_the_samtal_console(samtal, logged_in):
    page = logged_in.get(f"/facilitator/processes/{samtal.world.process_id}").text
    assert f'href="{console_url(samtal)}"' in page
    assert "Faser och lärande samtal" in page


def test_the_phone_page_does_not_call_the_required_question_optional(samtal, open_round):
    # The text boxes are optional; how one's view has moved is not (view_change_required).
    page = samtal.client.get(f"/w/{samtal.world.workshop_id}/samtal").text
    assert "Alla rutor är frivilliga" not in page
    assert "Textrutorna är frivilliga" in page
    assert "Hur är din egen syn nu? (välj ett)" in page
    english = samtal.client.get(f"/w/{samtal.world.workshop_id}/samtal?lang=en").text
    assert "Every box is optional" not in english
    assert "How is your own view now? (choose one)" in english
