"""OpenAPI paths of konkretisering: goals, alternatives, check-back, votes, fishing, proposals."""

from __future__ import annotations

from typing import Any

from dialog.web.api.openapi_paths import ok, operation

_ID = {"type": "integer"}
_IDS = {"type": "array", "items": _ID}
_TEXT = {"type": "string"}
_OBJ = {"type": "object"}
_CLIENT = {"type": "string", "maxLength": 64,
           "description": "Telefonens eget id för svaret; samma id igen sparas inte två gånger."}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _body(required: list[str], **properties: Any) -> dict[str, Any]:
    return {"type": "object", "required": required, "properties": properties}


def _f(summary: str, response: dict[str, Any], body: dict[str, Any] | None = None,
       status: str = "200") -> dict[str, Any]:
    """A facilitator's operation."""
    return operation(summary, body=body, responses={status: ok("Svar", response)},
                     security="facilitator")


def _p(summary: str, body: dict[str, Any]) -> dict[str, Any]:
    """A participant's operation, stored once per client_id (a resend answers 200)."""
    return operation(summary, body=body, security="participant", responses={
        "201": ok("Sparat", _OBJ), "200": ok("Redan sparat (omsändning)", _OBJ)})


SCHEMAS: dict[str, Any] = {
    "Alternative": {
        "type": "object", "description": "Ett lösningsalternativ med det som ligger bakom det, "
        "avstämningar, omröstningar, tillägg, avvikande mening och historik.",
        "properties": {
            "id": _ID, "title": _TEXT, "description": _TEXT,
            "outcome": {"enum": ["open", "accepted", "accepted_with_dissent", "rejected"]},
            "hidden": {"type": "boolean"}, "perspective_ids": _IDS, "reflection_ids": _IDS,
            "vote_rounds": {"type": "array", "items": _ref("VoteRound")},
            "amendments": {"type": "array", "items": _OBJ},
            "dissent": {"type": "array", "items": _OBJ},
            "history": {"type": "array", "items": _OBJ},
        },
    },
    "VoteRound": {
        "type": "object",
        "properties": {
            "id": _ID, "alternative_id": _ID, "number": _ID, "text": _TEXT,
            "status": {"enum": ["open", "closed"]},
            "tally": {"type": "object", "properties": {"for": _ID, "against": _ID,
                                                       "total": _ID}},
            "majority": {"enum": ["for", "against", "tie", None]},
            "minority_asked": {"type": "boolean"}, "minority": _IDS,
            "question": {"type": ["string", "null"]},
        },
    },
    "Proposal": {
        "type": "object",
        "properties": {
            "id": _ID, "title": _TEXT, "owner": _TEXT, "budget_tkr": {"type": ["integer", "null"]},
            "starts_on": {"type": ["string", "null"], "format": "date"},
            "ends_on": {"type": ["string", "null"], "format": "date"},
            "committee_goal": {"type": ["object", "null"]},
            "indicators": {"type": "array", "items": _TEXT},
            "status": {"enum": ["planned", "ongoing", "completed", "closed"]},
            "alternative_ids": _IDS,
            "status_updates": {"type": "array", "items": _OBJ},
        },
    },
    "Trace": {
        "type": "object", "required": ["proposal", "alternatives", "reflections", "perspectives"],
        "properties": {
            "proposal": _ref("Proposal"),
            "alternatives": {"type": "array", "items": _ref("Alternative")},
            "reflections": {"type": "array", "items": _OBJ},
            "perspectives": {"type": "array", "items": {"type": "object", "properties": {
                "id": _ID, "text": _TEXT, "kind": _TEXT,
                "stakeholder_group": {"type": ["string", "null"]}, "alternative_ids": _IDS,
                "reflection_ids": _IDS}}},
            "stakeholder_groups": {"type": "array", "items": _OBJ},
        },
    },
}

_RATING = {"enum": ["supports", "can_live_with", "objects"],
           "description": "stöder / kan leva med / invänder (de svenska orden går också)"}

PATHS: dict[str, Any] = {
    "/processes/{id}/committee-goals": {
        "get": _f("Nämndens mål som processen håller", _OBJ),
        "post": _f("Lägg till ett fokusområde, mål eller uppdrag", _OBJ, _body(
            ["title"], title=_TEXT, kind={"enum": ["focus_area", "goal", "assignment"]},
            code=_TEXT, budget_tkr=_ID, parent_id=_ID, description=_TEXT), "201"),
    },
    "/processes/{id}/committee-goals/preset": {"post": _f(
        "Hämta en nämnds mål, till exempel lokal-namnd-varberg-2021", _OBJ,
        _body(["preset"], preset={"enum": ["lokal-namnd-varberg-2021"]}), "201")},
    "/processes/{id}/alternatives": {
        "get": _f("Lösningsalternativen", {"type": "object", "properties": {
            "alternatives": {"type": "array", "items": _ref("Alternative")}}}),
        "post": _f("Skriv ett lösningsalternativ utifrån perspektiv och reflektioner",
                   _ref("Alternative"), _body(["title"], title=_TEXT, description=_TEXT,
                                              perspective_ids=_IDS, reflection_ids=_IDS),
                   "201"),
    },
    "/alternatives/{id}": {
        "get": _f("Ett alternativ med hela sin historik", _ref("Alternative")),
        "patch": _f("Ändra, eller dölj (inget raderas)", _ref("Alternative"), _body(
            [], title=_TEXT, description=_TEXT, perspective_ids=_IDS, reflection_ids=_IDS,
            hidden={"type": "boolean"}, reason=_TEXT)),
    },
    "/alternatives/{id}/votes": {"post": _f(
        "Öppna nästa omröstning (med tilläggen)", _ref("VoteRound"), status="201")},
    "/vote-rounds/{id}": {"get": _f("En omröstning och dess räkning", _ref("VoteRound"))},
    "/vote-rounds/{id}/close": {"post": _f(
        "Stäng omröstningen; minoriteten får frågan på sina telefoner", _ref("VoteRound"))},
    "/alternatives/{id}/amendments": {"post": _f(
        "Skriv in ett villkor som sades i rummet", _OBJ, _body(["text"], text=_TEXT), "201")},
    "/amendments/{id}": {"patch": _f("Lämna ett tillägg utanför (med skäl) eller ta med det",
                                     _OBJ, _body(["included"], included={"type": "boolean"},
                                                 reason=_TEXT))},
    "/alternatives/{id}/conclude": {"post": _f(
        "Avsluta: majoritetens beslut gäller, kvarvarande avvikande mening antecknas",
        _ref("Alternative"))},
    "/processes/{id}/checkback-rounds": {
        "get": _f("Avstämningarna med svar per alternativ", _OBJ),
        "post": _f("Öppna en avstämning efter en samtalsrunda", _OBJ, _body(
            [], title=_TEXT, alternative_ids=_IDS, after_phase_id=_ID, after_round_id=_ID,
            closes_at={"type": "string", "format": "date-time"}), "201"),
    },
    "/checkback-rounds/{id}": {"get": _f("En avstämning med svar per alternativ", _OBJ)},
    "/checkback-rounds/{id}/close": {"post": _f("Stäng avstämningen", _OBJ)},
    "/processes/{id}/fishing": {
        "get": _f("Fiskefrågorna och svaren", _OBJ),
        "post": _f("Gå och fiska: frågan visas på alla telefoner", _OBJ, _body(
            [], question=_TEXT, alternative_id=_ID), "201"),
    },
    "/fishing/{id}/close": {"post": _f("Stäng fiskefrågan", _OBJ)},
    "/fishing-answers/{id}": {"patch": _f("Dölj eller visa ett svar (inget raderas)", _OBJ,
                                          _body(["hidden"], hidden={"type": "boolean"}))},
    "/processes/{id}/proposals": {
        "get": _f("Förslagen", {"type": "object", "properties": {
            "proposals": {"type": "array", "items": _ref("Proposal")}}}),
        "post": _f("Gör ett förslag av antagna alternativ", _ref("Proposal"), _body(
            ["title", "owner", "alternative_ids"], title=_TEXT, owner=_TEXT,
            alternative_ids=_IDS, description=_TEXT, budget_tkr=_ID,
            starts_on={"type": "string", "format": "date"},
            ends_on={"type": "string", "format": "date"}, committee_goal_id=_ID,
            indicators={"type": "array", "items": _TEXT},
            dated={"type": "string", "format": "date"}), "201"),
    },
    "/proposals/{id}": {"get": _f("Ett förslag med statushistorik", _ref("Proposal"))},
    "/proposals/{id}/status-updates": {"post": _f(
        "Lägg till en daterad statusuppdatering", _OBJ, _body(
            ["status"], status={"enum": ["planned", "ongoing", "completed", "closed"]},
            note=_TEXT, dated={"type": "string", "format": "date"}), "201")},
    "/proposals/{id}/trace": {"get": _f(
        "Kedjan bakåt: alternativ, reflektioner, perspektiv och intressentgrupper",
        _ref("Trace"))},
    "/processes/{id}/konkretisering.json": {"get": _f(
        "Hela konkretiseringen som ett JSON-dokument", _OBJ)},
    "/me/konkret": {"get": operation(
        "Det min telefon kan svara på nu: avstämningar, omröstningar, minoritetsfrågor, fiske",
        responses={"200": ok("Läge", _OBJ)}, security="participant")},
    "/checkback-rounds/{id}/ratings": {"post": _p("Stöder, kan leva med eller invänder", _body(
        ["alternative_id", "value", "client_id"], alternative_id=_ID, value=_RATING,
        reason=_TEXT, client_id=_CLIENT))},
    "/vote-rounds/{id}/votes": {"post": _p("Rösta för eller emot", _body(
        ["value", "client_id"], value={"enum": ["for", "against"]}, reason=_TEXT,
        client_id=_CLIENT))},
    "/vote-rounds/{id}/conditions": {"post": _p(
        "Minoritetens svar: vad skulle krävas för att ni ska kunna följa med?",
        _body(["text", "client_id"], text=_TEXT, client_id=_CLIENT))},
    "/fishing/{id}/answers": {"post": _p("Svara på fiskefrågan", _body(
        ["text", "client_id"], text=_TEXT, client_id=_CLIENT))},
}
