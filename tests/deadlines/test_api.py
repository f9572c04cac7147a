"""GET /api/v1/deadlines: items, defaults, filters and 422s."""
import pytest

from randwijzer.catalogue.models import FundingLine

from .conftest import FEEST, IMPULS, SAMENLEVEN

pytestmark = pytest.mark.django_db

URL = "/api/v1/deadlines"
FIRST_DAY = "Uiterste indiendatum voor een activiteit op 20 juni 2027 (eerste dag van de periode)"
LAST_DAY = "Uiterste indiendatum voor een activiteit op 20 juli 2027 (laatste dag van de periode)"


def title(pk):
    return FundingLine.objects.get(pk=pk).title


def deadline(pk, date, label="Uiterste indiendatum", to_verify=()):
    return {"funding_id": pk, "title": title(pk), "kind": "deadline", "date": date, "label": label, "to_verify": list(to_verify)}


def test_items_between_two_dates(client):
    answer = client.get(URL, {"from": "2027-01-01", "to": "2027-07-31"})
    assert answer.status_code == 200
    assert answer.json() == [
        deadline(IMPULS, "2027-02-01"),
        deadline(FEEST, "2027-03-20", FIRST_DAY),
        deadline(FEEST, "2027-04-20", LAST_DAY),
        deadline(IMPULS, "2027-05-01"),
        {"funding_id": FEEST, "title": title(FEEST), "kind": "window", "start": "2027-06-20", "end": "2027-07-20",
         "label": "Periode waarin de activiteit moet plaatsvinden", "to_verify": []},
    ]


def test_an_unsure_line_says_why(client):
    answer = client.get(URL, {"from": "2023-07-01", "to": "2023-07-31", "theme": "werk"})
    reason = FundingLine.objects.get(pk=SAMENLEVEN).status_reason
    doubts = [f"Het is onzeker of deze steunmaatregel nog loopt. {reason}", "Niet bevestigd: " + FundingLine.objects.get(pk=SAMENLEVEN).to_verify["status"]]
    assert answer.json() == [
        {"funding_id": SAMENLEVEN, "title": "Plan Samenleven", "kind": "window", "start": "2023-05-26",
         "end": "2023-07-10", "label": "Oproep projectjaar 2 (2023): indienperiode", "to_verify": doubts},
        deadline(SAMENLEVEN, "2023-07-10", "Oproep projectjaar 2 (2023): uiterste indiendatum", doubts),
    ]


def test_defaults_from_today_for_90_days(client, today):
    default = client.get(URL).json()
    assert default == client.get(URL, {"from": "2027-01-20", "to": "2027-04-20"}).json()
    assert [item["date"] for item in default] == ["2027-02-01", "2027-03-20", "2027-04-20"]
    # `to` defaults to 90 days after a given `from`.
    later = client.get(URL, {"from": "2027-04-01"}).json()
    assert [i.get("date") or i["start"] for i in later] == ["2027-04-20", "2027-05-01", "2027-06-20"]
    assert later[-1]["end"] == "2027-07-20"  # a window is listed whole, even past `to`


@pytest.mark.parametrize("params, count", [
    ({"municipality": "Wemmel"}, 5), ({"municipality": "23102"}, 5),  # Wemmel: both lines
    ({"municipality": "Zaventem"}, 2),  # not a facility municipality: no feest line
    ({"applicant_type": "andere-organisatie"}, 2), ({"applicant_type": "school"}, 5),
    ({"theme": "cultuur"}, 3),
])
def test_filters(client, params, count):
    answer = client.get(URL, {"from": "2027-01-01", "to": "2027-07-31", **params})
    assert answer.status_code == 200
    assert len(answer.json()) == count


@pytest.mark.parametrize("params, parameter, words", [
    ({"from": "2027-13-01"}, "from", "Ongeldige datum '2027-13-01'"),
    ({"from": "1-2-2027"}, "from", "JJJJ-MM-DD"),
    ({"to": "morgen"}, "to", "Ongeldige datum 'morgen'"),
    ({"from": "2027-05-01", "to": "2027-04-30"}, "to", "ligt voor de begindatum"),
    ({"from": "2027-01-01", "to": "2032-01-01"}, "to", "te lang"),
    ({"from": "0001-01-01"}, "from", "buiten het bereik"),
    ({"municipality": "Wemel"}, "municipality", "Bedoelde u: Wemmel"),
    ({"applicant_type": "kerk"}, "applicant_type", "Onbekend type aanvrager"),
    ({"theme": "sport"}, "theme", "Onbekend thema"),
    ({"from": "2027-01-01" * 5}, "from", "te lang"),
])
def test_bad_input_is_422_with_a_reason(client, params, parameter, words):
    answer = client.get(URL, params)
    assert answer.status_code == 422
    body = answer.json()
    assert body["parameter"] == parameter
    assert words in body["detail"]


def test_openapi_documents_both_kinds(client):
    spec = client.get("/api/v1/openapi.json").json()
    operation = spec["paths"]["/api/v1/deadlines"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"from", "to", "municipality", "applicant_type", "theme"}
    assert "422" in operation["responses"]
    schemas = spec["components"]["schemas"]
    assert set(schemas["DeadlineOut"]["properties"]) == {"funding_id", "title", "kind", "date", "label", "to_verify"}
    assert set(schemas["WindowOut"]["properties"]) == {"funding_id", "title", "kind", "start", "end", "label", "to_verify"}
