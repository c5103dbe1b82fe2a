"""OpenAPI paths of reactions, links and the perspective map."""

from __future__ import annotations

from typing import Any

from dialog.web.api.openapi_paths import ok, operation

_ID = {"type": "integer"}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


_LIST = {"type": "array", "items": {"type": "object"}}
_VOTE = {"enum": ["agree", "disagree", "pass"]}
_RELATION = {"enum": ["builds_on", "contrasts_with", "same_as"]}

SCHEMAS: dict[str, Any] = {
    "PhonePerspective": {
        "type": "object", "description": "Ett perspektiv som det visas på telefonen, utan "
        "något om vem som skrev det.",
        "properties": {"id": _ID, "text": {"type": "string"},
                       "kind": {"enum": ["standpoint", "feeling", "idea", "thought"]},
                       "stakeholder_group": {"type": ["string", "null"]},
                       "created_at": {"type": "string", "format": "date-time"}},
    },
    "Link": {
        "type": "object",
        "properties": {"id": _ID, "process_id": _ID, "source_id": _ID, "target_id": _ID,
                       "relation": _RELATION, "drawn_by": {"enum": ["facilitator", "participant"]},
                       "created": {"type": "boolean"},
                       "created_at": {"type": "string", "format": "date-time"}},
    },
    "PerspectiveMap": {
        "type": "object",
        "description": "Perspektivkartan: grafen (networkx node-link JSON, noder p:/s:/o:/t:), "
                       "åsiktsgrupper, samsyn, splittrande perspektiv, teman och saknade "
                       "perspektiv. Med ?view=projector utan gruppmedlemmar.",
        "properties": {
            "process_id": _ID, "seed": _ID,
            "computed_at": {"type": "string", "format": "date-time"},
            "fingerprint": {"type": "string"},
            "counts": {"type": "object", "properties": {
                "participants": _ID, "perspectives": _ID, "reactions": _ID}},
            "graph": {"type": "object", "properties": {
                "directed": {"type": "boolean"}, "multigraph": {"type": "boolean"},
                "graph": {"type": "object"}, "nodes": _LIST, "edges": _LIST}},
            "opinion_groups": {"type": "array", "items": {"type": "object", "properties": {
                "id": _ID, "size": _ID, "members": {"type": "array", "items": _ID},
                "representative": _LIST}}},
            "consensus": _LIST, "group_informed_consensus": _LIST, "divisive": _LIST,
            "uncertain": _LIST, "themes": _LIST, "missing_perspectives": _LIST,
            "bridging": _LIST, "coverage": {"type": "object"},
            "projection": {"type": "object", "description": "Deltagar-id -> [x, y]"},
            "timing_ms": {"type": "object", "properties": {
                "load": {"type": "number"}, "opinion": {"type": "number"},
                "graph": {"type": "number"}, "total": {"type": "number"},
                "stages": {"type": "object"}}},
        },
    },
}

PATHS: dict[str, Any] = {
    "/perspectives/{id}/votes": {"post": operation(
        "Reagera på ett perspektiv: håller med, håller inte med eller vet inte; "
        "bara den senaste reaktionen räknas",
        body={"type": "object", "required": ["vote"], "properties": {"vote": _VOTE}},
        responses={
            "201": ok("Första reaktionen", {"type": "object", "properties": {
                "ok": {"type": "boolean"}, "perspective_id": _ID, "vote": _VOTE,
                "created": {"type": "boolean"}}}),
            "200": ok("Reaktionen ändrad", {"type": "object"}),
        },
        security="participant",
    )},
    "/workshops/{id}/next-perspective": {"get": operation(
        "Nästa perspektiv att reagera på (inte mina egna, inte redan besvarade)",
        responses={"200": ok("Nästa", {"type": "object", "properties": {
            "perspective": {"oneOf": [_ref("PhonePerspective"), {"type": "null"}]},
            "remaining": _ID}})},
        security="participant",
    )},
    "/processes/{id}/map": {"get": operation(
        "Perspektivkartan och åsiktsanalysen (räknas om när något ändrats)",
        responses={"200": ok("Karta", _ref("PerspectiveMap"))},
        security="facilitator",
    )},
    "/processes/{id}/links": {
        "post": operation(
            "Dra en relation mellan två godkända perspektiv (samtalsledare eller deltagare "
            "i processen); samma relation igen ger 200 och den första",
            body={"type": "object", "required": ["source_id", "target_id", "relation"],
                  "properties": {"source_id": _ID, "target_id": _ID, "relation": _RELATION}},
            responses={"201": ok("Dragen", _ref("Link")), "200": ok("Fanns redan", _ref("Link"))},
            security="facilitator",
        ),
        "get": operation(
            "Alla relationer i processen",
            responses={"200": ok("Relationer", {"type": "object", "properties": {
                "links": {"type": "array", "items": _ref("Link")}}})},
            security="facilitator",
        ),
    },
}
# Either token may draw a link.
PATHS["/processes/{id}/links"]["post"]["security"] = [{"facilitator": []}, {"participant": []}]
