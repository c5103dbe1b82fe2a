"""Every konkretisering route is described in the OpenAPI document, with its methods."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

#: The routes are made by ``expose``/``describe`` on the phase's own API blueprint.
BLUEPRINTS = ("konkret_api",)


def konkret_routes(app: Flask) -> set[tuple[str, str]]:
    found = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.split(".")[0] not in BLUEPRINTS or not rule.rule.startswith("/api"):
            continue
        path = re.sub(r"<int:\w+>", "{id}", rule.rule.removeprefix("/api/v1"))
        found |= {(path, m.lower()) for m in rule.methods - {"HEAD", "OPTIONS"}}
    return found


def test_the_openapi_document_describes_every_konkret_route(app: Flask, client: FlaskClient):
    spec = client.get("/api/v1/openapi.json").json
    documented = {(path, method) for path, ops in spec["paths"].items() for method in ops}
    routes = konkret_routes(app)
    assert len(routes) > 25
    assert sorted(routes - documented) == []
    trace = spec["paths"]["/proposals/{id}/trace"]["get"]
    assert trace["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Trace"}
    assert "Trace" in spec["components"]["schemas"]
