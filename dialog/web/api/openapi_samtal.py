"""OpenAPI paths of the phases and the lärande samtal (rounds, reflections, the line)."""

from __future__ import annotations

from typing import Any

from dialog.web.api.openapi_paths import ok, operation

_ID = {"type": "integer"}
_TEXT = {"type": "string", "maxLength": 500}
_KINDS = {"enum": ["inventering", "larande_samtal", "konkretisering"]}
_VIEW = {"enum": ["unchanged", "nuanced", "changed"]}
_LEVELS = {"enum": ["jokes", "sarcasm", "yes_but", "gossip", "polarisation", "sabotage",
                    "breakdown", "war"]}
_BASES = {"enum": ["manual", "divisive", "opposite_groups", "single_group_theme",
                   "different_groups", "split_reactions"]}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _list(key: str, name: str) -> dict[str, Any]:
    return {"type": "object", "properties": {key: {"type": "array", "items": _ref(name)}}}


SCHEMAS: dict[str, Any] = {
    "Phase": {
        "type": "object", "description": "En fas i en runda; en process kan återvända till en "
        "tidigare fas i en ny runda, och all historik finns kvar.",
        "properties": {"id": _ID, "process_id": _ID, "kind": _KINDS, "round": _ID,
                       "status": {"enum": ["open", "closed"]},
                       "opened_at": {"type": "string", "format": "date-time"},
                       "closed_at": {"type": ["string", "null"], "format": "date-time"}},
    },
    "ConversationRound": {
        "type": "object", "description": "En samtalsrunda: 2–8 perspektiv som ställs mot "
        "varandra. closes_at satt betyder en digital runda som är öppen i dagar.",
        "properties": {"id": _ID, "phase_id": _ID, "phase_round": _ID, "number": _ID,
                       "title": {"type": "string"}, "prompt": {"type": "string"},
                       "basis": _BASES, "status": {"enum": ["open", "closed"]},
                       "accepting": {"type": "boolean"},
                       "closes_at": {"type": ["string", "null"], "format": "date-time"},
                       "perspectives": {"type": "array", "items": {"type": "object"}}},
    },
    "NewReflection": {
        "type": "object", "required": ["client_id", "view_change"],
        "description": "Svar på rundans reflektionsfrågor; samma client_id igen lagras inte "
                       "två gånger.",
        "properties": {"client_id": {"type": "string", "maxLength": 64},
                       "understood": _TEXT, "question": _TEXT, "keep": _TEXT,
                       "view_change": _VIEW, "moved_by": {"type": ["integer", "null"]}},
    },
    "Reflection": {
        "type": "object", "description": "En reflektion, aldrig vem som skrev den.",
        "properties": {"id": _ID, "round_id": _ID, "understood": {"type": "string"},
                       "question": {"type": "string"}, "keep": {"type": "string"},
                       "view_change": _VIEW, "moved_by": {"type": ["object", "null"]},
                       "stakeholder_group": {"type": ["string", "null"]},
                       "status": {"enum": ["pending", "approved", "hidden"]}},
    },
    "LearningIndicators": {
        "type": "object",
        "properties": {"round_id": _ID, "participants": _ID, "understood": _ID,
                       "understood_share": {"type": "number"}, "shifted": _ID,
                       "shifted_share": {"type": "number"},
                       "view_changes": {"type": "object"}, "questions": _ID, "keep": _ID,
                       "moved_by": {"type": "array", "items": {"type": "object", "properties": {
                           "perspective_id": _ID, "count": _ID, "text": {"type": "string"}}}}},
    },
    "ResistanceEntry": {
        "type": "object", "description": "En notering på motståndslinjen med den intervention "
        "metoden föreslår (Deep Democracy).",
        "properties": {"id": _ID, "level": _LEVELS, "position": _ID,
                       "zone": {"enum": ["low", "middle", "high"]}, "name": {"type": "string"},
                       "signs": {"type": "string"}, "intervention": {"type": "string"},
                       "how": {"type": "string"}, "note": {"type": "string"},
                       "round_id": {"type": ["integer", "null"]},
                       "trend": {"enum": ["first", "same", "up", "down"]},
                       "created_at": {"type": "string", "format": "date-time"}},
    },
}

_F = "facilitator"

PATHS: dict[str, Any] = {
    "/processes/{id}/phases": {
        "post": operation(
            "Öppna nästa fas eller en ny runda av en tidigare (den öppna fasen stängs)",
            body={"type": "object", "required": ["kind"], "properties": {"kind": _KINDS}},
            responses={"201": ok("Öppnad", _ref("Phase"))}, security=_F),
        "get": operation("Processens faser, alla rundor", responses={"200": ok(
            "Faser", {"type": "object", "properties": {
                "phases": {"type": "array", "items": _ref("Phase")},
                "current": {"oneOf": [_ref("Phase"), {"type": "null"}]}}})}, security=_F),
    },
    "/phases/{id}": {"get": operation(
        "En fas med samtalsledarens kontroller och vad fasen har gett",
        responses={"200": ok("Fas", {"type": "object"})}, security=_F)},
    "/phases/{id}/close": {"post": operation(
        "Stäng en öppen fas", responses={"200": ok("Stängd", _ref("Phase"))}, security=_F)},
    "/me/screen": {"get": operation(
        "Vilken skärm telefonen ska visa i den öppna fasen",
        responses={"200": ok("Skärm", {"type": "object", "properties": {
            "phase": {"oneOf": [_ref("Phase"), {"type": "null"}]},
            "waiting": {"type": "boolean"},
            "screen": {"type": "object", "properties": {"url": {"type": ["string", "null"]}}},
        }})}, security="participant")},
    "/processes/{id}/conversation-suggestions": {"get": operation(
        "Förslag på samtalsrundor: från perspektivkartan, annars en enkel tumregel",
        responses={"200": ok("Förslag", {"type": "object", "properties": {
            "source": {"enum": ["map", "heuristic"]},
            "suggestions": {"type": "array", "items": {"type": "object"}}}})}, security=_F)},
    "/processes/{id}/conversation-rounds": {
        "post": operation(
            "Bygg en samtalsrunda i fasen lärande samtal",
            body={"type": "object", "required": ["title", "perspective_ids"], "properties": {
                "title": {"type": "string", "maxLength": 200},
                "perspective_ids": {"type": "array", "items": _ID, "minItems": 2,
                                    "maxItems": 8},
                "prompt": {"type": "string", "maxLength": 1000}, "basis": _BASES,
                "closes_at": {"type": ["string", "null"], "format": "date-time"}}},
            responses={"201": ok("Byggd", _ref("ConversationRound"))}, security=_F),
        "get": operation("Processens samtalsrundor med lärandeindikatorer",
                         responses={"200": ok("Rundor", _list("rounds", "ConversationRound"))},
                         security=_F),
    },
    "/conversation-rounds/{id}": {"get": operation(
        "En samtalsrunda med reflektioner och indikatorer",
        responses={"200": ok("Runda", _ref("ConversationRound"))}, security=_F)},
    "/conversation-rounds/{id}/indicators": {"get": operation(
        "Lärandeindikatorer för rundan",
        responses={"200": ok("Indikatorer", _ref("LearningIndicators"))}, security=_F)},
    "/conversation-rounds/{id}/close": {"post": operation(
        "Stäng en samtalsrunda (reflektionerna finns kvar)",
        responses={"200": ok("Stängd", _ref("ConversationRound"))}, security=_F)},
    "/conversation-rounds/{id}/reflections": {"post": operation(
        "Svara på rundans reflektionsfrågor, i rummet eller hemifrån",
        body=_ref("NewReflection"),
        responses={"201": ok("Sparad", {"type": "object", "properties": {"id": _ID}}),
                   "200": ok("Redan sparad (omsändning)", {"type": "object"})},
        security="participant")},
    "/me/conversation-rounds": {"get": operation(
        "Rundor jag kan svara på nu, och mina reflektioner",
        responses={"200": ok("Rundor", {"type": "object", "properties": {
            "rounds": {"type": "array", "items": _ref("ConversationRound")},
            "reflections": {"type": "array", "items": _ref("Reflection")}}})},
        security="participant")},
    "/reflections/{id}/moderation": {"post": operation(
        "Godkänn eller dölj en reflektion (inget raderas)",
        body={"type": "object", "required": ["action"],
              "properties": {"action": {"enum": ["approve", "hide"]}}},
        responses={"200": ok("Reflektion", _ref("Reflection"))}, security=_F)},
    "/processes/{id}/resistance-line": {
        "get": operation(
            "Motståndslinjen: nivåerna och loggen över tid",
            responses={"200": ok("Logg", {"type": "object", "properties": {
                "levels": {"type": "array", "items": {"type": "object"}},
                "entries": {"type": "array", "items": _ref("ResistanceEntry")}}})},
            security=_F),
        "post": operation(
            "Notera rummets spänning; svaret föreslår en intervention",
            body={"type": "object", "required": ["level"], "properties": {
                "level": _LEVELS, "note": {"type": "string", "maxLength": 1000},
                "round_id": {"type": ["integer", "null"]}}},
            responses={"201": ok("Noterad", _ref("ResistanceEntry"))}, security=_F),
    },
}
