"""Issue 12's "Done when", in one matrix: every page of the room on a 320 px phone, a
1024 x 768 tablet and a 1920 x 1080 projector, with zero axe-core violations (WCAG 2.1 A and
AA, plus the best practice ``landmark-unique``) and no sideways scrolling.

The pages: the participant's (join, write, sent with a redacted and a hidden perspective and
their reasons, react, lärande samtal, konkretisering with a check-back, an open vote and a
minority question), the facilitator's (dashboard, process, the workshop console in each
phase, moderation, the phase consoles, the map as cards, as a graph and with a theme being
renamed, the phase change with its confirmation and its undo, closing a phase, the
publication preview), the wall in each phase (inventering, lärande samtal, konkretisering
with support bars, an open vote and a closed one with the minority's conditions, the pause
screen, the map on the wall) and the public publication and report.

One server and one browser (the session's), the scene seeded once per module over the API,
one facilitator and one participant context per viewport, reused by every page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    AXE_TAGS,
    NARROW_PHONE,
    TABLET,
    describe_violations,
    screenshot,
    too_wide,
)

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1920, "height": 1080}
VIEWPORTS = {"phone-320": NARROW_PHONE, "tablet-1024": TABLET, "projector-1920": PROJECTOR}
LONG = ("Vi som bor här vill kunna gå hem från bussen på kvällen utan att titta oss över "
        "axeln, och det handlar inte bara om belysning utan om att det finns vuxna ute, att "
        "fritidsgården är öppen, att grannar känner varandra och att polisen är någon man "
        "kan prata med och inte bara någon som kommer när något redan har hänt. Och att "
        "vi som är unga får vara med när det bestäms, från början, inte i slutet.")
REASON_REDACT = "Telefonnumret togs bort"
REASON_HIDE = "Texten pekar ut en enskild person"


# ------------------------------------------------------------------ the scene, seeded once

class Scene:
    """Processes of its own in each phase, written to over the API as phones would."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.tokens: dict[int, str] = {}  # workshop id -> the participant context's token
        self.counter = 0

    def api(self, method: str, path: str, body: Any = None, token: str | None = None) -> Any:
        status, answer = self.server.request(method, path, body,
                                             token=self.server.token if token is None else token)
        assert status < 300, (method, path, status, answer)
        return answer

    def join(self, workshop: dict[str, Any], group: str | None = None) -> str:
        body = {"join_code": workshop["join_code"]}
        if group:
            body["stakeholder_group"] = group
        return str(self.api("POST", "/api/v1/join", body, token="")["participant_token"])

    def write(self, workshop: dict[str, Any], text: str, kind: str, token: str) -> int:
        self.counter += 1
        made = self.api("POST", f"/api/v1/workshops/{workshop['id']}/perspectives",
                        {"text": text, "kind": kind, "client_id": f"matrix-{self.counter}"},
                        token=token)
        return int(made["id"])

    def process(self, title: str, *, pre_moderation: bool = False) -> dict[str, Any]:
        return dict(self.server.inventering_workshop(
            title, pre_moderation=pre_moderation, groups=("unga", "polis", "skola", "region")))

    def voices(self, workshop: dict[str, Any]) -> list[int]:
        ids = []
        for group, kind, text in (
                ("unga", "idea", "Öppna fritidsgården till midnatt på fredagar."),
                ("polis", "standpoint", "Vi vill vara närvarande utan att skrämma."),
                ("skola", "feeling", "Det känns otryggt vid busshållplatsen efter skolan."),
                ("region", "thought", LONG)):
            ids.append(self.write(workshop, text, kind, self.join(workshop, group)))
        return ids


def seed(server: Any) -> dict[str, Any]:
    scene = Scene(server)
    out: dict[str, Any] = {"demo": server.demo}

    # Inventering: four voices, reactions, a redacted and a hidden perspective of "our" phone.
    inv = scene.process("Rummet: inventering")
    ids = scene.voices(inv)
    mine = scene.join(inv, "unga")
    scene.tokens[inv["id"]] = mine
    redacted = scene.write(inv, "Ring mig på 070-123 45 67, parken behöver mer ljus.", "idea",
                           mine)
    hidden = scene.write(inv, "Han på hörnet är farlig, alla vet vem.", "standpoint", mine)
    scene.write(inv, "Vi behöver fler vuxna ute på kvällarna.", "idea", mine)
    scene.api("POST", f"/api/v1/perspectives/{redacted}/moderation",
              {"action": "redact", "text": "Parken behöver mer ljus.", "reason": REASON_REDACT})
    scene.api("POST", f"/api/v1/perspectives/{hidden}/moderation",
              {"action": "hide", "reason": REASON_HIDE})
    for vote in ("agree", "agree", "disagree", "pass"):
        scene.api("POST", f"/api/v1/perspectives/{ids[0]}/votes", {"vote": vote},
                  token=scene.join(inv))
    out["inv"] = inv
    # A second meeting of the same process, paused: the wall's pause screen.
    paused = scene.api("POST", f"/api/v1/processes/{inv['process_id']}/workshops",
                       {"title": "Rummet: paus"})
    scene.api("PATCH", f"/api/v1/workshops/{paused['id']}", {"state": "paused"})
    out["paused"] = paused

    # Moderation: pre-moderation, one waiting perspective with personal data.
    moderated = scene.process("Rummet: moderering", pre_moderation=True)
    scene.write(moderated, "Ring mig på 070-765 43 21 om bussen.", "thought",
                scene.join(moderated, "unga"))
    scene.write(moderated, LONG, "feeling", scene.join(moderated, "skola"))
    out["moderated"] = moderated

    # Lärande samtal: a round with its prompt; our phone is in it.
    samtal = scene.process("Rummet: samtal")
    ids = scene.voices(samtal)
    scene.tokens[samtal["id"]] = scene.join(samtal, "polis")
    pid = samtal["process_id"]
    scene.api("POST", f"/api/v1/processes/{pid}/phases", {"kind": "larande_samtal"})
    scene.api("POST", f"/api/v1/processes/{pid}/conversation-rounds", {
        "title": "Unga och polisen", "prompt": "Vad förstår du nu som du inte förstod innan?",
        "perspective_ids": ids[:3]})
    out["samtal"] = samtal

    # Konkretisering, closed vote: support bars, the minority's conditions, and our phone
    # (in the minority) asked what it would take.
    closed = scene.process("Rummet: omröstningen")
    ids = scene.voices(closed)
    pid = closed["process_id"]
    for kind in ("larande_samtal", "konkretisering"):
        scene.api("POST", f"/api/v1/processes/{pid}/phases", {"kind": kind})
    park = scene.api("POST", f"/api/v1/processes/{pid}/alternatives", {
        "title": "Tänd parken", "description": "Belysning längs gångvägen genom parken.",
        "perspective_ids": ids[:2]})
    phones = [scene.join(closed, g) for g in ("unga", "polis", "skola", "region", "unga")]
    scene.tokens[closed["id"]] = phones[4]
    checkback = scene.api("POST", f"/api/v1/processes/{pid}/checkback-rounds",
                          {"title": "Efter samtalet"})["round"]
    for phone, value in zip(phones, ("supports", "supports", "can_live_with", "objects"),
                            strict=False):
        scene.api("POST", f"/api/v1/checkback-rounds/{checkback['id']}/ratings",
                  {"alternative_id": park["id"], "value": value,
                   "client_id": f"cb-{phone[:6]}"}, token=phone)
    vote = scene.api("POST", f"/api/v1/alternatives/{park['id']}/votes")
    for phone, value in zip(phones, ("for", "for", "for", "against", "against"), strict=True):
        scene.api("POST", f"/api/v1/vote-rounds/{vote['id']}/votes",
                  {"value": value, "client_id": f"v-{phone[:6]}"}, token=phone)
    scene.api("POST", f"/api/v1/vote-rounds/{vote['id']}/close")
    scene.api("POST", f"/api/v1/vote-rounds/{vote['id']}/conditions",
              {"text": "Att ljuset är varmt och inte bländar.", "client_id": "cond-1"},
              token=phones[3])
    out["closed"] = closed
    out["closed_alternative"] = park

    # Konkretisering, open: a check-back and a vote our phone has not answered yet.
    opened = scene.process("Rummet: avstämningen")
    ids = scene.voices(opened)
    pid = opened["process_id"]
    for kind in ("larande_samtal", "konkretisering"):
        scene.api("POST", f"/api/v1/processes/{pid}/phases", {"kind": kind})
    alternatives = [scene.api("POST", f"/api/v1/processes/{pid}/alternatives", {
        "title": title, "description": "Från matrisen.", "perspective_ids": ids[:2]})
        for title in ("Nattvandring med föreningarna", "Fritidsgården öppen till midnatt")]
    scene.tokens[opened["id"]] = scene.join(opened, "skola")
    round_ = scene.api("POST", f"/api/v1/processes/{pid}/checkback-rounds",
                       {"title": "Första avstämningen"})["round"]
    other = scene.join(opened, "unga")
    scene.api("POST", f"/api/v1/checkback-rounds/{round_['id']}/ratings",
              {"alternative_id": alternatives[0]["id"], "value": "supports",
               "client_id": "open-1"}, token=other)
    vote = scene.api("POST", f"/api/v1/alternatives/{alternatives[1]['id']}/votes")
    scene.api("POST", f"/api/v1/vote-rounds/{vote['id']}/votes",
              {"value": "for", "client_id": "open-v"}, token=other)
    out["opened"] = opened
    out["opened_alternative"] = alternatives[1]
    out["tokens"] = scene.tokens
    return out


@pytest.fixture(scope="module")
def scene(live_server: Any) -> dict[str, Any]:
    return seed(live_server)


# ------------------------------------------------------------------ contexts, one per viewport

@pytest.fixture(scope="module")
def screens(browser: Any, live_server: Any, facilitator_state: Any,
            scene: dict[str, Any]) -> Iterator[dict[tuple[str, str], Any]]:
    """(viewport, who) -> a page, for who in facilitator and participant."""
    tokens = "".join(f"localStorage.setItem('dialog.token.{wid}', '{token}');"
                     for wid, token in scene["tokens"].items())
    contexts, pages = [], {}
    for name, viewport in VIEWPORTS.items():
        mobile = viewport["width"] < 600
        for who in ("facilitator", "participant"):
            context = browser.new_context(
                base_url=live_server.url, viewport=viewport, locale="sv-SE",
                storage_state=facilitator_state if who == "facilitator" else None,
                is_mobile=mobile, has_touch=mobile, reduced_motion="reduce")
            context.set_default_timeout(15_000)
            if who == "participant":
                context.add_init_script(tokens)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
            page.js_errors = errors
            contexts.append(context)
            pages[(name, who)] = page
    yield pages
    for context in contexts:
        context.close()


# ------------------------------------------------------------------ axe and width

_AXE_SOURCE: list[str] = []


def violations(page: Any) -> list[dict[str, Any]]:
    """axe-core with the WCAG 2.1 A and AA tags, and landmark-unique as well."""
    if not _AXE_SOURCE:
        import axe_playwright_python  # a test dependency, read once per module

        script = Path(axe_playwright_python.__file__).parent / "axe.min.js"
        _AXE_SOURCE.append(script.read_text(encoding="utf-8"))
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_AXE_SOURCE[0])
    result = page.evaluate("""tags => axe.run(document, {
        runOnly: {type: 'tag', values: tags},
        rules: {'landmark-unique': {enabled: true}}})""", AXE_TAGS)
    return list(result["violations"])


def out_of_reach(page: Any, width: int) -> list[str]:
    """Controls drawn past the viewport's sides: clipped away (an ``overflow: hidden``
    ancestor hides them from ``scrollWidth``), so no finger and no eye reaches them."""
    return list(page.evaluate("""(width) => [...document.querySelectorAll(
        'a[href], button, input, select, textarea, summary, [tabindex]')]
        .filter((node) => {
          if (node.closest('.visually-hidden, .skip-link, [hidden], [inert]')) return false;
          // Not drawn at all (display: none, a closed <details>, visibility: hidden).
          if (!node.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true}))
            return false;
          const box = node.getBoundingClientRect();
          if (!(box.width > 1 && box.height > 1 && (box.right > width + 1 || box.left < -1)))
            return false;
          // Inside a box that scrolls sideways itself (a wide table): reachable by scrolling.
          for (let up = node.parentElement; up && up !== document.body; up = up.parentElement) {
            const x = getComputedStyle(up).overflowX;
            if ((x === 'auto' || x === 'scroll') && up.scrollWidth > up.clientWidth) {
              const own = up.getBoundingClientRect();
              return own.right > width + 1 || own.left < -1;
            }
          }
          return true;
        })
        .slice(0, 8).map((node) => node.tagName + '#' + node.id + '.' + node.className
          + ' ' + (node.textContent || '').trim().slice(0, 30))""", width))


def check(page: Any, name: str, viewport: dict[str, int]) -> None:
    found = violations(page)
    assert not found, f"axe on {name} at {viewport['width']}px:\n" + describe_violations(found)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], (
        f"{name} scrolls sideways at {viewport['width']}px ({width}px): "
        f"{too_wide(page, viewport['width'])}")
    clipped = out_of_reach(page, viewport["width"])
    assert not clipped, f"{name} at {viewport['width']}px: controls out of reach {clipped}"


# ------------------------------------------------------------------ the pages

def online(page: Any) -> None:
    page.locator('#connection[data-state="online"]').wait_for()


def wall_online(page: Any) -> None:
    page.locator('#wall[data-connection="online"]').wait_for()


def map_ready(page: Any) -> None:
    online(page)
    expect(page.locator("#map-page")).to_have_attribute("data-computed-at", re.compile(r"\d"))


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


@pytest.mark.parametrize("size", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(PAGES))
def test_every_room_page_passes_axe_and_fits(
        name: str, size: str, screens: dict[tuple[str, str], Any],
        scene: dict[str, Any]) -> None:
    who, visit = PAGES[name]
    page = screens[(size, who)]
    page.js_errors.clear()
    visit(page, scene)
    screenshot(page, f"matrix-{name}-{size}")
    check(page, name, VIEWPORTS[size])
    assert not page.js_errors, page.js_errors


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_a_phase_change_its_confirmation_and_its_undo_pass_axe(
        size: str, screens: dict[tuple[str, str], Any], live_server: Any) -> None:
    """The undo lasts a minute, so each viewport changes the phase of a process of its own."""
    workshop = live_server.inventering_workshop(f"Rummet: fasbyte {size}")
    page = screens[(size, "facilitator")]
    viewport = VIEWPORTS[size]
    page.goto(f"/facilitator/workshops/{workshop['id']}")
    page.locator("#phase-change").click()
    page.wait_for_url("**/phases/confirm**")
    expect(page.get_by_role("radio", name="Lärande samtal (föreslås)")).to_be_checked()
    check(page, "phase-confirm", viewport)
    page.locator("#confirm-open-button").click()
    expect(page.locator("#phase-now")).to_contain_text("Pågående fas: Lärande samtal, runda 1")
    expect(page.get_by_role("button", name="Ångra fasbytet")).to_be_visible()
    check(page, "phase-undo", viewport)
    page.get_by_role("button", name="Ångra fasbytet").click()
    expect(page.locator("#phase-now")).to_contain_text("Pågående fas: Inventering, runda 1")
    check(page, "phase-undone", viewport)
