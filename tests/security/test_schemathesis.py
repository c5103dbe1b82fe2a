"""Schemathesis, driven by the generated OpenAPI document, finds no server error.

Every operation of ``GET /api/v1/openapi.json`` gets generated requests (positive and
negative: wrong types, missing fields, strings where numbers belong) against the demo
process (most path ids name one of its objects), as the caller the operation is for.
Not one answer may be a 5xx.
"""

from __future__ import annotations

from collections.abc import Iterator

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


def test_no_generated_request_is_a_server_error(demo: Demo):
    schema = from_wsgi("/api/v1/openapi.json", demo.app)
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        headers = headers_for(demo, operation.definition.raw.get("security"))

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
            except Exception as exc:  # noqa: BLE001 (collect every operation's failure)
                failures.append(f"{operation.label}: {exc}"[:500])
                raise

        try:
            run()
        except Exception:  # noqa: BLE001, S110 (recorded above; the next operation runs)
            pass
    assert not failures, "\n".join(failures)
