"""The room matrix's scene: processes in every phase, seeded once over the API as phones
and a facilitator would write to them (tests/browser/test_room_matrix.py)."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import (
    NARROW_PHONE,
    TABLET,
)

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
