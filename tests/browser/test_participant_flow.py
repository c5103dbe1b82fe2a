"""A participant on a phone joins, writes and sends; the room sees it live.

Specifications, in the order a workshop happens: join by code, send a perspective, the
facilitator's tablet shows it without a reload, the wall shows it once approved.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE_SCREEN, PROJECTOR, join, screenshot, wait_online

pytestmark = pytest.mark.browser


def open_console(tablet: Any, workshop_id: int) -> None:
    tablet.goto(f"/facilitator/workshops/{workshop_id}")
    wait_online(tablet)
    # Mark the document: if the page reloaded, the mark would be gone.
    tablet.evaluate("window.__sameDocument = true")


def send(phone: Any, text: str, kind: str = "Idé") -> None:
    phone.get_by_label("Ditt perspektiv").fill(text)
    phone.get_by_role("radio", name=re.compile(kind)).check()
    phone.get_by_role("button", name="Skicka").click()
    expect(phone.locator("#write-status")).to_contain_text("Tack! Ditt perspektiv är skickat.")


def test_phone_joins_by_code_and_the_console_shows_the_perspective_without_reload(
    live_server: Any, phone: Any, tablet: Any, workshop: dict[str, Any],
) -> None:
    open_console(tablet, workshop["id"])
    group_row = tablet.locator('#tally-groups [data-group="polis"]')
    expect(group_row).to_contain_text("saknas")
    expect(tablet.locator("#missing-prompt")).to_contain_text("Vilket perspektiv saknas?")
    expect(tablet.locator("#missing-text")).to_contain_text("polis")

    # The phone types the code on the start page, like someone who could not scan the QR.
    phone.goto("/")
    phone.get_by_label("Kod").fill(workshop["join_code"].lower())
    phone.get_by_role("button", name="Gå vidare").click()
    phone.wait_for_url(f"**/j/{workshop['join_code']}")
    phone.locator('input[name="stakeholder_group"][value="polis"]').check()
    phone.get_by_label("Ålder").select_option("26-45")
    phone.get_by_role("button", name="Gå med").click()
    phone.wait_for_url(PHONE_SCREEN)  # the demo's meetings are in konkretisering: go write
    phone.goto(f"/w/{workshop['id']}")
    wait_online(phone)
    expect(phone.get_by_label("Jag skriver som")).to_have_value("polis")

    text = "Vi vill vara närvarande utan att skrämma – fika med oss på fredag."
    send(phone, text, "Idé")
    expect(phone.locator("#write-status")).to_contain_text("Godkänd")
    expect(phone.get_by_label("Ditt perspektiv")).to_have_value("")
    screenshot(phone, "phone-write-sent", full_page=True)

    card = tablet.locator("#feed > li", has_text=text)
    expect(card).to_be_visible()
    expect(card).to_contain_text("Idé")
    expect(card).to_contain_text("Polis")
    expect(card).to_contain_text("Godkänd")
    expect(group_row).to_contain_text("1")
    expect(group_row).not_to_contain_text("saknas")
    expect(tablet.locator("#missing-text")).not_to_contain_text("polis")
    expect(tablet.locator('#tally-kinds [data-kind="idea"] .tally__count')).to_have_text("1")
    assert tablet.evaluate("window.__sameDocument") is True, "the console reloaded"
    screenshot(tablet, "tablet-console")

    # The phone lists what it sent, with the status in words.
    phone.get_by_role("link", name="Se det du har skickat").click()
    item = phone.locator("#sent-list > li", has_text=text)
    expect(item).to_contain_text("Status: Godkänd")
    assert not phone.js_errors
    assert not tablet.js_errors


def test_the_wall_shows_a_perspective_once_it_is_approved(
    live_server: Any, phone: Any, tablet: Any, new_page: Any, facilitator_state: Any,
) -> None:
    workshop = live_server.inventering_workshop("Väggen med förhandsgranskning",
                                                pre_moderation=True)
    wall = new_page(PROJECTOR, storage_state=facilitator_state)
    wall.goto(f"/facilitator/workshops/{workshop['id']}/projector")
    expect(wall.locator(".wall-code")).to_contain_text(workshop["join_code"])
    expect(wall.locator(".wall-qr svg")).to_be_visible()
    open_console(tablet, workshop["id"])

    join(phone, workshop["join_code"], group="skola")
    text = "Skolan märker oron först. Ge oss tid att prata om den."
    send(phone, text, "Ståndpunkt")
    expect(phone.locator("#write-status")).to_contain_text("Väntar på granskning")

    card = tablet.locator("#feed > li", has_text=text)
    expect(card).to_contain_text("Väntar på granskning")
    expect(wall.locator("#wall-list")).not_to_contain_text(text)

    card.get_by_role("button", name=re.compile("^Godkänn")).click()
    expect(card).to_contain_text("Godkänd")
    wall_card = wall.locator("#wall-list > li", has_text=text)
    expect(wall_card).to_be_visible()
    expect(wall_card).to_contain_text("Ståndpunkt")
    expect(wall.locator('#wall-groups [data-group="skola"]')).to_contain_text("1")
    expect(wall.locator('#wall-groups [data-group="polis"]')).to_contain_text("saknas")
    # The phone hears about the decision too.
    expect(phone.locator("#write-status")).to_contain_text("Godkänd")
    screenshot(wall, "projector")

    # Hiding takes it off the wall again, with a reason the phone shows.
    card.get_by_role("button", name=re.compile("^Dölj")).click()
    card.get_by_role("button", name=re.compile("^Hör inte hit")).click()
    expect(card).to_contain_text("Dold")
    expect(phone.locator("#write-status")).to_contain_text("handlar inte om frågan")
    expect(wall_card).to_have_count(0)
    assert not wall.js_errors


def test_personal_data_is_flagged_and_stays_off_the_wall(
    live_server: Any, phone: Any, tablet: Any, workshop: dict[str, Any],
) -> None:
    open_console(tablet, workshop["id"])
    join(phone, workshop["join_code"])
    send(phone, "Ring mig på 070-123 45 67 så berättar jag mer.", "Tanke")
    expect(phone.locator("#write-status")).to_contain_text("Väntar på granskning")

    card = tablet.locator("#feed > li", has_text="070-123 45 67")
    expect(card).to_contain_text("Innehåller personuppgifter: telefonnummer")
    expect(card).to_contain_text("Väntar på granskning")
    expect(card.get_by_role("button", name=re.compile("^Godkänn ändå"))).to_be_visible()
    expect(tablet.locator('[data-count-for="pending"]')).to_have_text("1")


def test_approved_anyway_the_card_no_longer_says_it_waits_for_approval(
    live_server: Any, phone: Any, tablet: Any, workshop: dict[str, Any],
) -> None:
    """After "Godkänn ändå" the card said "Godkänd" and, in red, "Visas inte på väggen förrän
    du godkänner det": the facilitator could not tell what the room now sees."""
    open_console(tablet, workshop["id"])
    join(phone, workshop["join_code"])
    send(phone, "Ring mig på 070-123 45 67 så visar jag var det är mörkt.", "Tanke")
    card = tablet.locator("#feed > li", has_text="070-123 45 67")
    card.get_by_role("button", name=re.compile("^Godkänn ändå")).click()
    expect(card.locator(".status")).to_contain_text("Godkänd")
    expect(card.locator(".pd-warning")).to_contain_text("telefonnummer")
    expect(card.locator(".pd-warning")).not_to_contain_text("förrän du godkänner")
    expect(card.locator(".pd-warning")).to_contain_text("med personuppgifterna borttagna")
    tablet.reload()
    card = tablet.locator("#feed > li", has_text="070-123 45 67")
    expect(card.locator(".pd-warning")).to_contain_text("med personuppgifterna borttagna")


def test_the_console_can_close_the_workshop_and_the_phone_is_told(
    live_server: Any, phone: Any, tablet: Any, workshop: dict[str, Any],
) -> None:
    open_console(tablet, workshop["id"])
    join(phone, workshop["join_code"])
    expect(phone.locator("#state-banner")).to_be_hidden()

    tablet.get_by_role("button", name="Stäng workshoppen").click()
    tablet.get_by_role("button", name="Ja, stäng").click()  # closing asks first
    expect(tablet.locator("#state-text")).to_have_text("Stängd")
    expect(phone.locator("#state-banner")).to_be_visible()
    expect(phone.locator("#state-banner")).to_contain_text("Workshoppen är stängd")

    tablet.get_by_role("button", name="Öppna workshoppen").click()
    expect(tablet.locator("#state-text")).to_have_text("Öppen")
    expect(phone.locator("#state-banner")).to_be_hidden()

    tablet.get_by_label("Granska allt innan det visas på väggen").check()
    expect(tablet.locator("#controls-status")).to_contain_text("Förhandsgranskning är på.")
    status, body = live_server.request("GET", f"/api/v1/workshops/{workshop['id']}",
                                       token=live_server.token)
    assert status == 200
    assert body["pre_moderation"] is True


def test_write_page_without_a_token_sends_the_phone_to_the_code_form(
    phone: Any, workshop: dict[str, Any],
) -> None:
    """A page reached by id does not know the code: a phone that never joined types it."""
    phone.goto(f"/w/{workshop['id']}")
    phone.wait_for_url(re.compile(r"://[^/]+/$"))
    expect(phone.get_by_label("Kod")).to_be_visible()
    phone.goto(f"/w/{workshop['id']}/sent")
    expect(phone.get_by_label("Kod")).to_be_visible()


def test_a_phone_whose_token_is_forgotten_joins_again_with_its_own_code(
    phone: Any, workshop: dict[str, Any],
) -> None:
    workshop_id = join(phone, workshop["join_code"])
    phone.evaluate(f"localStorage.removeItem('dialog.token.{workshop_id}')")
    phone.goto(f"/w/{workshop_id}/sent")
    phone.wait_for_url(f"**/j/{workshop['join_code']}")


def test_the_phone_counts_characters_as_the_server_does_emoji_too(
    live_server: Any, phone: Any, workshop: dict[str, Any],
) -> None:
    join(phone, workshop["join_code"])
    text = "Ljus på stranden " + "🌅" * 470 + "!"  # 488 characters, 958 UTF-16 units
    phone.get_by_label("Ditt perspektiv").fill(text)
    expect(phone.locator("#counter")).to_have_text("488/500")
    send(phone, text, "Idé")
    assert [p["text"] for p in live_server.perspectives() if p["text"] == text] == [text]
    phone.get_by_label("Ditt perspektiv").fill("🌅" * 501)
    expect(phone.locator("#counter")).to_contain_text("501/500 · 1 tecken för mycket")
    phone.get_by_role("button", name="Skicka").click()
    expect(phone.locator("#write-status")).to_contain_text("Texten är 501 tecken.")
    assert not phone.js_errors


def test_the_counter_counts_what_the_server_keeps_not_the_spaces_around_it(
    live_server: Any, phone: Any, workshop: dict[str, Any],
) -> None:
    join(phone, workshop["join_code"])
    box = phone.get_by_label("Ditt perspektiv")
    box.fill("  " + "a" * 899 + " \n")  # the server trims: 899 characters
    expect(phone.locator("#counter")).to_contain_text("899/500 · 399 tecken för mycket")
    phone.get_by_role("button", name="Skicka").click()
    expect(phone.locator("#write-status")).to_contain_text("Texten är 899 tecken.")
    box.fill("🌅" * 500 + "   ")
    expect(phone.locator("#counter")).to_have_text("500/500")
    assert not phone.js_errors


def test_a_meeting_that_needs_a_participant_code_says_so_once_when_a_join_is_refused(
    live_server: Any, phone: Any,
) -> None:
    workshop = live_server.new_workshop("Bara med deltagarkod")
    status, body = live_server.request("PATCH", f"/api/v1/workshops/{workshop['id']}",
                                       {"requires_participant_code": True},
                                       token=live_server.token)
    assert status == 200, body
    phone.goto(f"/j/{workshop['join_code']}")
    phone.get_by_label("Har du en deltagarkod?").fill("   ")  # passes `required`, sent as no code
    phone.get_by_role("button", name="Gå med").click()
    code = phone.get_by_label("Har du en deltagarkod?")
    expect(code).to_have_attribute("aria-invalid", "true")
    expect(code).to_be_focused()
    said = phone.locator("main").inner_text()
    assert said.count("kräver din deltagarkod") == 1, said
    expect(phone.locator("#participant-code-hint")).to_have_class(re.compile("field__hint--error"))
    assert not phone.js_errors
