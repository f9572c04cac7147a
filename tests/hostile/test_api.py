"""Every API route that takes input, against every hostile value of the corpus (see corpus.py)."""
from __future__ import annotations

import json
from urllib.parse import quote_from_bytes

import pytest
from django.test import Client

from .conftest import fill, row_counts
from .corpus import API_ROUTES, HUGE, UNKNOWN_FIELD, VALUES, cases

pytestmark = pytest.mark.django_db


def _send(client: Client, route, body, headers):
    path = route.path
    if route.method == "GET":
        # Bytes as a broken client could send them (a lone surrogate encoded as if it were a character).
        query = "&".join(f"{k}={quote_from_bytes(v.encode('utf-8', 'surrogatepass'))}" for k, v in body.items())
        return client.get(f"{path}?{query}", **headers)
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return getattr(client, route.method.lower())(path, data, content_type="application/json", **headers)


def _names_the_field(answer: dict, name: str) -> bool:
    return answer.get("parameter") == name or name in answer.get("errors", {}) or name in answer.get("detail", "")


@pytest.mark.parametrize("route", API_ROUTES, ids=lambda r: f"{r.method} {r.path}")
def test_hostile_values_are_refused_with_a_dutch_4xx_and_nothing_written(client, member, route):
    route = type(route)(**{**vars(route), "path": fill(route.path, member["dossier"])})
    headers = member["headers"] if route.auth else {}
    problems = []
    for name, kind, label, value, refuse in cases(route.fields):
        before = row_counts()
        body = {**fill(route.base, member["dossier"]), name: value}
        if route.method == "GET":
            body = {name: value if isinstance(value, str) else json.dumps(value)}
        answer = _send(client, route, body, headers)
        where = f"{name}={label} ({kind}) -> {answer.status_code}"
        if answer.status_code >= 500:
            problems.append(f"{where}: a server error")
        elif refuse and not 400 <= answer.status_code < 500:
            problems.append(f"{where}: accepted")
        elif answer.status_code >= 400:
            if row_counts() != before:
                problems.append(f"{where}: refused, but rows were written")
            if answer.status_code == 422 and not _names_the_field(answer.json(), name):
                problems.append(f"{where}: the answer does not name the field: {answer.json()}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", [r for r in API_ROUTES if r.method != "GET"], ids=lambda r: f"{r.method} {r.path}")
def test_an_unknown_field_is_named_in_a_422(client, member, route):
    path = fill(route.path, member["dossier"])
    before = row_counts()
    body = {**fill(route.base, member["dossier"]), UNKNOWN_FIELD: "blauw"}
    answer = _send(client, type(route)(**{**vars(route), "path": path}), body, member["headers"] if route.auth else {})
    assert answer.status_code == 422, answer.content
    assert answer.json()["parameter"] == UNKNOWN_FIELD and "onbekend" in answer.json()["detail"]
    assert row_counts() == before


@pytest.mark.parametrize("route", [r for r in API_ROUTES if r.method != "GET"], ids=lambda r: f"{r.method} {r.path}")
def test_a_5_mb_body_gets_a_json_answer(client, member, route):
    path = fill(route.path, member["dossier"])
    before = row_counts()
    field = route.huge or next(iter(route.fields))
    body = {**fill(route.base, member["dossier"]), field: HUGE}
    answer = _send(client, type(route)(**{**vars(route), "path": path}), body, member["headers"] if route.auth else {})
    assert answer.status_code in (413, 422), answer.status_code
    assert answer["Content-Type"].startswith("application/json")
    assert "te groot" in answer.json()["detail"]
    assert row_counts() == before


def test_the_corpus_holds_every_kind_of_hostile_value():
    # The habit of issue #16: these kinds are in the table, so every listed route meets them.
    assert {"lone surrogate", "NUL", "RTL override", "10^30", "negative", "true", "list", "day 0001",
            "day 9999"} <= set(VALUES)
