"""Schemathesis, driven by the generated OpenAPI document, finds no server error.

Every operation of ``GET /api/v1/openapi.json`` gets generated requests (positive and
negative: wrong types, missing fields, strings where numbers belong) against the demo
process (most path ids name one of its objects), as the caller the operation is for.
Not one answer may be a 5xx.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.openapi import from_wsgi

from tests.security.bad_inputs_world import Demo, demo_app

#: Examples per operation: enough to find a 500 on a weak spot, small enough for `make test`.
EXAMPLES = 12

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, _postgres_schema: str | None,
         ) -> Iterator[Demo]:
    yield from demo_app(tmp_path_factory.mktemp("schemathesis"), _postgres_schema)


def headers_for(demo: Demo, security: list[dict[str, list[str]]] | None) -> dict[str, str]:
    """The bearer token of the caller the operation is for (a facilitator when public)."""
    schemes = {name for requirement in security or [] for name in requirement}
    token = demo.participant_token if schemes == {"participant"} else demo.facilitator_token
    return {"Authorization": f"Bearer {token}"}


def test_the_openapi_document_loads_and_lists_every_operation(demo: Demo):
    schema = from_wsgi("/api/v1/openapi.json", demo.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 70


def server_errors(operation: Any, headers: dict[str, str]) -> list[str]:
    """Run the generated cases of one operation; return the server errors found."""
    found: list[str] = []

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        case = data.draw(operation.as_strategy())
        if case.path_parameters and data.draw(st.integers(0, 3)):
            # Most generated ids name nothing: three cases in four reach a demo object.
            case.path_parameters = {name: data.draw(st.integers(1, 2))
                                    for name in case.path_parameters}
        response = case.call(headers=headers)
        try:
            case.validate_response(response, checks=[not_a_server_error])
        except (Exception, BaseExceptionGroup) as exc:  # schemathesis raises a group
            found.append(f"{operation.label}: {exc}"[:500])
            raise

    with contextlib.suppress(Exception, BaseExceptionGroup):  # recorded above
        run()
    return found


def test_no_generated_request_is_a_server_error(demo: Demo):
    schema = from_wsgi("/api/v1/openapi.json", demo.app)
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        security = operation.definition.raw.get("security")
        failures += server_errors(operation, headers_for(demo, security))
    assert not failures, "\n".join(failures)
