"""The Dutch reasons of issue #16, word for word where a user reads them, and the one range in limits.py."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from randwijzer.catalogue import limits
from randwijzer.dossiers.models import Dossier

from .corpus import LINE, TAALCAFE

pytestmark = pytest.mark.django_db


def _post(client, path, body, headers=None):
    return client.post(path, json.dumps(body), content_type="application/json", **(headers or {}))


def test_a_list_for_an_amount_is_named_in_dutch_not_as_python_types(client, member):
    answer = _post(client, "/api/v1/dossiers", {"organisation": "wemmel", "title": "T", "funding_line": LINE,
                                                "amount_requested": [1]}, member["headers"])
    assert answer.status_code == 422
    detail = answer.json()["detail"]
    assert answer.json()["parameter"] == "amount_requested"
    assert "amount_requested moet een bedrag in euro zijn" in detail
    assert "int" not in detail and "str" not in detail


def test_true_is_no_amount_and_nothing_is_stored(client, member):
    answer = _post(client, "/api/v1/dossiers", {"organisation": "wemmel", "title": "T", "funding_line": LINE,
                                                "amount_requested": True}, member["headers"])
    assert answer.status_code == 422
    assert not Dossier.objects.filter(amount_requested=Decimal("1.00")).exists()


def test_a_cost_of_10_to_the_30_gets_no_estimate(client):
    answer = _post(client, "/api/v1/match", {**TAALCAFE, "cost": 10**30})
    assert answer.status_code == 422
    assert answer.json()["parameter"] == "cost" and "hoogstens € 1.000.000.000" in answer.json()["detail"]


def test_wies_refuses_a_list_as_municipality_and_1e3_as_units(client):
    base = {"municipality": "Grimbergen", "units": 10, "land_share": 150000, "contribution_pct": 60}
    listed = _post(client, "/api/v1/wies/calculate", {**base, "municipality": ["Grimbergen"]})
    assert listed.status_code == 422 and listed.json()["parameter"] == "municipality"
    assert "moet tekst zijn" in listed.json()["detail"]
    exponent = _post(client, "/api/v1/wies/calculate", {**base, "units": "1e3"})
    assert exponent.status_code == 422 and exponent.json()["parameter"] == "units"


def test_dossier_dates_outside_the_range_are_refused_on_the_page_too(member):
    answer = member["client"].post(f"/dossiers/{member['dossier'].pk}/bewerken/", {
        "version": member["dossier"].version, "title": "T", "funding_line": LINE, "submitted_on": "0001-01-01"})
    assert answer.status_code == 400
    assert "Ingediend op moet tussen 1900 en 2100 liggen." in answer.content.decode()
    assert Dossier.objects.get(pk=member["dossier"].pk).submitted_on is None


def test_a_lone_surrogate_in_a_dossier_is_refused_naming_the_field(client, member):
    answer = _post(client, "/api/v1/dossiers", {"organisation": "wemmel", "title": "Taal \ud800", "funding_line": LINE},
                   member["headers"])
    assert answer.status_code == 422
    assert answer.json()["errors"] == {"title": "Titel bevat ongeldige tekens."}


@pytest.mark.parametrize(("value", "expected"), [
    ("1900-01-01", dt.date(1900, 1, 1)), ("2100-12-31", dt.date(2100, 12, 31)), (dt.date(2027, 3, 1), dt.date(2027, 3, 1)),
])
def test_the_one_date_range_includes_its_ends(value, expected):
    assert limits.parse_day(value) == expected


@pytest.mark.parametrize("value", ["1899-12-31", "2101-01-01", "0001-01-01", "9999-12-31", "2027-3-1", 20270301, True,
                                   dt.datetime(2027, 3, 1), ["2027-03-01"]])
def test_dates_outside_the_range_or_form_are_refused_in_dutch(value):
    with pytest.raises(ValueError, match="moet"):
        limits.parse_day(value)


@pytest.mark.parametrize(("value", "expected"), [(0, 0), ("4000", 4000), (4000.0, 4000), (limits.MAX_AMOUNT, limits.MAX_AMOUNT)])
def test_whole_euros_accepts_plain_amounts(value, expected):
    assert limits.parse_whole_euros(value) == expected


@pytest.mark.parametrize("value", [True, False, [1], "1e3", "4000.5", 4000.5, -1, "-1", 10**30, limits.MAX_AMOUNT + 1, None,
                                   float("inf"), "٣"])
def test_whole_euros_refuses_anything_else(value):
    with pytest.raises(ValueError):
        limits.parse_whole_euros(value)


@pytest.mark.parametrize("value", [True, [1], "NaN", "1e3", "1.005", -0.01, 10**30, "1" * 500])
def test_euros_refuses_anything_else(value):
    with pytest.raises(ValueError):
        limits.parse_euros(value)
