"""Facts of the guide (and of the public pages in shared/reference/facts.md) as the API gives them.

Each test names one funding line or partner; a line whose file has not landed yet fails
with a 404 until it does.
"""
import pytest

pytestmark = pytest.mark.django_db

API = "/api/v1"

RAND = ["Asse", "Beersel", "Dilbeek", "Drogenbos", "Grimbergen", "Hoeilaart", "Kraainem", "Linkebeek", "Machelen",
        "Meise", "Merchtem", "Overijse", "Sint-Genesius-Rode", "Sint-Pieters-Leeuw", "Tervuren", "Vilvoorde",
        "Wemmel", "Wezembeek-Oppem", "Zaventem"]
FACILITIES = ["Drogenbos", "Kraainem", "Linkebeek", "Sint-Genesius-Rode", "Wemmel", "Wezembeek-Oppem"]


def line(client, id_: str) -> dict:
    response = client.get(f"{API}/funding/{id_}")
    assert response.status_code == 200, f"{id_}: {response.content!r}"
    return response.json()


def municipality(client, name: str) -> dict:
    response = client.get(f"{API}/municipalities/{name}")
    assert response.status_code == 200, name
    return response.json()


def test_taalstimulering(client):
    data = line(client, "subsidie-taalstimulering-nederlands")
    assert data["financial"]["cost_share_pct"] == 80
    assert data["financial"]["max_amount"] == 15000
    assert data["timing"]["lead_time_months"] == 3
    assert data["timing"]["lead_time_reference"] == "project_start"
    assert data["timing"]["submission_mode"] == "continuous"
    assert set(data["applicant_types"]) == {"lokaal-bestuur", "feitelijke-vereniging", "vzw", "school"}
    assert data["territory"]["id"] == "provincie-vlaams-brabant"
    assert {"max_count": 2, "scope": "per-project-per-beneficiary"}.items() <= data["limits"][0].items()
    amounts = {e["title"]: e["amount"] for e in data["examples"]}
    assert amounts["Taalbruggen in 1770"] == 15000 and amounts["Leeshelden (Vilvoorde)"] == 2960
    rounds = {f["slug"]: f for f in data["figures"]}
    assert rounds["ronde-totaal"]["points"][0]["value"] == 61461


def test_impulssubsidie(client):
    data = line(client, "impulssubsidie-vlaamse-rand")
    assert data["timing"]["submission_mode"] == "rounds"
    assert data["timing"]["yearly_deadlines"] == ["02-01", "05-01", "10-01"]
    assert data["timing"]["lead_time_months"] == 2
    assert data["max_duration_months"] == 36
    assert data["territory"]["id"] == "vlaamse-rand"
    assert data["administrator"]["id"] == "abb-team-vlaamse-rand"


def test_feest_van_de_vlaamse_gemeenschap(client):
    data = line(client, "subsidie-feest-vlaamse-gemeenschap")
    assert data["timing"]["activity_window"] == {"start": "06-20", "end": "07-20"}
    assert data["financial"]["cost_share_pct"] == 80
    assert data["financial"]["max_amount"] == 1500
    assert data["timing"]["lead_time_months"] == 3
    assert data["territory"]["id"] == "faciliteitengemeenten"
    scopes = {x["scope"]: x["max_count"] for x in data["limits"]}
    assert scopes == {"per-municipality-per-year": 3, "per-applicant": 1}


def test_verenigingen_in_de_faciliteitengemeenten(client):
    data = line(client, "subsidie-verenigingen-faciliteitengemeenten")
    assert data["financial"]["cost_share_pct"] == 80
    assert data["timing"]["lead_time_months"] == 2
    assert data["timing"]["submission_mode"] == "continuous"
    assert data["territory"]["id"] == "faciliteitengemeenten"


def test_wies_fonds(client):
    data = line(client, "wies-fonds")
    assert data["financial"]["total_budget"] == 4_500_000
    assert data["financial"]["max_amount"] == 1_000_000
    assert data["financial"]["cost_share_pct"] == 50
    assert data["administrator"]["id"] == "vlabinvest"
    assert data["territory"]["id"] == "vlaamse-rand"


def test_vlaams_randfonds(client):
    data = line(client, "vlaams-randfonds")
    assert data["financial"]["total_budget"] == 30_337_000
    assert data["status"] == "onzeker" and data["status_reason"]


def test_plan_samenleven(client):
    data = line(client, "plan-samenleven")
    assert data["status"] == "onzeker"
    closing = {r["closes_on"] for r in data["timing"]["call_rounds"]}
    assert "2023-07-10" in closing
    opening = {r["opens_on"] for r in data["timing"]["call_rounds"]}
    assert "2023-05-26" in opening


def test_all_seven_lines_are_listed(client):
    listed = {item["id"] for item in client.get(f"{API}/funding").json()}
    assert listed >= {
        "plan-samenleven", "vlaams-randfonds", "wies-fonds", "impulssubsidie-vlaamse-rand",
        "subsidie-verenigingen-faciliteitengemeenten", "subsidie-taalstimulering-nederlands",
        "subsidie-feest-vlaamse-gemeenschap",
    }


def test_partner_contacts(client):
    assert client.get(f"{API}/partners/abb-team-vlaamse-rand").json()["email"] == "rand@vlaanderen.be"
    assert client.get(f"{API}/partners/vlabinvest").json()["email"] == "info@vlabinvest.be"


@pytest.mark.parametrize("name", RAND)
def test_the_19_rand_municipalities(client, name):
    data = municipality(client, name)
    assert data["in_vlaamse_rand"]
    assert data["facility_municipality"] == (name in FACILITIES)
    assert "vlaamse-rand" in data["territories"]


def test_outside_the_rand(client):
    halle = municipality(client, "Halle")
    assert not halle["in_vlaamse_rand"] and halle["wies_status"] == "no"


def test_tervuren_lies_in_leuven_and_its_wies_status_is_to_verify(client):
    tervuren = municipality(client, "Tervuren")
    assert tervuren["arrondissement"] == "Leuven"
    assert tervuren["wies_status"] == "to_verify" and tervuren["wies_note"]


def test_gooik_merged_into_pajottegem(client):
    gooik = municipality(client, "Gooik")
    assert gooik["merged_into"] == "23106" and gooik["merged_on"] == "2025-01-01"
    assert municipality(client, "23106")["name_nl"] == "Pajottegem"
