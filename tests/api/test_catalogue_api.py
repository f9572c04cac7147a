"""The JSON API under /api/v1: endpoints, filters, errors and the OpenAPI document."""
import datetime as dt

import django.core.exceptions
import pydantic
import pytest

from randwijzer.api import serializers
from randwijzer.catalogue.models import FundingLine

pytestmark = pytest.mark.django_db

API = "/api/v1"
TAAL = "subsidie-taalstimulering-nederlands"


def ids(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()}


# ---------------------------------------------------------------- funding lines


def test_funding_list_gives_every_line_with_its_key_fields(client):
    items = client.get(f"{API}/funding").json()
    assert {i["id"] for i in items} == set(FundingLine.objects.values_list("id", flat=True))
    taal = next(i for i in items if i["id"] == TAAL)
    assert taal["title"] == "Subsidie taalstimulering Nederlands"
    assert taal["status"] == "doorlopend" and taal["level"] == "provinciaal"
    assert "taalpromotie-nederlands" in taal["themes"]
    assert set(taal["applicant_types"]) == {"lokaal-bestuur", "feitelijke-vereniging", "vzw", "school"}
    assert taal["territory"] == "provincie-vlaams-brabant"
    assert taal["administrator"] == "provincie-vlaams-brabant"
    assert taal["url"] == f"/steun/{TAAL}/"


def test_theme_filter_keeps_only_lines_with_that_theme(client):
    everything = ids(client.get(f"{API}/funding"))
    wonen = ids(client.get(f"{API}/funding", {"theme": "wonen"}))
    assert wonen and wonen < everything
    assert all("wonen" in i["themes"] for i in client.get(f"{API}/funding", {"theme": "wonen"}).json())
    # The label works as well as the id, in any case.
    assert ids(client.get(f"{API}/funding", {"theme": "WONEN"})) == wonen


def test_applicant_type_filter(client):
    schools = client.get(f"{API}/funding", {"applicant_type": "school"}).json()
    assert schools
    assert all("school" in i["applicant_types"] + i["applicant_types_to_verify"] for i in schools)
    assert TAAL in {i["id"] for i in schools}


def test_municipality_filter_follows_the_territory(client):
    halle = ids(client.get(f"{API}/funding", {"municipality": "Halle"}))
    assert TAAL in halle  # province-wide
    assert not any(line_territory(client, i) == "vlaamse-rand" for i in halle)


def line_territory(client, id_: str) -> str:
    return client.get(f"{API}/funding/{id_}").json()["territory"]["id"]


@pytest.mark.parametrize("value", ["23101", "Sint-Genesius-Rode", "sint genesius rode", "Rhode-Saint-Genèse", "RHODE SAINT GENESE"])
def test_municipality_by_nis_code_or_any_spelling_of_its_name(client, value):
    assert ids(client.get(f"{API}/funding", {"municipality": value})) == ids(client.get(f"{API}/funding", {"municipality": "23101"}))


def test_status_level_and_text_filters(client):
    onzeker = client.get(f"{API}/funding", {"status": "onzeker"}).json()
    assert onzeker and all(i["status"] == "onzeker" for i in onzeker)
    provincial = client.get(f"{API}/funding", {"level": "provinciaal"}).json()
    assert provincial and all(i["level"] == "provinciaal" for i in provincial)
    found = ids(client.get(f"{API}/funding", {"q": "taalstimulering"}))
    assert TAAL in found and found < ids(client.get(f"{API}/funding"))


def test_empty_filters_are_ignored(client):
    params = {"theme": "", "applicant_type": " ", "municipality": "", "status": "", "level": "", "q": ""}
    assert ids(client.get(f"{API}/funding", params)) == ids(client.get(f"{API}/funding"))


def test_funding_detail_has_every_structured_field(client):
    data = client.get(f"{API}/funding/{TAAL}").json()
    assert set(data) >= {
        "title", "summary", "description", "administrator", "related_partners", "level", "status", "status_reason",
        "themes", "applicant_types", "applicant_types_to_verify", "territory", "territory_basis",
        "required_municipality_flags", "financial", "max_duration_months", "timing", "limits", "conditions",
        "examples", "figures", "contact", "sources", "field_sources", "to_verify", "verified_on",
    }
    assert data["administrator"] == {"id": "provincie-vlaams-brabant", "name": data["administrator"]["name"]}
    assert data["territory"]["id"] == "provincie-vlaams-brabant"
    assert set(data["financial"]) == {"cost_share_pct", "max_amount", "total_budget", "budget_period"}
    assert data["financial"]["total_budget"] is None
    assert set(data["timing"]) == {
        "submission_mode", "yearly_deadlines", "call_rounds", "lead_time_months", "lead_time_reference",
        "activity_window", "next_deadline",
    }
    assert data["limits"][0] == {"max_count": 2, "scope": "per-project-per-beneficiary", "text": data["limits"][0]["text"], "source": "provincie"}
    dilbeek = next(e for e in data["examples"] if e["title"] == "Leeshelden (Dilbeek)")
    assert dilbeek["municipality"] == "23016" and dilbeek["amount"] == 1965
    figure = next(f for f in data["figures"] if f["slug"] == "ronde-totaal")
    assert figure["points"][0] == {"label": "Totaal toegekend", "value": 61461, "at_least": False, "computed": ""}
    # The printed guide was read, not checked at the source; the province's page was.
    dates = {source["key"]: source["verified_on"] for source in data["sources"]}
    assert dates["gids"] is None and dates["provincie"] == "2026-11-26" and data["verified_on"] == "2026-11-26"
    assert data["field_sources"]["max_amount"] == "provincie"


def test_next_deadline_comes_from_the_yearly_rounds():
    line = FundingLine.objects.with_details().get(id="impulssubsidie-vlaamse-rand")
    detail = serializers.funding_detail(line, today=dt.date(2027, 1, 15)).model_dump(mode="json")
    assert detail["timing"]["next_deadline"] == "2027-02-01"
    detail = serializers.funding_detail(line, today=dt.date(2027, 10, 2)).model_dump(mode="json")
    assert detail["timing"]["next_deadline"] == "2028-02-01"


@pytest.mark.parametrize("path, start", [
    ("/funding/bestaat-niet", "Geen "), ("/funding/Bestaat Niet", "Geen "), ("/funding/a/b", "Geen "),
    ("/partners/bestaat-niet", "Geen "),
    ("/municipalities/Nergenshuizen", "Onbekende gemeente 'Nergenshuizen'."),
    ("/municipalities/99999", "Onbekende gemeente '99999'."),
])
def test_unknown_id_is_a_dutch_404(client, path, start):
    response = client.get(API + path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"].startswith(start)


# ---------------------------------------------------------------- unknown filter values


@pytest.mark.parametrize(("path", "parameter", "value", "suggestion"), [
    ("/funding", "theme", "wonem", "wonen"),
    ("/funding", "applicant_type", "vzww", "vzw"),
    ("/funding", "status", "gesloten", "afgesloten"),
    ("/funding", "level", "provincie", None),
    ("/partners", "kind", "vzv", "vzw"),
    ("/partners", "theme", "onbekend", None),
])
def test_unknown_filter_value_is_a_422_naming_the_parameter(client, path, parameter, value, suggestion):
    response = client.get(API + path, {parameter: value})
    assert response.status_code == 422
    body = response.json()
    assert body["parameter"] == parameter
    assert parameter in body["detail"] and value in body["detail"]
    if suggestion:
        assert suggestion in body["suggestions"]


def test_unknown_municipality_suggests_close_names(client):
    response = client.get(f"{API}/funding", {"municipality": "Tervure"})
    assert response.status_code == 422
    body = response.json()
    assert body["parameter"] == "municipality"
    assert "Tervuren" in body["suggestions"] and "Tervuren" in body["detail"]


def test_too_long_text_is_a_dutch_422(client):
    response = client.get(f"{API}/funding", {"q": "taal " * 100})
    assert response.status_code == 422
    assert response.json()["parameter"] == "q"
    assert "te lang" in response.json()["detail"]


ODD = ["", " ", "x" * 5000, "\x00", "nul\x00byte", "💥🇧🇪", "é" * 90, "../../etc/passwd", "' OR 1=1 --", "١٢٣٤٥", "²", "%", "\u202e"]


@pytest.mark.parametrize("value", ODD)
@pytest.mark.parametrize("parameter", ["theme", "applicant_type", "municipality", "status", "level", "q", "kind"])
def test_odd_filter_values_never_crash(client, parameter, value):
    path = "/partners" if parameter == "kind" else "/funding"
    response = client.get(API + path, {parameter: value})
    assert response.status_code in (200, 422)
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("query", ["theme=%ED%A0%80", "municipality=%FF%FE", "q=%C3", "status=%00", "theme=a&theme=b", "municipality"])
def test_raw_query_strings_with_broken_utf8_never_crash(client, query):
    response = client.get(f"{API}/funding?{query}")
    assert response.status_code in (200, 422)
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("value", ["x" * 5000, "%00", "💥", "%ED%A0%80", "..%2F..", "١٢٣٤٥", "-", "a--b"])
@pytest.mark.parametrize("path", ["/funding/", "/partners/", "/municipalities/"])
def test_odd_ids_never_crash(client, path, value):
    response = client.get(API + path + value)
    assert response.status_code == 404
    assert response.json()["detail"]


# ---------------------------------------------------------------- partners


def test_partner_list_and_filters(client):
    everything = ids(client.get(f"{API}/partners"))
    assert {"abb-team-vlaamse-rand", "vlabinvest", "vzw-de-rand"} <= everything
    agencies = client.get(f"{API}/partners", {"kind": "agentschap"}).json()
    assert agencies and all(p["kind"] == "agentschap" for p in agencies)
    wonen = client.get(f"{API}/partners", {"theme": "wonen"}).json()
    assert wonen and all("wonen" in p["themes"] for p in wonen)
    assert ids(client.get(f"{API}/partners", {"municipality": "Leuven"})) < everything
    assert "vlabinvest" in ids(client.get(f"{API}/partners", {"q": "WIES"}))


def test_partner_detail(client):
    data = client.get(f"{API}/partners/abb-team-vlaamse-rand").json()
    assert data["kind"] == "agentschap" and data["territory"]["id"] == "vlaamse-rand"
    assert data["services"][0]["title"] == "Aanvragen voor subsidies behandelen"
    assert "lokaal-bestuur" in data["services"][0]["audiences"]
    assert set(data) >= {"name", "summary", "description", "website", "email", "themes", "administers",
                         "related_lines", "sources", "field_sources", "to_verify", "verified_on"}
    assert data["field_sources"]["email"] == "gids"
    taal = client.get(f"{API}/partners/provincie-vlaams-brabant").json()
    assert TAAL in taal["administers"]
    assert TAAL in client.get(f"{API}/partners/vzw-de-rand").json()["related_lines"]


# ---------------------------------------------------------------- municipalities


def test_municipality_by_nis_code_and_by_name(client):
    by_code = client.get(f"{API}/municipalities/23102").json()
    assert by_code == client.get(f"{API}/municipalities/wemmel").json()
    assert by_code["name_nl"] == "Wemmel" and by_code["uri"] == "https://data.vlaanderen.be/id/gemeente/23102"
    assert by_code["in_vlaamse_rand"] and by_code["facility_municipality"] and by_code["wies_status"] == "yes"
    assert {"vlaamse-rand", "faciliteitengemeenten"} <= set(by_code["territories"])
    assert {TAAL, "subsidie-feest-vlaamse-gemeenschap"} & set(by_code["funding"])
    assert "vzw-de-rand" in by_code["partners"]
    assert by_code["merged_into"] is None and by_code["merged_on"] is None


def test_merged_municipality_answers_with_its_own_record(client):
    gooik = client.get(f"{API}/municipalities/Gooik").json()
    assert gooik["nis_code"] == "23024" and gooik["name_nl"] == "Gooik"
    assert gooik["merged_into"] == "23106" and gooik["merged_on"] == "2025-01-01"
    # What applies to it is what applies to Pajottegem.
    assert TAAL in gooik["funding"]
    assert "arrondissement-halle-vilvoorde" in gooik["territories"]
    pajottegem = client.get(f"{API}/municipalities/23106").json()
    assert pajottegem["nis_code_to_verify"] and pajottegem["funding"] == gooik["funding"]


def test_unknown_municipality_404_suggests(client):
    response = client.get(f"{API}/municipalities/Wemel")
    assert response.status_code == 404 and "Wemmel" in response.json()["detail"]


# ---------------------------------------------------------------- OpenAPI


def test_openapi_document_lists_every_path_and_error_response(client):
    doc = client.get(f"{API}/openapi.json").json()
    paths = doc["paths"]
    assert set(paths) >= {f"{API}/funding", f"{API}/funding/{{id}}", f"{API}/partners", f"{API}/partners/{{id}}",
                          f"{API}/municipalities/{{nis_code_or_name}}"}
    for path, operations in paths.items():
        for operation in operations.values():  # GET for the catalogue, POST for /match
            responses = operation["responses"]
            assert "200" in responses or "201" in responses  # 201: POST /dossiers creates
            assert ("404" in responses) if "{" in path else ("422" in responses), path
    schemas = doc["components"]["schemas"]
    assert {"FundingItem", "FundingDetail", "PartnerItem", "PartnerDetail", "MunicipalityDetail", "ErrorOut", "InvalidInputOut"} <= set(schemas)
    params = {p["name"] for p in paths[f"{API}/funding"]["get"]["parameters"]}
    assert params == {"theme", "applicant_type", "municipality", "status", "level", "q"}


def test_docs_page_is_served(client):
    response = client.get(f"{API}/docs")
    assert response.status_code == 200
    assert b"openapi.json" in response.content



def _pydantic_error():
    try:
        pydantic.TypeAdapter(int).validate_python("geen getal")
    except pydantic.ValidationError as exc:
        return exc


@pytest.mark.parametrize("error", [django.core.exceptions.ValidationError("ongeldig"), _pydantic_error()])
def test_validation_errors_escaping_a_route_become_422(client, monkeypatch, error):
    def broken(*args, **kwargs):
        raise error

    monkeypatch.setattr("randwijzer.api.funding.search.search_funding", broken)
    response = client.get(f"{API}/funding")
    assert response.status_code == 422 and response.json()["detail"] == "Ongeldige invoer."
