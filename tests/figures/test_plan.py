"""The funding plan: service, POST /api/v1/plan and the /plan/ page."""
import datetime as dt
import json

import pytest
from django.urls import reverse

from randwijzer.figures.plan import plan_project
from randwijzer.matching.service import MatchInputError

from .helpers import text_of

pytestmark = pytest.mark.django_db

TAAL = "subsidie-taalstimulering-nederlands"
RANDFONDS = "vlaams-randfonds"
TEXT = "We willen als vzw een taalcafé opstarten waar anderstalige ouders Nederlands oefenen"
DILBEEK = {"text": TEXT, "municipality": "Dilbeek", "applicant_type": "vzw", "cost": 4000,
           "date": "2026-11-26", "start": "2027-03-01"}


def plan_for(**changes):
    args = {"text": TEXT, "municipality": "Dilbeek", "applicant_type": "vzw", "cost": 4000,
            "reference": dt.date(2026, 11, 26), "start": dt.date(2027, 3, 1), **changes}
    return plan_project(**args)


def line(plan, id_):
    return next(item for item in plan.lines if item.id == id_)


def test_taalstimulering_case_estimates_share_and_own_part():
    plan = plan_for()
    taal = line(plan, TAAL)
    assert taal.eligibility == "eligible" and taal.estimated_amount == 3200
    assert taal.share_pct == 80 and taal.max_amount == 15000
    assert plan.total_estimated_eligible == 3200 and plan.own_part == 800
    assert any(w.startswith("Cofinanciering nodig") and "80%" in w and "€ 800" in w for w in taal.warnings)
    assert any("Cofinanciering nodig" in w and "Subsidie taalstimulering Nederlands" in w for w in plan.warnings)


def test_only_eligible_and_uncertain_lines_eligible_first():
    plan = plan_for()
    assert [item.eligibility for item in plan.lines] == sorted((i.eligibility for i in plan.lines), key=["eligible", "uncertain"].index)
    assert {item.eligibility for item in plan.lines} <= {"eligible", "uncertain"}
    assert "wies-fonds" not in {item.id for item in plan.lines}  # a vzw cannot use it


def test_a_share_of_something_else_gives_no_estimate_and_off_topic_lines_stay_out():
    # The WIES-fonds pays half of the municipality's contribution to the land value, not of a project's cost.
    plan = plan_for(municipality="Wemmel", applicant_type="lokaal-bestuur")
    assert "wies-fonds" not in {item.id for item in plan.lines}  # a language project is not a WIES project
    wies = plan_for(text="Kavels voorbehouden voor inwoners met lokale binding (Wonen in Eigen Streek)",
                    municipality="Wemmel", applicant_type="lokaal-bestuur", cost=400_000)
    fund = line(wies, "wies-fonds")
    assert fund.estimated_amount is None and fund.share_pct == 50


def test_unknown_share_uncertain_line_and_combining_are_warned_not_guessed():
    plan = plan_for()
    fund = line(plan, RANDFONDS)
    assert fund.eligibility == "uncertain" and fund.estimated_amount is None and fund.share_pct is None
    assert any(w.startswith("Bedrag onbekend") for w in fund.warnings)
    # "Never the full cost" is read from the line's conditions: co-financing without a share.
    assert any(w.startswith("Cofinanciering nodig") for w in fund.warnings)
    assert any(w.startswith("Let op:") and "nooit de volledige kost" in w for w in fund.warnings)  # the source's words
    assert any(w.startswith("Onzeker") for w in fund.warnings) and fund.to_check
    assert any("vraag na of u deze steun mag combineren" in w for w in plan.warnings)
    assert any("onzeker en telt apart" in w for w in plan.warnings)
    assert any(w.startswith("Bedrag onbekend voor Vlaamse Randfonds") for w in plan.warnings)
    assert plan.total_estimated_with_uncertain == 3200  # an unknown amount adds nothing


def test_uncertain_amounts_count_separately_and_own_part_never_below_zero():
    # An association in Wemmel: its line for associations in the facility municipalities is uncertain
    # (is it a Dutch-speaking association?) with an estimate of its own.
    text = ("Onze Nederlandstalige vereniging organiseert een taalcafé zodat Vlamingen en anderstalige inwoners "
            "elkaar ontmoeten, Nederlands oefenen en zich thuis voelen in de gemeente")
    plan = plan_for(text=text, municipality="Wemmel")
    assert plan.total_estimated_eligible == 3200 and plan.own_part == 800
    uncertain_amounts = sum(i.estimated_amount or 0 for i in plan.uncertain)
    assert uncertain_amounts > 0
    assert plan.total_estimated_with_uncertain == 3200 + uncertain_amounts > plan.cost
    assert plan.own_part_with_uncertain == 0
    assert any("als ook deze toegekend wordt" in w for w in plan.warnings)
    assert any("hoger dan de kostprijs" in w for w in plan.warnings)


def test_the_cap_is_applied_and_said():
    plan = plan_for(cost=100_000)
    taal = line(plan, TAAL)
    assert taal.estimated_amount == 15000 and plan.own_part == 85000
    assert any(w.startswith("Begrensd") and "€ 15.000" in w for w in taal.warnings)


@pytest.mark.parametrize("cost", [None, 0, -5, 10**12])
def test_impossible_costs_are_refused_in_dutch(cost):
    with pytest.raises(MatchInputError) as error:
        plan_for(cost=cost)
    assert error.value.field == "cost" and "kostprijs" in error.value.message


# --- API ------------------------------------------------------------------------------------

def post(client, payload):
    body = payload if isinstance(payload, str) else json.dumps(payload)
    return client.post("/api/v1/plan", body, content_type="application/json")


def test_api_answers_the_plan(client):
    response = post(client, DILBEEK)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["total_estimated_eligible"] == 3200 and data["own_part"] == 800
    assert data["total_estimated_with_uncertain"] == 3200
    taal = next(item for item in data["lines"] if item["id"] == TAAL)
    assert taal == {**taal, "eligibility": "eligible", "estimated_amount": 3200, "share_pct": 80, "max_amount": 15000}
    assert any(w.startswith("Cofinanciering nodig") for w in taal["warnings"])
    fund = next(item for item in data["lines"] if item["id"] == RANDFONDS)
    assert fund["estimated_amount"] is None and fund["share_pct"] is None
    assert any("combineren" in w for w in data["warnings"])
    assert "/api/v1/plan" in client.get("/api/v1/openapi.json").json()["paths"]


@pytest.mark.parametrize("changes, parameter, words", [
    ({"cost": None}, "cost", ""),
    ({"cost": 0}, "cost", "groter zijn dan € 0"),
    ({"cost": -1}, "cost", "mag niet negatief zijn"),
    ({"cost": "veel"}, "cost", "geheel getal"),
    ({"municipality": "Dilbek"}, "municipality", "Bedoelde u: Dilbeek"),
    ({"applicant_type": "ruimtevaarder"}, "applicant_type", "Onbekend type aanvrager"),
    ({"start": "01-03-2027"}, "start", "JJJJ-MM-DD"),
])
def test_api_bad_input_is_422_with_a_dutch_reason(client, changes, parameter, words):
    payload = {k: v for k, v in {**DILBEEK, **changes}.items() if v is not None}
    response = post(client, payload)
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["parameter"] == parameter and words in body["detail"]


def test_api_refuses_broken_json_with_422(client):
    assert post(client, "{niet json").status_code in (400, 422)
    assert post(client, "[]").status_code == 422


# --- page -----------------------------------------------------------------------------------

PAGE = {"text": TEXT, "municipality": "Dilbeek", "applicant_type": "vzw", "cost": "4.000",
        "reference": "2026-11-26", "start": "2027-03-01"}


def test_plan_page_shows_totals_lines_and_warnings(client):
    response = client.get(reverse("figures:plan"), PAGE)
    assert response.status_code == 200
    text, html = text_of(response), response.content.decode()
    assert html.count("<h1") == 1
    assert "Geschatte steun € 3.200" in text and "Uw eigen deel € 800" in text
    assert "Cofinanciering nodig: deze steun dekt tot 80% van de kosten" in text
    assert "bedrag onbekend" in text and "vraag na of u deze steun mag combineren" in text
    assert reverse("catalogue:funding", args=[TAAL]) in html
    assert reverse("matching:match") + "?" in html  # the same question in the Projectwijzer


def test_plan_page_empty_form_and_errors_in_dutch(client):
    empty = client.get(reverse("figures:plan"))
    assert empty.status_code == 200 and "Maak het plan" in text_of(empty) and "Uw financieringsplan" not in text_of(empty)
    missing = client.get(reverse("figures:plan"), {**PAGE, "cost": ""})
    assert missing.status_code == 200
    assert "Geef de totale kostprijs van het project" in text_of(missing) and 'href="#id_cost"' in missing.content.decode()
    zero = client.get(reverse("figures:plan"), {**PAGE, "cost": "0"})
    assert "De kostprijs moet groter zijn dan € 0." in text_of(zero)
    typo = client.get(reverse("figures:plan"), {**PAGE, "municipality": "Dilbek"})
    assert "Onbekende gemeente 'Dilbek'. Bedoelde u: Dilbeek" in text_of(typo)
    assert "municipality=Dilbeek" in typo.content.decode()  # a link that asks again with the suggestion
