"""The WIES buyer check: each criterion, the 2023 thresholds with their source, and what is not known."""
import json
from pathlib import Path

import pytest

from randwijzer.wies.buyer import check_buyer, load_criteria, read_criteria
from randwijzer.wies.errors import WiesDataError, WiesInputError

pytestmark = pytest.mark.django_db

GOOD = {"years_lived": 7, "owns_other_property": False, "household_type": "single", "income": 40_000}


def outcomes(result) -> dict:
    return {c.criterion: c.outcome for c in result.criteria}


def test_a_single_who_meets_every_criterion():
    result = check_buyer(**GOOD)
    assert result.verdict == "meets"
    assert outcomes(result) == {"local_ties": "pass", "no_other_property": "pass", "income": "pass", "residence": "info"}
    assert "20 jaar" in result.criteria[3].explanation


def test_too_few_years_fails_local_ties():
    result = check_buyer(**{**GOOD, "years_lived": 4})
    assert result.verdict == "does_not_meet"
    assert outcomes(result)["local_ties"] == "fail"
    assert "minstens 5" in result.criteria[0].explanation


def test_other_property_fails():
    result = check_buyer(**{**GOOD, "owns_other_property": True})
    assert outcomes(result)["no_other_property"] == "fail" and result.verdict == "does_not_meet"


@pytest.mark.parametrize("income, outcome, words", [
    (12_000, "fail", "onder de ondergrens van € 12.078"),
    (53_146, "fail", "boven de bovengrens van € 53.145"),
    (30_000, "pass", "tussen € 12.078 en € 53.145"),
    (53_145, "unknown", "precies de grens"),
])
def test_income_single(income, outcome, words):
    result = check_buyer(**{**GOOD, "income": income})
    income_result = result.criteria[2]
    assert income_result.outcome == outcome and words in income_result.explanation


def test_couple_upper_bound_applies_and_lower_bound_is_not_invented():
    over = check_buyer(**{**GOOD, "household_type": "couple", "income": 80_000})
    assert outcomes(over)["income"] == "fail" and "€ 77.301" in over.criteria[2].explanation
    under = check_buyer(**{**GOOD, "household_type": "couple", "income": 5_000})
    assert outcomes(under)["income"] == "unknown"  # no lower bound for couples in the sources
    assert "ondergrens" in under.criteria[2].explanation
    assert under.verdict == "uncertain"


def test_thresholds_carry_year_source_and_verified_date():
    result = check_buyer(**GOOD)
    for criterion in result.criteria:
        assert criterion.year == 2023
        assert criterion.verified_on.isoformat() == "2026-11-26"
        urls = [s.url for s in criterion.sources]
        assert "https://www.vlaamsbrabant.be/nl/vlabinvest-wonen-en-zorg-vlaams-brabant/wonen-eigen-streek" in urls
        assert any("codex.vlaanderen.be" in u for u in urls)
    assert load_criteria().criteria.income.couple.min is None


@pytest.mark.parametrize("changes, field", [
    ({"years_lived": 11}, "years_lived"),
    ({"years_lived": -1}, "years_lived"),
    ({"income": -1}, "income"),
    ({"household_type": "gezin"}, "household_type"),
    ({"owns_other_property": "misschien"}, "owns_other_property"),
])
def test_bad_household_input(changes, field):
    with pytest.raises(WiesInputError) as info:
        check_buyer(**{**GOOD, **changes})
    assert info.value.field == field


def test_a_broken_data_file_is_reported_with_its_problem(tmp_path: Path):
    path = tmp_path / "buyer-criteria.yaml"
    path.write_text("sources: {}\ncriteria: {}\n", encoding="utf-8")
    with pytest.raises(WiesDataError) as info:
        read_criteria(path)
    assert "criteria.local_ties" in str(info.value)


def test_the_data_file_is_read_again_when_it_changes(tmp_path: Path):
    original = Path(__file__).resolve().parents[2] / "data" / "wies" / "buyer-criteria.yaml"
    path = tmp_path / "buyer-criteria.yaml"
    path.write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_criteria(path).criteria.income.single.max == 53145
    import os
    path.write_text(original.read_text(encoding="utf-8").replace("max: 53145", "max: 60000"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    assert load_criteria(path).criteria.income.single.max == 60000


# ---------------------------------------------------------------- API and page


def test_api_buyer_check(client):
    response = client.post("/api/v1/wies/buyer-check", json.dumps(GOOD), content_type="application/json")
    assert response.status_code == 200
    data = response.json()
    assert data["verdict"] == "meets"
    assert [c["criterion"] for c in data["criteria"]] == ["local_ties", "no_other_property", "income", "residence"]
    assert data["criteria"][2]["year"] == 2023


def test_api_buyer_check_bad_input_is_422(client):
    response = client.post("/api/v1/wies/buyer-check", json.dumps({**GOOD, "household_type": "gezin"}),
                           content_type="application/json")
    assert response.status_code == 422
    assert response.json()["parameter"] == "household_type"


def test_page_shows_thresholds_with_year_and_source(client):
    html = client.get("/wies/koper/").content.decode()
    assert "bedragen van 2023" in html
    assert "€ 53.145" in html and "€ 77.301" in html
    assert "https://www.vlaamsbrabant.be/nl/vlabinvest-wonen-en-zorg-vlaams-brabant/wonen-eigen-streek" in html
    assert "Te verifiëren:" in html and "ondergrens" in html


def test_page_check_per_criterion(client):
    params = {"years_lived": "3", "owns_other_property": "nee", "household_type": "single", "income": "40.000"}
    html = client.get("/wies/koper/", params).content.decode()
    assert "voldoet niet aan alle voorwaarden" in html
    assert "Niet voldaan: " in html and "Voldaan: " in html


def test_page_bad_input_is_a_dutch_message(client):
    html = client.get("/wies/koper/", {"years_lived": "12", "household_type": "single", "income": "x"}).content.decode()
    assert "Geef een aantal jaren van 0 tot 10." in html
    assert "Zeg of het huishouden ander vastgoed bezit." in html
