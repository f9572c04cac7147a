"""POST /api/v1/match: the project matcher over HTTP, its errors and odd input."""
import json

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/match"
TAAL = "subsidie-taalstimulering-nederlands"
IMPULS = "impulssubsidie-vlaamse-rand"
FEEST = "subsidie-feest-vlaamse-gemeenschap"

TAALCAFE = {
    "text": "We willen als vzw een taalcafé opstarten waar anderstalige ouders Nederlands oefenen",
    "municipality": "wemmel",
    "applicant_type": "vzw",
    "date": "2026-11-26",
    "start": "2027-03-01",
    "end": "2027-12-31",
    "cost": 4000,
}
RANK = {"eligible": 0, "uncertain": 1, "ineligible": 2}
GROUPS = ["fits", "check", "later", "not_eligible", "off_topic"]


def post(client, payload):
    body = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
    return client.post(URL, body, content_type="application/json")


def match(client, **changes) -> dict:
    response = post(client, {**TAALCAFE, **changes})
    assert response.status_code == 200, response.content
    return response.json()


def line(data: dict, id_: str) -> dict:
    return next(f for f in data["funding"] if f["id"] == id_)


def reason(funding: dict, rule: str) -> dict:
    return next(r for r in funding["reasons"] if r["rule"] == rule)


# ---------------------------------------------------------------- a realistic project


def test_taalcafe_in_wemmel_gets_the_language_subsidy_first(client):
    data = match(client)
    first = data["funding"][0]
    assert first["id"] == TAAL
    assert first["eligibility"] == "eligible"
    assert first["estimated_amount"] == 3200  # 80% of 4000, under the maximum
    assert first["next_deadline"] == "2026-12-01"
    assert (first["apply_by"], first["days_left"]) == ("2026-12-01", 5)
    assert (first["topic"], first["group"], first["share_pct"], first["max_amount"]) == ("fits", "fits", 80, 15000)
    assert all(r["outcome"] == "pass" for r in first["reasons"])


def test_impulssubsidie_is_too_late_for_a_start_in_march(client):
    impuls = line(match(client), IMPULS)
    assert impuls["eligibility"] == "ineligible"
    assert impuls["group"] == "later" and impuls["earliest_start"] == "2027-04-01"
    assert impuls["estimated_amount"] is None
    assert impuls["next_deadline"] == impuls["apply_by"] == "2027-02-01"
    timing = reason(impuls, "timing")
    assert timing["outcome"] == "fail"
    assert "1 februari 2027" in timing["explanation"] and "1 april 2027" in timing["explanation"]


def test_response_has_exactly_the_documented_shape(client):
    data = match(client)
    assert set(data) == {"understood", "text_recognised", "funding", "partners", "notes"}
    assert data["notes"] == [] and data["text_recognised"] is True
    assert data["understood"] == {"municipality": {"nis_code": "23102", "name": "Wemmel"}, "applicant_type": "vzw",
                                  "start": "2027-03-01", "end": "2027-12-31", "cost": 4000, "from_text": []}
    for f in data["funding"]:
        assert set(f) == {"id", "title", "score", "eligibility", "reasons", "next_deadline", "estimated_amount", "topic",
                          "group", "max_amount", "share_pct", "apply_by", "days_left", "earliest_start"}
        assert f["eligibility"] in RANK and f["group"] in GROUPS and f["topic"] in {"fits", "partly", "off_topic"}
        assert f["reasons"] and all(set(r) == {"rule", "outcome", "explanation"} for r in f["reasons"])
        assert all(r["outcome"] in {"pass", "fail", "unknown"} and r["explanation"] for r in f["reasons"])
    for p in data["partners"]:
        assert set(p) == {"id", "name", "score", "why", "service"} and p["why"]
    assert (data["partners"][0]["id"], data["partners"][0]["service"]) == ("vzw-de-rand", "Leer- en oefenkansen Nederlands")


def test_every_line_is_judged_and_comes_in_group_order(client):
    from randwijzer.catalogue.models import FundingLine

    for payload in [TAALCAFE, {**TAALCAFE, "municipality": "Tervuren", "applicant_type": "lokaal-bestuur", "start": None}]:
        funding = match(client, **payload)["funding"]
        assert sorted(f["id"] for f in funding) == sorted(FundingLine.objects.values_list("id", flat=True))
        ranks = [GROUPS.index(f["group"]) for f in funding]
        assert ranks == sorted(ranks)


def test_ineligible_lines_state_a_failing_reason(client):
    for f in match(client)["funding"]:
        failing = [r for r in f["reasons"] if r["outcome"] == "fail"]
        assert bool(failing) == (f["eligibility"] == "ineligible"), f["id"]


def test_feest_outside_its_window_is_ineligible(client):
    data = match(client, text="Feest van de Vlaamse Gemeenschap", municipality="Linkebeek", start="2027-09-12", end=None, cost=None)
    feest = line(data, FEEST)
    assert feest["eligibility"] == "ineligible"
    window = reason(feest, "activity_window")
    assert window["outcome"] == "fail" and "20 juni tot 20 juli" in window["explanation"]
    # In the window, the same feast is no longer refused for its date.
    in_window = line(match(client, text="Feest van de Vlaamse Gemeenschap", municipality="Linkebeek", start="2027-07-11", end=None), FEEST)
    assert reason(in_window, "activity_window")["outcome"] == "pass"


def test_wies_fund_in_tervuren_is_uncertain_because_wies_status_is_unconfirmed(client):
    data = match(client, text="Een WIES-project voor betaalbaar wonen in eigen streek", municipality="Tervuren",
                 applicant_type="lokaal-bestuur", start=None, end=None, cost=None)
    wies = line(data, "wies-fonds")
    assert wies["eligibility"] == "uncertain"
    assert data["funding"][0]["id"] == "wies-fonds"
    unsure = [r["explanation"] for r in wies["reasons"] if r["outcome"] == "unknown"]
    assert any("Tervuren" in text and "niet bevestigd" in text for text in unsure)


@pytest.mark.parametrize(
    ("municipality", "name"),
    [("23102", "Wemmel"), ("Rhode-Saint-Genèse", "Sint-Genesius-Rode"), ("SINT GENESIUS RODE", "Sint-Genesius-Rode"), ("23101", "Sint-Genesius-Rode")],
)
def test_municipality_by_nis_code_or_french_name(client, municipality, name):
    data = match(client, municipality=municipality)
    assert reason(line(data, FEEST), "territory")["explanation"] == f"{name} ligt in een van de 6 faciliteitengemeenten."
    assert data["funding"][0]["id"] == TAAL


def test_applicant_type_by_label(client):
    assert match(client, applicant_type="VZW")["funding"][0]["id"] == TAAL


def test_end_before_start_is_answered_with_a_note(client):
    data = match(client, start="2027-05-01", end="2027-01-01")
    assert data["notes"] == ["De einddatum ligt voor de startdatum; alleen de startdatum is gebruikt."]


def test_empty_text_still_judges_every_line_with_a_note(client):
    data = match(client, text="")
    assert data["funding"] and all(f["score"] == 0 for f in data["funding"])
    assert data["text_recognised"] is False
    assert any("Beschrijf uw project in een paar zinnen" in note for note in data["notes"])


def test_text_and_dates_are_optional(client):
    response = post(client, {"municipality": "Wemmel", "applicant_type": "vzw"})
    assert response.status_code == 200
    timing = reason(line(response.json(), IMPULS), "timing")
    assert timing["outcome"] == "pass" and "eerstvolgende indiendatum" in timing["explanation"]


def test_fifty_thousand_characters_are_accepted_and_more_are_not(client):
    long = ("taalcafé voor anderstalige ouders " * 2000)[:50_000]
    data = match(client, text=long)
    assert data["funding"][0]["id"] == TAAL
    assert any("lang" in note for note in data["notes"])
    response = post(client, {**TAALCAFE, "text": long + "x"})
    assert response.status_code == 422
    assert response.json()["parameter"] == "text"
    assert "te lang (maximaal 50000 tekens)" in response.json()["detail"]


# ---------------------------------------------------------------- refused input


def refused(client, payload, parameter: str) -> dict:
    response = post(client, payload)
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["parameter"] == parameter
    assert set(body) == {"detail", "parameter", "suggestions"}
    return body


def test_unknown_municipality_suggests_close_names(client):
    body = refused(client, {**TAALCAFE, "municipality": "Wemel"}, "municipality")
    assert body["suggestions"][0] == "Wemmel"
    assert body["detail"].startswith("Onbekende gemeente 'Wemel'.") and "Bedoelde u: Wemmel" in body["detail"]


def test_unknown_applicant_type_suggests_close_types(client):
    body = refused(client, {**TAALCAFE, "applicant_type": "vzww"}, "applicant_type")
    assert body["suggestions"] == ["vzw"]
    assert "Onbekend type aanvrager 'vzww'" in body["detail"] and "lokaal-bestuur" in body["detail"]


def test_unknown_municipality_without_any_close_name(client):
    body = refused(client, {**TAALCAFE, "municipality": "Qqqqqqqq"}, "municipality")
    assert body["suggestions"] == []


@pytest.mark.parametrize(
    ("changes", "parameter", "words"),
    [
        ({"cost": -1}, "cost", "niet negatief"),
        ({"cost": "veel"}, "cost", "geheel getal"),
        ({"cost": 12.5}, "cost", "geheel getal"),
        ({"date": "26/11/2026"}, "date", "JJJJ-MM-DD"),
        ({"start": "2027-02-30"}, "start", "JJJJ-MM-DD"),
        ({"end": "morgen"}, "end", "JJJJ-MM-DD"),
        ({"start": "2027-3-1"}, "start", "JJJJ-MM-DD"),
        ({"start": 1700000000}, "start", "JJJJ-MM-DD"),
        ({"start": "0001-01-01"}, "start", "tussen 1900 en 2100"),
        ({"date": "9999-12-31"}, "date", "tussen 1900 en 2100"),
        ({"text": ["a", "b"]}, "text", "moet tekst zijn"),
        ({"municipality": "x" * 201}, "municipality", "te lang"),
    ],
)
def test_bad_values_are_refused_with_a_reason(client, changes, parameter, words):
    body = refused(client, {**TAALCAFE, **changes}, parameter)
    assert body["detail"].startswith("Ongeldige invoer: parameter " + parameter)
    assert words in body["detail"]


@pytest.mark.parametrize("missing", ["municipality", "applicant_type"])
def test_municipality_and_applicant_type_may_be_left_out(client, missing):
    response = post(client, {k: v for k, v in TAALCAFE.items() if k != missing})
    assert response.status_code == 200, response.content
    understood = response.json()["understood"]
    taal = line(response.json(), TAAL)
    if missing == "municipality":  # the text names no place: the territory stays to check
        assert understood["municipality"] is None and understood["from_text"] == []
        assert taal["group"] == "check" and reason(taal, "territory")["outcome"] == "unknown"
    else:  # "We willen als vzw ...": the applicant type is read from the text
        assert understood["applicant_type"] == "vzw" and understood["from_text"] == ["applicant_type"]
        assert taal["group"] == "fits"


# ---------------------------------------------------------------- never a 500

ODD_TEXTS = [
    "",
    " ",
    "\x00\x01\x02",
    "\u200b\u200d\ufeff",
    "\ud800 taalcafé \udfff",
    "😀🇧🇪 taal 👨‍👩‍👧",
    "ﷺ" * 1000,
    "٣٤٥ עברית العربية",
    "Z̴̢̛a̸͇l̷̰g̵͙o̶",
    "\n\t\r" * 100,
    "<script>alert(1)</script>",
    "'; DROP TABLE catalogue_fundingline; --",
    "%s %(x)s {0} {x}",
    "a" * 60,
    ("abcdefghij " * 5000)[:50_000],
    "taal " * 10_000,
    "ẞ ß ĳ ﬁ Å Å",
    "\u202eredro\u202c",
    "\\u0000 \\ud800",
]
ODD_PAYLOADS = [
    *({**TAALCAFE, "text": text} for text in ODD_TEXTS),
    {**TAALCAFE, "municipality": "\ud800"},
    {**TAALCAFE, "municipality": "Wem\x00mel"},
    {**TAALCAFE, "municipality": "²³¹⁰²"},
    {**TAALCAFE, "municipality": "٢٣١٠٢"},
    {**TAALCAFE, "municipality": "0"},
    {**TAALCAFE, "municipality": "9" * 200},
    {**TAALCAFE, "municipality": "   "},
    {**TAALCAFE, "applicant_type": ""},
    {**TAALCAFE, "applicant_type": "\u0000"},
    {**TAALCAFE, "applicant_type": "😀"},
    {**TAALCAFE, "municipality": None},
    {**TAALCAFE, "start": "2100-12-31", "end": "2100-12-31", "date": "2100-12-31"},
    {**TAALCAFE, "start": "1900-01-01", "date": "1900-01-01"},
    {**TAALCAFE, "start": "2027-03-01", "end": "1900-01-01"},
    {**TAALCAFE, "cost": 10**30},
    {**TAALCAFE, "cost": 0},
    {**TAALCAFE, "cost": True},
    {**TAALCAFE, "extra": "ignored"},
    {},
    [],
    "just a string",
    None,
]
ODD_BODIES = [b"", b"{", b"\xff\xfe\x00", b'{"text": NaN}', b"[" * 5000 + b"]" * 5000]


@pytest.mark.parametrize("payload", ODD_PAYLOADS, ids=range(len(ODD_PAYLOADS)))
def test_odd_input_never_gives_a_server_error(client, payload):
    response = post(client, json.dumps(payload))
    assert response.status_code in (200, 422), response.content
    body = response.json()
    if response.status_code == 200:
        assert len(body["funding"]) > 0
    else:
        assert body["detail"] and "parameter" in body


@pytest.mark.parametrize("body", ODD_BODIES, ids=range(len(ODD_BODIES)))
def test_malformed_body_never_gives_a_server_error(client, body):
    response = client.post(URL, body, content_type="application/json")
    assert 400 <= response.status_code < 500
    assert "detail" in response.json()


def test_one_very_long_word_is_answered(client):
    # Words over 40 letters are ignored; splitting them into compound parts would cost O(n²).
    assert post(client, {**TAALCAFE, "text": "a" * 50_000}).status_code == 200


def test_control_characters_are_dropped_from_the_municipality(client):
    data = match(client, municipality="Wem\x00mel\u200b")
    assert reason(line(data, TAAL), "territory")["explanation"].startswith("Wemmel ")


def test_only_post_is_allowed(client):
    assert client.get(URL).status_code == 405


# ---------------------------------------------------------------- documentation


def test_openapi_documents_the_match_endpoint(client):
    doc = client.get("/api/v1/openapi.json").json()
    operation = doc["paths"]["/api/v1/match"]["post"]
    assert {"200", "422"} <= set(operation["responses"])
    schemas = doc["components"]["schemas"]
    assert {"text", "municipality", "applicant_type", "date", "start", "end", "cost"} <= set(schemas["MatchIn"]["properties"])
    assert set(schemas["FundingMatchOut"]["properties"]["eligibility"]["enum"]) == {"eligible", "uncertain", "ineligible"}
