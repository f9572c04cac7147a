"""Funded examples ("inspiratie"): the page, its Dutch search and filters, and where else examples show."""
import pytest
from django.urls import reverse

from randwijzer.catalogue.models import FundedExample, Municipality
from randwijzer.figures.examples import example_hints, search_examples

from .helpers import text_of

pytestmark = pytest.mark.django_db

TAAL = "subsidie-taalstimulering-nederlands"
RANDFONDS = "vlaams-randfonds"


def url(**params):
    from urllib.parse import urlencode
    return reverse("figures:inspiration") + ("?" + urlencode(params) if params else "")


def titles(response) -> list[str]:
    return [e.title for e in response.context["examples"]]


def test_page_lists_every_example_with_line_municipality_amount_and_year(client):
    response = client.get(url())
    assert response.status_code == 200
    html, text = response.content.decode(), text_of(response)
    assert html.count("<h1") == 1
    examples = FundedExample.objects.select_related("funding_line", "municipality")
    assert len(titles(response)) == examples.count() > 10
    for example in examples:
        assert example.title in text
        assert reverse("catalogue:funding", args=[example.funding_line_id]) in html
        if example.municipality:
            assert reverse("catalogue:municipality", args=[example.municipality.slug]) in html
    assert "Leeshelden (Dilbeek)" in text and "€ 1.965" in text
    assert "Taalstimuleringsproject in Asse" in text and "Jaar: 2022" in text
    assert "Kravaalbos in Asse" in text and "€ 388.000" in text


def test_search_is_dutch_aware(client):
    # A compound word finds its parts: 'leesproject' finds the Leeshelden reading projects.
    found = titles(client.get(url(q="leesproject")))
    assert found and all("Leeshelden" in t for t in found[:5])
    assert "Kravaalbos in Asse" not in found
    # The thesaurus relates 'bos' to trees: the forest and the tree planters, not the reading projects.
    green = titles(client.get(url(q="bos")))
    assert {"Kravaalbos in Asse", "Bûûmplanters"} <= set(green) and not any("Leeshelden" in t for t in green)
    assert "Leeshelden (Dilbeek)" in titles(client.get(url(q="Dilbeek")))
    empty = client.get(url(q="ruimtevaart"))
    assert empty.status_code == 200 and not titles(empty) and "Geen voorbeelden gevonden" in text_of(empty)


def test_filters_by_line_and_municipality(client):
    by_line = titles(client.get(url(line=RANDFONDS)))
    assert by_line and set(by_line) == set(FundedExample.objects.filter(funding_line_id=RANDFONDS).values_list("title", flat=True))
    asse = Municipality.objects.get(name_nl="Asse")
    in_asse = titles(client.get(url(municipality=asse.slug)))
    assert set(in_asse) == {"Kravaalbos in Asse", "Taalstimuleringsproject in Asse"}
    # A typed name works too, and filters combine.
    assert titles(client.get(url(municipality="asse", line=TAAL))) == ["Taalstimuleringsproject in Asse"]
    assert titles(client.get(url(municipality="Asse", q="bos"))) == ["Kravaalbos in Asse"]


def test_unknown_filter_values_are_reported_in_dutch_not_applied(client):
    response = client.get(url(line="bestaat-niet", municipality="Atlantis"))
    assert response.status_code == 400
    text = text_of(response)
    assert "De steunmaatregel ‘bestaat-niet’ kennen we niet" in text
    assert "Onbekende gemeente 'Atlantis'." in text and "Deze filter is niet toegepast." in text
    assert len(titles(response)) == FundedExample.objects.count()
    assert "Bedoelde u: Asse" in text_of(client.get(url(municipality="Assse")))


def test_examples_on_line_and_municipality_pages_link_to_inspiration(client):
    line_page = client.get(reverse("catalogue:funding", args=[TAAL]))
    text = text_of(line_page)
    assert "Leeshelden (Dilbeek)" in text and "€ 1.965" in text
    assert url(line=TAAL).replace("?", "?") in line_page.content.decode().replace("&amp;", "&")
    dilbeek = Municipality.objects.get(name_nl="Dilbeek")
    page = client.get(reverse("catalogue:municipality", args=[dilbeek.slug]))
    assert "Leeshelden (Dilbeek)" in text_of(page) and "€ 1.965" in text_of(page)
    assert f"?municipality={dilbeek.slug}" in page.content.decode()


def test_search_service_without_query_keeps_catalogue_order():
    examples = search_examples()
    assert [e.funding_line.title for e in examples] == sorted(e.funding_line.title for e in examples)


def test_example_hint_prefers_the_users_municipality():
    wemmel = Municipality.objects.get(name_nl="Wemmel").nis_code
    hint = example_hints([TAAL], wemmel)[TAAL]
    assert hint.sentence == "Zo deed Wemmel het: Leeshelden, € 1.300" and hint.in_your_municipality
    asse = Municipality.objects.get(name_nl="Asse").nis_code
    assert example_hints([TAAL], asse)[TAAL].sentence == "Zo deed Asse het: Taalstimuleringsproject in Asse, € 2.340 (2022)"
    # Elsewhere: still one example, with a place and an amount.
    halle = Municipality.objects.get(name_nl="Halle").nis_code
    other = example_hints([TAAL], halle)[TAAL]
    assert other.sentence == "Zo deed Dilbeek het: Leeshelden, € 1.965" and not other.in_your_municipality
    assert "wies-fonds" not in example_hints(["wies-fonds"], halle)  # no example: no hint


def test_matcher_answer_shows_an_example_in_the_users_municipality(client):
    params = {"text": "Een leesproject waar anderstalige kinderen Nederlands oefenen", "municipality": "Dilbeek",
              "applicant_type": "vzw", "reference": "2026-11-26", "start": "2027-03-01", "cost": "4000"}
    response = client.get(reverse("matching:match"), params)
    assert response.status_code == 200
    text = text_of(response)
    assert "Zo deed Dilbeek het: Leeshelden, € 1.965" in text
    sections = {s["group"]: s["cards"] for s in response.context["answer"]["sections"]}
    card = next(c for c in sections["fits"] if c.id == TAAL)
    assert card.example.in_your_municipality
    html = response.content.decode()
    assert reverse("figures:inspiration") + f"?line={TAAL}#voorbeeld-" in html
    # Lines that do not fit show no example.
    assert all(c.example is None for c in sections["not_eligible"] + sections["off_topic"])
