"""Schemathesis against the running server's OpenAPI document: generated requests, valid and invalid.

For every operation it sends the schema's examples, its coverage cases (boundaries, missing and
wrong-typed parameters) and a bounded number of randomly generated requests, and checks
that no answer is a 5xx, that every status code is documented and that every body matches
its schema. The run is seeded, so it is the same run every time, and bounded in examples.
The last test checks that the run made at least 1,000 requests.
"""
from __future__ import annotations

import json
from collections import Counter

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed; pip install -e '.[test]'")
from schemathesis.checks import (  # noqa: E402
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

SEED = 20261126
MIN_REQUESTS = 1000
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


def openapi_document() -> dict:
    """The OpenAPI document the server serves, built by the same code in this process.

    Schemathesis needs the operations when pytest collects the tests, before the server
    fixture runs (its lazy `from_fixture` loader does not work with pytest 9); the test
    below checks that the running server serves exactly this document.
    """
    from randwijzer.api.api import api

    return json.loads(json.dumps(api.get_openapi_schema()))


DOCUMENT = openapi_document()
OPERATIONS = sum(method in ("get", "post", "put", "patch", "delete") for item in DOCUMENT["paths"].values() for method in item)
# Generated requests per operation: together about 1,200 whatever the number of operations, so
# the run stays above MIN_REQUESTS (the coverage phase adds its own) and bounded in time.
EXAMPLES_PER_OPERATION = max(60, -(-1200 // max(OPERATIONS, 1)))

CONFIG = schemathesis.Config.from_dict({
    "seed": SEED,
    "generation": {
        "max-examples": EXAMPLES_PER_OPERATION,
        "deterministic": True,
        "database": "none",  # nothing carried over between runs: the same run every time
        "mode": "all",  # valid and invalid (negative) input, on every run
    },
    # Explicitly on: the schema's examples, the coverage phase (boundaries, wrong types, missing and
    # unknown fields: the negative data of issue #16) and random fuzzing; not the stateful phase.
    "phases": {"examples": {"enabled": True}, "coverage": {"enabled": True}, "fuzzing": {"enabled": True},
               "stateful": {"enabled": False}},
    "request-timeout": 30,
})
schema = schemathesis.openapi.from_dict(DOCUMENT, config=CONFIG)

REQUESTS: Counter[str] = Counter()
STATUSES: Counter[int] = Counter()


def test_the_server_serves_the_document_that_is_fuzzed(server):
    status, body = server.get("/api/v1/openapi.json")
    assert status == 200
    assert json.loads(body) == DOCUMENT


@pytest.mark.parametrize("body", [b"\x00", b"{", b"not json", "{\"text\": \"caf\u00e9\"".encode()])
def test_a_body_that_is_not_json_gets_a_dutch_422(server, body):
    # Found by the fuzzer: django-ninja answered an undocumented 400 in English.
    status, text = server.post("/api/v1/match", body)
    assert status == 422
    answer = json.loads(text)
    assert answer["detail"] == "Ongeldige invoer: de inhoud van het verzoek is geen geldige JSON."
    assert answer["parameter"] is None and answer["suggestions"] == []


@schema.parametrize()
def test_api_answers_every_generated_request_within_its_schema(case, server):
    response = case.call(base_url=server.url, timeout=30)
    REQUESTS[case.operation.label] += 1
    STATUSES[response.status_code] += 1
    case.validate_response(response, checks=CHECKS)


def test_the_fuzzer_made_enough_requests(capsys):
    if not REQUESTS:
        pytest.skip("the fuzzing tests did not run (deselected or failed before their first request)")
    total = sum(REQUESTS.values())
    with capsys.disabled():  # in the test output of every run, not only when a test fails
        print(f"\nschemathesis: {total} requests (seed {SEED}, {OPERATIONS} operations); per operation: {dict(REQUESTS)}; "
              f"status codes: {dict(sorted(STATUSES.items()))}")
    assert total >= MIN_REQUESTS
    assert not any(code >= 500 for code in STATUSES)
