"""A proposal built from an alternative the minority amended, ready to be followed up."""

from __future__ import annotations

from typing import Any

import pytest

from tests.konkret.conftest import Konkret, konkret  # noqa: F401  (the fixture, reused)

PLAN = "lokal-namnd-varberg-2021"
UNIFORM = "Att poliserna kommer utan uniform på fritidsgården."


@pytest.fixture
def proposal(konkret: Konkret) -> dict[str, Any]:  # noqa: F811
    """"Kvarterspolis på fritidsgården": the minority's condition "utan uniform" was added."""
    alternative = konkret.draft("Kvarterspolis på fritidsgården")
    first = konkret.run_vote(alternative["id"], ["for", "for", "for", "against", "against"])
    assert konkret.condition(first["id"], 3, UNIFORM).status_code == 201
    konkret.run_vote(alternative["id"], ["for"] * 5)
    created = konkret.post(f"/processes/{konkret.pid}/proposals", {
        "title": "Kvarterspolis på fritidsgården en kväll i veckan",
        "owner": "Polisområde Varberg", "budget_tkr": 60, "alternative_ids": [alternative["id"]],
        "dated": "2021-08-20"})
    assert created.status_code == 201, created.json
    return dict(created.json)
