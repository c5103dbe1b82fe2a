"""How the room matrix reaches each page of the room, by who visits it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playwright.sync_api import expect

from tests.browser.room_checks import map_ready, online, wall_online
from tests.browser.room_scene import REASON_HIDE, REASON_REDACT

Visit = Callable[[Any, dict[str, Any]], None]


def _join(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/j/{s['inv']['join_code']}")


def _write(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/w/{s['inv']['id']}")
    online(page)


def _sent(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/w/{s['inv']['id']}/sent")
    online(page)
    items = page.locator("#sent-list .my-item")
    expect(items).to_have_count(3)
    expect(page.locator("#sent-list")).to_contain_text(REASON_REDACT)
    expect(page.locator("#sent-list")).to_contain_text(REASON_HIDE)


def _react(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/w/{s['inv']['id']}/react")
    online(page)


def _phone_samtal(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/w/{s['samtal']['id']}/samtal")
    online(page)
    expect(page.locator("main")).to_contain_text("Vad förstår du nu")


def _phone_minority(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/w/{s['closed']['id']}/konkret")
    online(page)
    expect(page.locator("#minority-section")).to_be_visible()


def _phone_checkback_and_vote(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/w/{s['opened']['id']}/konkret")
    online(page)
    expect(page.locator("main")).to_contain_text("Nattvandring med föreningarna")
    expect(page.get_by_role("button", name="Skicka din röst")).to_be_visible()


def _dashboard(page: Any, s: dict[str, Any]) -> None:
    page.goto("/facilitator/")


def _process(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/facilitator/processes/{s['inv']['process_id']}")
    expect(page.locator("#phase-now")).to_contain_text("Pågående fas")


def _console(key: str) -> Visit:
    def visit(page: Any, s: dict[str, Any]) -> None:
        page.goto(f"/facilitator/workshops/{s[key]['id']}")
        online(page)
        expect(page.locator("#phase-now")).to_contain_text("Pågående fas")
        page.locator("#feed .p-card").first.wait_for()
    return visit


def _moderation(page: Any, s: dict[str, Any]) -> None:
    _console("moderated")(page, s)
    card = page.locator("#feed > li", has_text="070-765")
    expect(card).to_contain_text("Väntar")
    card.locator(".redact-box summary").click()
    expect(card.get_by_label("Varför ändras eller döljs texten?")).to_be_visible()


def _close_workshop(page: Any, s: dict[str, Any]) -> None:
    _console("inv")(page, s)
    page.locator("#state-toggle").click()
    expect(page.locator("#confirm-close-workshop")).to_be_visible()


def _samtal_console(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/facilitator/processes/{s['samtal']['process_id']}/samtal")
    expect(page.locator("#phase-now")).to_contain_text("Lärande samtal")


def _konkret_console(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/facilitator/processes/{s['opened']['process_id']}/konkret")
    online(page)
    expect(page.locator("#phase-now")).to_contain_text("Konkretisering")


def _alternative_vote(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/facilitator/alternatives/{s['opened_alternative']['id']}")
    expect(page.locator(".vote-open")).to_be_visible()


def _alternative_minority(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/facilitator/alternatives/{s['closed_alternative']['id']}")
    expect(page.locator("#amendments")).to_contain_text("Att ljuset är varmt")


def _map_cards(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/facilitator/processes/{s['demo']['process_id']}/map")
    map_ready(page)
    expect(page.locator("#opinion-heading")).to_be_visible()


def _map_graph(page: Any, s: dict[str, Any]) -> None:
    _map_cards(page, s)
    page.get_by_role("button", name="Karta (expertvy)").click()
    expect(page.locator("#map-canvas")).to_be_visible()


def _map_rename(page: Any, s: dict[str, Any]) -> None:
    _map_cards(page, s)
    box = page.locator("#theme-list .theme-rename__box").first
    box.locator("summary").click()
    expect(box.get_by_label("Temats namn")).to_be_visible()


def _phase_confirm(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/facilitator/processes/{s['inv']['process_id']}/phases/confirm")
    expect(page.get_by_role("radio", name="Lärande samtal (föreslås)")).to_be_checked()


def _phase_close(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/facilitator/processes/{s['inv']['process_id']}")
    page.locator("#phase-close").click()
    expect(page.get_by_role("heading", name="Stäng fasen?")).to_be_visible()


def _publication_preview(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/facilitator/processes/{s['demo']['process_id']}/publication")
    expect(page.locator("h1")).to_be_visible()


#: The wall's first picture waits for its live connection's first answer: on a loaded
#: machine (load average 15 on two cores) that has taken more than ten seconds.
FIRST = 30_000


def _wall(key: str, template: str) -> Visit:
    def visit(page: Any, s: dict[str, Any]) -> None:
        page.goto(f"/facilitator/workshops/{s[key]['id']}/projector")
        wall_online(page)
        expect(page.locator("#wall")).to_have_attribute("data-template", template)
    return visit


def _wall_inventering(page: Any, s: dict[str, Any]) -> None:
    _wall("inv", "inventering/wall.html")(page, s)
    expect(page.locator("#wall-list .wall-card").first).to_be_visible(timeout=FIRST)


def _wall_samtal(page: Any, s: dict[str, Any]) -> None:
    _wall("samtal", "larande_samtal/wall.html")(page, s)
    expect(page.locator(".wall-side-by-side .wall-card")).to_have_count(3, timeout=FIRST)


def _wall_vote_closed(page: Any, s: dict[str, Any]) -> None:
    _wall("closed", "konkretisering/wall.html")(page, s)
    expect(page.locator("#wall-part")).to_contain_text("Att ljuset är varmt", timeout=FIRST)
    expect(page.locator(".wall-checkback")).to_contain_text("Tänd parken")


def _wall_vote_open(page: Any, s: dict[str, Any]) -> None:
    _wall("opened", "konkretisering/wall.html")(page, s)
    expect(page.locator(".wall-checkback")).to_contain_text("Nattvandring", timeout=FIRST)


def _wall_pause(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/facilitator/workshops/{s['paused']['id']}/projector")
    expect(page.locator("#wall-pause")).to_be_visible()


def _wall_map(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/facilitator/processes/{s['demo']['process_id']}/map/projector")
    map_ready(page)
    expect(page.locator("#theme-list li").first).to_be_visible()


def _public(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/p/{s['demo']['slug']}")


def _report(page: Any, s: dict[str, Any]) -> None:
    page.goto(f"/p/{s['demo']['slug']}/report.html")


#: name -> (who, how to get there)
PAGES: dict[str, tuple[str, Visit]] = {
    "phone-join": ("participant", _join),
    "phone-write": ("participant", _write),
    "phone-sent-redacted-hidden": ("participant", _sent),
    "phone-react": ("participant", _react),
    "phone-samtal": ("participant", _phone_samtal),
    "phone-konkret-checkback-vote": ("participant", _phone_checkback_and_vote),
    "phone-konkret-minority": ("participant", _phone_minority),
    "public-publication": ("participant", _public),
    "public-report": ("participant", _report),
    "dashboard": ("facilitator", _dashboard),
    "process": ("facilitator", _process),
    "console-inventering": ("facilitator", _console("inv")),
    "console-close-confirm": ("facilitator", _close_workshop),
    "console-moderation": ("facilitator", _moderation),
    "console-samtal": ("facilitator", _console("samtal")),
    "console-konkret": ("facilitator", _console("opened")),
    "samtal-console": ("facilitator", _samtal_console),
    "konkret-console": ("facilitator", _konkret_console),
    "alternative-open-vote": ("facilitator", _alternative_vote),
    "alternative-minority": ("facilitator", _alternative_minority),
    "map-cards": ("facilitator", _map_cards),
    "map-graph": ("facilitator", _map_graph),
    "map-theme-rename": ("facilitator", _map_rename),
    "phase-confirm": ("facilitator", _phase_confirm),
    "phase-close-confirm": ("facilitator", _phase_close),
    "publication-preview": ("facilitator", _publication_preview),
    "wall-inventering": ("facilitator", _wall_inventering),
    "wall-samtal": ("facilitator", _wall_samtal),
    "wall-konkret-open": ("facilitator", _wall_vote_open),
    "wall-konkret-conditions": ("facilitator", _wall_vote_closed),
    "wall-pause": ("facilitator", _wall_pause),
    "wall-map": ("facilitator", _wall_map),
}
