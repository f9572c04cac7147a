"""Search and matching give the same answers on SQLite and PostgreSQL.

Text ranking happens in Python (randwijzer.matching.relevance), the database only filters
and orders; these tests compare what the configured database gives with answers stored in
expected_results.json (written once from SQLite). `make test` runs them on both databases,
so both are held to the same stored answers.

To rewrite the file after a deliberate change of the catalogue or the ranking:
RANDWIJZER_WRITE_EXPECTED=1 .venv/bin/python -m pytest tests/ops/test_same_results.py
"""
import datetime as dt
import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from randwijzer.catalogue import models as m
from randwijzer.matching.search import search_funding, search_partners
from randwijzer.matching.evaluation import load_cases
from randwijzer.matching.service import match_project

EXPECTED = Path(__file__).with_name("expected_results.json")
REFERENCE = dt.date(2026, 11, 26)  # the evaluation's reference date: answers do not depend on today
QUERIES = ["taal", "taalcafé", "Nederlands oefenen", "voorlezen school", "feest 11 juli", "sport", "cultuur",
           "samenleven", "integratie nieuwkomers", "jeugdwerk", "muziek", "bibliotheek", "zzzz", "Élève école",
           "vrijwilligers vereniging", "gemeente"]
FILTERS = [{}, {"applicant_type": "vzw"}, {"applicant_type": "school"}, {"applicant_type": "gemeente"}]


def current_results() -> dict:
    wemmel = m.Municipality.objects.get(name_nl="Wemmel")
    results = {
        "funding": {}, "partners": {},
        "funding_unfiltered_order": [line.id for line in search_funding("")],
        "partners_unfiltered_order": [p.id for p in search_partners("")],
        "municipalities_order": list(m.Municipality.objects.values_list("nis_code", flat=True)),
        "funding_in_wemmel": [line.id for line in search_funding("taal", municipality=wemmel)],
    }
    for q in QUERIES:
        for filters in FILTERS:
            key = f"{q} | {json.dumps(filters, sort_keys=True)}"
            results["funding"][key] = [line.id for line in search_funding(q, **filters)]
            results["partners"][key] = [p.id for p in search_partners(q, **{k: v for k, v in filters.items()})]
    cases = load_cases(settings.PROJECT_DIR / "eval" / "cases.yaml")
    results["matches"] = {}
    for case in cases:
        answer = match_project(case.text, case.municipality, case.applicant_type, reference=case.date or REFERENCE,
                               start=case.start, end=case.end, cost=case.cost)
        results["matches"][case.id] = {
            "funding": [[f.id, f.eligibility, round(f.score, 6), f.next_deadline and f.next_deadline.isoformat(),
                         f.estimated_amount] for f in answer.funding],
            "partners": [[p.id, round(p.score, 6)] for p in answer.partners],
            "notes": answer.notes,
        }
    return results


@pytest.fixture(scope="module")
def results(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return current_results()


@pytest.fixture(scope="module")
def expected(results):
    if os.environ.get("RANDWIJZER_WRITE_EXPECTED") == "1":
        EXPECTED.write_text(json.dumps(results, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert EXPECTED.exists(), f"{EXPECTED.name} is missing; write it with RANDWIJZER_WRITE_EXPECTED=1 (see the module docstring)"
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_catalogue_search_gives_the_stored_results(results, expected):
    assert len(expected["funding"]) == len(QUERIES) * len(FILTERS)
    for key in expected["funding"]:
        assert results["funding"][key] == expected["funding"][key], key
        assert results["partners"][key] == expected["partners"][key], key
    assert any(expected["funding"].values()) and any(expected["partners"].values())


def test_unfiltered_lists_and_municipalities_come_in_the_same_order(results, expected):
    for key in ("funding_unfiltered_order", "partners_unfiltered_order", "municipalities_order", "funding_in_wemmel"):
        assert results[key] == expected[key], key
    assert len(expected["municipalities_order"]) >= 582


def test_every_evaluation_case_gets_the_stored_match(results, expected):
    assert results["matches"].keys() == expected["matches"].keys()
    for case_id, answer in expected["matches"].items():
        assert results["matches"][case_id] == answer, case_id


@pytest.mark.django_db
def test_the_search_page_and_the_api_agree_with_the_stored_ranking(expected):
    client = Client()
    data = client.get("/api/v1/funding", {"q": "taal"}).json()
    items = data["items"] if isinstance(data, dict) and "items" in data else data
    assert [item["id"] for item in items] == expected["funding"]['taal | {}']
    page = client.get("/catalogus/", {"q": "taal"})
    assert page.status_code == 200
