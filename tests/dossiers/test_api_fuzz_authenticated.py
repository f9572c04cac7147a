"""Schemathesis on the dossier routes *with* a member's token, in-process (WSGI, test database).

The site-wide fuzz test (tests/e2e/test_api_fuzz.py) has no token, so it only ever sees 401 here;
this one reaches the routes' own validation with generated odd input: never a 5xx, every status
documented, every body as its schema says.
"""
from __future__ import annotations

import json

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed; pip install -e '.[test]'")
from schemathesis.checks import not_a_server_error, response_schema_conformance, status_code_conformance  # noqa: E402

from randwijzer.api.api import api as ninja_api  # noqa: E402
from randwijzer.wsgi import application  # noqa: E402

from .conftest import bearer, new_dossier  # noqa: E402

DOCUMENT = json.loads(json.dumps(ninja_api.get_openapi_schema()))
DOCUMENT["paths"] = {path: item for path, item in DOCUMENT["paths"].items() if path.startswith("/api/v1/dossiers")}
CONFIG = schemathesis.Config.from_dict({
    "seed": 20261126,
    "generation": {"max-examples": 25, "deterministic": True, "database": "none", "mode": "all"},
    "phases": {"stateful": {"enabled": False}},
})
schema = schemathesis.openapi.from_dict(DOCUMENT, config=CONFIG)
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


@pytest.fixture
def member_token(people):
    dossier = new_dossier(people["bob"], people["wemmel"])  # id 1 or near it: generated ids sometimes hit it
    assert dossier.pk
    return bearer(people["bob"])["HTTP_AUTHORIZATION"]


@pytest.fixture
def keep_test_connection():
    """The WSGI app is called directly, not through Django's test Client, so do what the Client does:
    a finished request must not close the test's database connection (on PostgreSQL it would, and
    every later request would meet a closed connection inside the test's transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("keep_test_connection")
@schema.parametrize()
# One member and token for every generated request; what earlier requests created stays: that is fine here.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_dossier_routes_with_a_token_never_fail(case, member_token):
    case.headers = {**(case.headers or {}), "Authorization": member_token}
    response = case.call(app=application)
    case.validate_response(response, checks=CHECKS)
    assert response.status_code != 401  # the token was used: the routes' own answers were fuzzed
