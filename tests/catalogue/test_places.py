"""Places as people write them: one resolver behind the function, the API, the web forms and the CLI."""
import json
from io import StringIO
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command

from randwijzer.catalogue import places
from randwijzer.catalogue.inputs import AmbiguousPlace, InputError, resolve_municipality
from randwijzer.catalogue.models import Municipality
from randwijzer.catalogue.place_index import PostcodeRow, map_row
from randwijzer.flash.models import Subscriber
from randwijzer.wies.calculator import resolve

pytestmark = pytest.mark.django_db

SINT_GENESIUS_RODE, WEZEMBEEK_OPPEM, SINT_PIETERS_LEEUW = "23101", "23103", "23077"
GRIMBERGEN, ZAVENTEM, BEERSEL, DILBEEK = "23025", "23094", "23003", "23016"
GALMAARDEN, GOOIK, PAJOTTEGEM, ZWIJNDRECHT = "23023", "23024", "23106", "11056"

# What users type, and the municipality they mean.
FORMS = [
    ("St-Genesius-Rode", SINT_GENESIUS_RODE),
    ("st genesius rode", SINT_GENESIUS_RODE),
    ("SINT GENESIUS-RODE", SINT_GENESIUS_RODE),
    ("Wezembeek", WEZEMBEEK_OPPEM),
    ("St.-Pieters-Leeuw", SINT_PIETERS_LEEUW),
    ("St. Pieters Leeuw", SINT_PIETERS_LEEUW),
    ("1640", SINT_GENESIUS_RODE),
    ("1640 Sint-Genesius-Rode", SINT_GENESIUS_RODE),
    ("Strombeek-Bever", GRIMBERGEN),
    ("strombeek bever", GRIMBERGEN),
    ("Sterrebeek", ZAVENTEM),
    ("Strombeek", GRIMBERGEN),  # short for Strombeek-Bever
    ("Alsemberg", BEERSEL),
    ("Groot-Bijgaarden", DILBEEK),
    ("1702", DILBEEK),
    ("Rhode-Saint-Genèse", SINT_GENESIUS_RODE),  # French
    ("rhode st genese", SINT_GENESIUS_RODE),
    ("Bruxelles", "21004"),
    ("Laeken", "21004"),  # a French deelgemeente name
    ("Woluwe-Saint-Lambert", "21018"),
    ("Ste-Ode", "82038"),  # Sainte-Ode
    ("23102", "23102"),  # NIS code, as before
]


@pytest.mark.parametrize("text, nis_code", FORMS)
def test_every_form_resolves_through_the_function(text, nis_code):
    assert resolve_municipality(text).nis_code == nis_code


@pytest.mark.parametrize("text, nis_code", FORMS)
def test_every_form_resolves_through_the_api_route(client, text, nis_code):
    response = client.get(f"/api/v1/municipalities/{quote(text)}")
    assert response.status_code == 200
    assert response.json()["nis_code"] == nis_code


@pytest.mark.parametrize("text, nis_code", FORMS)
def test_every_form_leads_to_the_municipality_page(client, text, nis_code):
    response = client.get("/gemeenten/zoeken", {"naam": text})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/{Municipality.objects.get(nis_code=nis_code).slug}/")


@pytest.mark.parametrize("text, nis_code", FORMS)
def test_every_form_is_shown_by_the_cli(text, nis_code):
    out = StringIO()
    call_command("show", text, "--json", stdout=out, stderr=StringIO())
    assert json.loads(out.getvalue())["nis_code"] == nis_code


@pytest.mark.parametrize("text, nis_code", [("Sterrebeek", ZAVENTEM), ("1853", GRIMBERGEN), ("Alsemberg", BEERSEL)])
def test_forms_work_in_the_wies_calculator_and_the_flash_form(client, smtp, text, nis_code):
    place, _ = resolve(text)
    assert place.nis_code == nis_code
    page = client.post("/flash/", {"email": "iemand@voorbeeld.be", "municipality": text})
    assert page.status_code == 302
    assert Subscriber.objects.get(email="iemand@voorbeeld.be").municipality_id == nis_code


def test_api_filters_accept_a_deelgemeente_and_a_postcode(client):
    by_name = client.get("/api/v1/funding", {"municipality": "Sterrebeek"})
    by_main = client.get("/api/v1/funding", {"municipality": "Zaventem"})
    by_postcode = client.get("/api/v1/funding", {"municipality": "1933"})
    assert by_name.status_code == by_main.status_code == by_postcode.status_code == 200
    assert by_name.json() == by_main.json() == by_postcode.json()


# ---------------------------------------------------------------- merged municipalities


def test_merged_municipalities_keep_working():
    gooik = resolve_municipality("Gooik")
    assert gooik.nis_code == GOOIK and gooik.merged_into_id == PAJOTTEGEM
    assert resolve_municipality("Pajottegem").nis_code == PAJOTTEGEM
    # Tollembeek and postcode 1570 lay in Galmaarden, now part of Pajottegem.
    for text in ("Tollembeek", "1570"):
        found = resolve_municipality(text)
        assert found.nis_code == GALMAARDEN and found.merged_into_id == PAJOTTEGEM


BY_NAME = {"pajottegem": {PAJOTTEGEM}, "galmaarden": {GALMAARDEN}, "zwijndrecht": {ZWIJNDRECHT}, "beveren": {"46003"}}
BY_POSTCODE = {"1570": {GALMAARDEN}, "2070": {ZWIJNDRECHT}}
MERGED_INTO = {GALMAARDEN: PAJOTTEGEM}


@pytest.mark.parametrize("row, expected", [
    # a list newer than our table: Tollembeek in Pajottegem lay in Galmaarden, which merged into it
    (PostcodeRow("1570", "Tollembeek", "PAJOTTEGEM"), {GALMAARDEN}),
    # a newer main municipality we do not know at all: the one with that postcode
    (PostcodeRow("2070", "Burcht", "BEVEREN-KRUIBEKE-ZWIJNDRECHT"), {ZWIJNDRECHT}),
    # the list as old as our table: the municipality itself, merged_into says the rest
    (PostcodeRow("1570", "Tollembeek", "GALMAARDEN"), {GALMAARDEN}),
    # bpost adds the region to a name
    (PostcodeRow("9120", "Haasdonk", "BEVEREN-WAAS"), {"46003"}),
])
def test_a_postcode_row_maps_onto_our_table_in_both_directions(row, expected):
    assert map_row(row, BY_NAME, BY_POSTCODE, MERGED_INTO) == expected


def test_every_place_in_the_postcode_list_maps_onto_a_municipality():
    index = places.index()
    rows = places.read_postcode_rows()
    assert len(rows) > 5000  # the Dutch and the French list
    assert not [row for row in rows if row.postcode not in index.postcodes]


# ---------------------------------------------------------------- ambiguous and unknown


@pytest.fixture
def shared_postcode(monkeypatch):
    """Postcode 1640 also used in Linkebeek (the real list has no postcode of two municipalities)."""
    rows = places.read_postcode_rows() + [PostcodeRow("1640", "Testhoek", "LINKEBEEK")]
    monkeypatch.setattr(places, "read_postcode_rows", lambda: rows)
    places._index_for.cache_clear()
    yield
    places._index_for.cache_clear()


ASKS = "Postcode 1640 hoort bij Linkebeek en Sint-Genesius-Rode: welke gemeente bedoelt u?"


def test_a_shared_postcode_asks_which_municipality(shared_postcode):
    with pytest.raises(AmbiguousPlace) as info:
        resolve_municipality("1640")
    assert info.value.message == ASKS
    assert info.value.suggestions == ["Linkebeek", "Sint-Genesius-Rode"]
    # With the name the postcode no longer needs to choose.
    assert resolve_municipality("1640 Linkebeek").nis_code == "23100"


def test_a_shared_postcode_asks_in_the_api_the_page_and_the_cli(client, shared_postcode):
    response = client.get("/api/v1/municipalities/1640")
    assert response.status_code == 409
    assert response.json() == {"detail": ASKS, "parameter": "nis_code_or_name", "suggestions": ["Linkebeek", "Sint-Genesius-Rode"]}
    filtered = client.get("/api/v1/funding", {"municipality": "1640"})
    assert filtered.status_code == 422 and filtered.json()["suggestions"] == ["Linkebeek", "Sint-Genesius-Rode"]
    page = client.get("/gemeenten/zoeken", {"naam": "1640"})
    assert page.status_code == 200 and "welke gemeente bedoelt u?" in page.content.decode()
    with pytest.raises(CommandError) as info:
        call_command("show", "1640", stdout=StringIO(), stderr=StringIO())
    assert info.value.returncode == 2 and str(info.value) == ASKS


def test_a_deelgemeente_of_two_municipalities_asks():
    with pytest.raises(AmbiguousPlace) as info:
        resolve_municipality("Berg")  # in Kampenhout and in Tongeren
    assert info.value.message == "'Berg' ligt in Kampenhout en in Tongeren: welke gemeente bedoelt u?"
    assert info.value.suggestions == ["Kampenhout", "Tongeren"]
    assert resolve_municipality("1910 Berg").name_nl == "Kampenhout"  # the postcode says which


def test_unknown_gives_suggestions_and_a_short_form_must_be_unique(client):
    with pytest.raises(InputError) as info:
        resolve_municipality("Wemel")
    assert info.value.message.startswith("Onbekende gemeente 'Wemel'. Bedoelde u: Wemmel")
    with pytest.raises(InputError) as info:
        resolve_municipality("Sint-Pieters")  # Sint-Pieters-Leeuw or Sint-Pieters-Woluwe: no guess
    assert {"Sint-Pieters-Leeuw", "Sint-Pieters-Woluwe"} <= set(info.value.suggestions)
    with pytest.raises(InputError):
        resolve_municipality("9999")  # no such postcode
    response = client.get("/api/v1/municipalities/Wemel")
    assert response.status_code == 404 and "Wemmel" in response.json()["suggestions"]
    assert resolve_municipality("  ") is None


def test_saint_abbreviations_make_one_key():
    assert places.place_key("St.-Pieters-Leeuw") == places.place_key("Sint Pieters Leeuw") == "stpietersleeuw"
    assert places.place_key("Sainte-Ode") == places.place_key("Ste Ode")


# ---------------------------------------------------------------- a place in a project description


@pytest.mark.parametrize("text, nis_code", [
    ("We organiseren een volksfeest in Linkebeek.", "23100"),
    ("Een taalcafé te Sint-Genesius-Rode voor nieuwkomers", SINT_GENESIUS_RODE),
    ("Ons jeugdhuis in Strombeek zoekt vrijwilligers", GRIMBERGEN),
    ("Adres: Kerkstraat 1, 1640 Sint-Genesius-Rode", SINT_GENESIUS_RODE),
    ("Buurtwerking in Alsemberg en omgeving", BEERSEL),
    ("Kraainem organiseert een buurtfeest; iedereen uit Kraainem is welkom", "23099"),
    ("Un café linguistique à Rhode-Saint-Genèse", SINT_GENESIUS_RODE),
    ("Een speelstraat in Boom", "11005"),  # a common word, but after "in" and capitalised
])
def test_mentioned_in_reads_one_municipality(text, nis_code):
    assert places.mentioned_in(text).nis_code == nis_code


@pytest.mark.parametrize("text", [
    "We willen een boom planten op het plein.",
    "As soon as possible, please.",
    "Een peer en een appel voor elk kind.",
    "Een Peer voor elk kind.",  # capitalised at the start, but no place word before it
    "Samen met Linkebeek en Drogenbos",  # two municipalities
    "Een project van Jan Van Damme",  # a surname
    "De haan kraait op het erf",  # not De Haan
    "In de Sint-Pieterskerk zingt een koor",  # part of a longer word
    "Een kasteel-Boomgaard",
    "",
])
def test_mentioned_in_reads_no_municipality(text):
    assert places.mentioned_in(text) is None


def test_mentioned_in_finds_the_place_at_the_end_of_a_long_text():
    # Its speed on such a text is a benchmark matter (make bench), not a timed test.
    text = ("Ons project brengt buren samen rond taal, sport en cultuur in de Vlaamse Rand. " * 700)[:50_000]
    text += " Het feest vindt plaats in Wemmel."
    assert places.mentioned_in(text).name_nl == "Wemmel"


@pytest.mark.parametrize("text", ["Sterrebeek", "1933", "Zaventem"])
def test_the_catalogue_and_deadline_filters_accept_every_form(client, text):
    listing = client.get("/catalogus/", {"municipality": text})
    assert listing.status_code == 200 and listing.context["filters"].municipality.nis_code == ZAVENTEM
    deadlines = client.get("/indiendata/", {"municipality": text})
    assert deadlines.status_code == 200 and "Onbekende gemeente" not in deadlines.content.decode()


@pytest.mark.parametrize("text, name", [
    ("La commune de Kraainem organise une fête", "Kraainem"),
    ("een parking aan het gemeentehuis van Zaventem", "Zaventem"),
    ("Jan van Damme leidt het project", None),
    ("Piet Van Hove komt spreken", None),
])
def test_a_place_after_de_or_van_is_a_place_unless_it_follows_a_name(text, name):
    found = places.mentioned_in(text)
    assert (found.name_nl if found else None) == name
