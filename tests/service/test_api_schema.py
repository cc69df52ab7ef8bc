"""Schemathesis against ``/openapi.json`` of the real app over HTTP, with a bounded number
of generated requests per operation: no 5xx, and every answer fits the schema it claims."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from safeguard.access import keys
from safeguard.banks import BankSpec, create_bank
from safeguard.service.testing import (
    LiveServer,
    database_url,
    open_test_database,
    settings_for_tests,
)

#: The operations fuzzed here. Streams are left out on purpose: registering one makes the
#: service connect to the URL it is given, and generated URLs may point off this machine.
#: The console is HTML (tests/test_console_http.py).
MINE = r"^/(healthz|readyz|v1/(hash|check|banks|index|cases|audit|keys|rules|webhooks|chat|triage))"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    tmp = tmp_path_factory.mktemp("schema")
    db = open_test_database("sqlite", tmp)
    assert db is not None
    server = LiveServer(settings_for_tests(tmp, database_url(db)), db).start()
    with db.session() as s:
        _, key = keys.create_key(s, role="admin", name="schemathesis", actor="test")
        create_bank(s, BankSpec("known"), "test")
    try:
        schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
        # Revoking its own key would leave the rest of the run with 401s.
        yield (
            schema.include(path_regex=MINE).exclude(method="DELETE", path="/v1/keys/{key_id}"),
            key,
        )
    finally:
        server.stop()
        db.dispose()


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _run(schema: Any, key: str, mode: GenerationMode, checks: list[Any]) -> int:
    operations = [result.ok() for result in schema.get_all_operations()]
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=6,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: Any) -> None:
            case.call_and_validate(headers={"Authorization": f"Bearer {key}"}, checks=checks)

        try:
            run()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE  # nothing in it can be made invalid
        except Exception as e:
            raise AssertionError(f"{operation.label} ({mode.value}): {e}") from e
    return len(operations)


@pytest.mark.slow
def test_valid_generated_requests_get_answers_that_fit_the_schema(served: tuple[Any, str]) -> None:
    schema, key = served
    assert _run(schema, key, GenerationMode.POSITIVE, CHECKS) >= 25


@pytest.mark.slow
def test_invalid_generated_requests_get_a_4xx_never_a_5xx(served: tuple[Any, str]) -> None:
    schema, key = served
    assert _run(schema, key, GenerationMode.NEGATIVE, [not_a_server_error]) >= 25
