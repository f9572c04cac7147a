"""The calculator over HTTP, on the command line and on the page: same answers, same refusals."""
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

URL = "/api/v1/wies/calculate"
GRIMBERGEN = {"municipality": "Grimbergen", "units": 10, "land_share": 150000, "contribution_pct": 60}


def post(client, payload):
    return client.post(URL, json.dumps(payload), content_type="application/json")


def cli(*args) -> str:
    out = StringIO()
    call_command("wies", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def cli_args(payload: dict) -> list[str]:
    return ["--municipality", str(payload["municipality"]), "--units", str(payload["units"]),
            "--land-share", str(payload["land_share"]), "--contribution-pct", str(payload["contribution_pct"])]


def test_api_answers_the_grimbergen_example(client):
    response = post(client, GRIMBERGEN)
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"municipality", "wies_municipality", "fund_applies", "municipal_contribution",
                         "fund_share", "municipality_net", "steps"}
    assert (data["municipal_contribution"], data["fund_share"], data["municipality_net"]) == (900_000, 450_000, 450_000)
    assert data["wies_municipality"] == "yes" and data["fund_applies"] is True
    assert all(isinstance(step, str) for step in data["steps"])


@pytest.mark.parametrize("place", ["Grimbergen", "Halle", "Tervuren", "Ternat", "Galmaarden"])
def test_cli_json_is_the_api_json(client, place):
    payload = {**GRIMBERGEN, "municipality": place}
    assert json.loads(cli(*cli_args(payload), "--json")) == post(client, payload).json()


def test_cli_human_output_in_dutch():
    text = cli(*cli_args(GRIMBERGEN))
    assert "Deel van het WIES-fonds: € 450.000" in text
    assert "Netto kost voor de gemeente: € 450.000" in text
    assert "Stap voor stap:" in text


@pytest.mark.parametrize("changes, parameter", [
    ({"contribution_pct": 40}, "contribution_pct"),
    ({"contribution_pct": 120}, "contribution_pct"),
    ({"units": 0}, "units"),
    ({"units": -1}, "units"),
    ({"land_share": -5}, "land_share"),
    ({"land_share": "veel"}, "land_share"),
    ({"municipality": "Atlantis"}, "municipality"),
])
def test_bad_input_422_in_api_and_exit_2_in_cli(client, changes, parameter):
    payload = {**GRIMBERGEN, **changes}
    response = post(client, payload)
    assert response.status_code == 422
    body = response.json()
    assert body["parameter"] == parameter and body["detail"]
    with pytest.raises(CommandError) as info:
        cli(*cli_args(payload))
    assert info.value.returncode == 2
    assert str(info.value) == body["detail"]  # the same Dutch message


def test_api_missing_field_and_bad_json_are_422(client):
    assert post(client, {"municipality": "Grimbergen"}).status_code == 422
    assert client.post(URL, "{niet json", content_type="application/json").status_code in (400, 422)
    assert post(client, {**GRIMBERGEN, "units": None}).status_code == 422


def test_unknown_municipality_suggestions_in_api(client):
    body = post(client, {**GRIMBERGEN, "municipality": "Grimbergn"}).json()
    assert "Grimbergen" in body["suggestions"]


# ---------------------------------------------------------------- the page


def test_page_shows_the_form_and_a_nav_item(client):
    response = client.get("/wies/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "WIES-rekenhulp" in html and 'name="land_share"' in html


def test_page_computes_step_by_step(client):
    html = client.get("/wies/", GRIMBERGEN).content.decode()
    assert "Resultaat voor Grimbergen" in html
    assert "€ 450.000" in html and "Stap voor stap" in html
    assert "10 woningen of kavels × € 150.000 grondaandeel × 60% = € 900.000" in html


def test_page_halle_sees_the_fund_does_not_apply(client):
    html = client.get("/wies/", {**GRIMBERGEN, "municipality": "Halle"}).content.decode()
    assert "Halle ligt niet in de Vlaamse Rand" in html


def test_page_tervuren_shows_the_conditional_amount(client):
    html = client.get("/wies/", {**GRIMBERGEN, "municipality": "Tervuren"}).content.decode()
    assert "hangt af van de aanduiding" in html and "draagt het WIES-fonds € 450.000" in html


@pytest.mark.parametrize("changes, message", [
    ({"contribution_pct": "30"}, "Geef een percentage tussen 50 en 100."),
    ({"units": "0"}, "minstens 1"),
    ({"municipality": "Grimbergn"}, "Bedoelde u: Grimbergen"),
    ({"land_share": "abc"}, "Geef het grondaandeel in hele euro"),
])
def test_page_bad_input_is_a_dutch_message_not_an_error(client, changes, message):
    response = client.get("/wies/", {**GRIMBERGEN, **changes})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and "error-summary" in html and "Resultaat voor" not in html
