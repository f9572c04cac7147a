"""The public Dutch website: every page answers, shows the facts users look for, fails in Dutch."""
import html as htmllib
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from randwijzer.catalogue.models import FundingLine, Municipality, Partner

pytestmark = pytest.mark.django_db

TAALSTIMULERING = "subsidie-taalstimulering-nederlands"


def slug_of(name: str) -> str:
    return Municipality.objects.get(name_nl=name).slug


def text_of(response) -> str:
    """Page text with tags dropped and spaces collapsed, for checks on what a reader sees."""
    html = response.content.decode()
    html = re.sub(r"(?s)<(script|style|head)\b.*?</\1>", " ", html)
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", html)))


class FormFields(HTMLParser):
    """Collects form fields and the ids that a <label for> names."""

    def __init__(self):
        super().__init__()
        self.fields, self.labelled = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label" and attrs.get("for"):
            self.labelled.add(attrs["for"])
        if tag in ("input", "select", "textarea") and attrs.get("type") not in ("hidden", "submit"):
            self.fields.append(attrs.get("id"))


def page_urls():
    return [
        reverse("catalogue:home"),
        reverse("catalogue:list"),
        reverse("catalogue:funding", args=[TAALSTIMULERING]),
        reverse("catalogue:partner", args=["vzw-de-rand"]),
        reverse("catalogue:municipalities"),
        reverse("catalogue:municipality", args=[slug_of("Wemmel")]),
        reverse("catalogue:municipality_search") + "?naam=Atlantis",
    ]


# --- every page -------------------------------------------------------------------------

def test_every_page_is_dutch_accessible_and_labels_its_fields(client):
    for url in page_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="nl">' in html
        assert 'href="#inhoud"' in html and "Naar de inhoud" in html and 'id="inhoud"' in html
        assert 'name="viewport"' in html
        assert "randwijzer/site.css" in html
        assert html.count("<h1") == 1, url
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), f"{url}: duplicate ids"
        form = FormFields()
        form.feed(html)
        for field_id in form.fields:
            assert field_id and field_id in form.labelled, f"{url}: field {field_id} has no label"


def test_every_funding_line_and_partner_page_answers(client):
    for line in FundingLine.objects.all():
        assert client.get(reverse("catalogue:funding", args=[line.pk])).status_code == 200, line.pk
    for partner in Partner.objects.all():
        assert client.get(reverse("catalogue:partner", args=[partner.pk])).status_code == 200, partner.pk


def test_all_lines_of_the_guide_are_in_the_catalogue(client):
    text = text_of(client.get(reverse("catalogue:list")))
    for title in FundingLine.objects.values_list("title", flat=True):
        assert title in text
    assert FundingLine.objects.filter(pk__in=[TAALSTIMULERING, "wies-fonds", "impulssubsidie-vlaamse-rand"]).count() == 3


# --- home --------------------------------------------------------------------------------

def test_home_has_search_audiences_deadlines_and_municipality_picker(client):
    response = client.get(reverse("catalogue:home"))
    html, text = response.content.decode(), text_of(response)
    assert f'action="{reverse("catalogue:list")}"' in html and 'name="q"' in html
    assert "applicant_type=lokaal-bestuur" in html and "Voor gemeenten" in text
    assert "applicant_type=vereniging" in html and "Voor verenigingen" in text  # vzw's and feitelijke verenigingen
    assert "applicant_type=school" in html and "Voor scholen" in text
    assert 'name="naam"' in html
    # The impulssubsidie has rounds on 1 February, 1 May and 1 October: one is always within a year.
    assert reverse("catalogue:funding", args=["impulssubsidie-vlaamse-rand"]) in html
    assert re.search(r"\d{1,2} (februari|mei|oktober) 20\d\d", text)


# --- catalogue list ------------------------------------------------------------------------

def test_filter_by_applicant_type_narrows_and_counts_facets(client):
    everything = client.get(reverse("catalogue:list"))
    schools = client.get(reverse("catalogue:list"), {"applicant_type": "school"})
    lines = schools.context["lines"]
    assert 0 < len(lines) < len(everything.context["lines"])
    for line in lines:
        types = {t.id for t in line.applicant_types.all()} | {t.id for t in line.applicant_types_to_verify.all()}
        assert "school" in types
    facets = {f["name"]: {o["value"]: o["count"] for o in f["options"]} for f in schools.context["facets"]}
    assert facets["applicant_type"]["school"] == len(lines)
    assert sum(facets["status"].values()) == len(lines)
    assert facets["theme"]["onderwijs"] == sum(1 for line in lines if line.themes.filter(id="onderwijs").exists())
    assert f"School ({len(lines)})" in schools.content.decode()


def test_filter_by_municipality_name_and_nis_code(client):
    by_name = client.get(reverse("catalogue:list"), {"municipality": "wemmel"})
    by_code = client.get(reverse("catalogue:list"), {"municipality": "23102"})
    assert by_name.status_code == by_code.status_code == 200
    titles = [line.title for line in by_name.context["lines"]]
    assert titles == [line.title for line in by_code.context["lines"]]
    assert "Subsidie 'Feest van de Vlaamse Gemeenschap' in de 6 faciliteitengemeenten" in titles
    halle = client.get(reverse("catalogue:list"), {"municipality": "Halle"})
    assert "Subsidie 'Feest van de Vlaamse Gemeenschap' in de 6 faciliteitengemeenten" not in [
        line.title for line in halle.context["lines"]]


def test_filters_combine_with_a_query(client):
    response = client.get(reverse("catalogue:list"), {"q": "taalstimulering", "level": "provinciaal"})
    assert response.status_code == 200
    assert [line.pk for line in response.context["lines"]][0] == TAALSTIMULERING
    assert all(line.level == "provinciaal" for line in response.context["lines"])


def test_onzeker_status_filter(client):
    response = client.get(reverse("catalogue:list"), {"status": "onzeker"})
    ids = {line.pk for line in response.context["lines"]}
    assert "plan-samenleven" in ids and TAALSTIMULERING not in ids


@pytest.mark.parametrize("params, words", [
    ({"theme": "xyz"}, "thema ‘xyz’ kennen we niet"),
    ({"applicant_type": "draak"}, "type aanvrager ‘draak’ kennen we niet"),
    ({"level": "galactisch"}, "niveau ‘galactisch’ kennen we niet"),
    ({"status": "misschien"}, "status ‘misschien’ kennen we niet"),
    ({"municipality": "Atlantis"}, "Onbekende gemeente 'Atlantis'."),
])
def test_unknown_filter_values_give_a_dutch_message_not_a_500(client, params, words):
    response = client.get(reverse("catalogue:list"), params)
    assert response.status_code == 400
    text = text_of(response)
    assert words in text and "niet toegepast" in text


def test_misspelt_municipality_filter_suggests_names(client):
    response = client.get(reverse("catalogue:list"), {"municipality": "Wemel"})
    assert "Bedoelde u" in text_of(response) and "Wemmel" in text_of(response)


def test_an_active_filter_can_be_removed(client):
    response = client.get(reverse("catalogue:list"), {"theme": "wonen", "q": "fonds"})
    removals = [f["remove_url"] for f in response.context["active_filters"]]
    assert "?q=fonds" in removals and "?theme=wonen" in removals
    # An unknown value is not carried into the links: following one gives a clean page.
    response = client.get(reverse("catalogue:list"), {"theme": "xyz", "status": "open"})
    assert [f["remove_url"] for f in response.context["active_filters"]] == ["?"]


def test_partners_are_listed_and_filtered(client):
    response = client.get(reverse("catalogue:list"), {"theme": "media"})
    names = [p.name for p in response.context["partners"]]
    assert "Ring" in names and "Vlabinvest" not in names


# --- funding line ---------------------------------------------------------------------------

def test_taalstimulering_page_shows_every_fact(client):
    response = client.get(reverse("catalogue:funding", args=[TAALSTIMULERING]))
    text, html = text_of(response), response.content.decode()
    assert "Subsidie taalstimulering Nederlands" in text
    assert "80%" in text and "€ 15.000" in text and "3 maanden" in text
    assert "ten laatste 3 maanden voor de start van het project" in text
    assert "Aanvragen kan het hele jaar door" in text
    assert "Provinciaal" in text and "doorlopend" in text
    assert reverse("catalogue:partner", args=["provincie-vlaams-brabant"]) in html
    assert reverse("catalogue:partner", args=["vzw-de-rand"]) in html
    for label in ("Lokaal bestuur", "Vzw", "Feitelijke vereniging", "School"):
        assert label in text
    assert "Provincie Vlaams-Brabant" in text and "zetel of werking van de aanvrager" in text
    assert "maximaal twee keer" in text  # the limit
    # Examples link to their municipality and give the amount.
    assert reverse("catalogue:municipality", args=[slug_of("Liedekerke")]) in html and "€ 1.300" in text
    # Figures as a table; sources with their verification date.
    assert "<table" in html and "€ 61.461" in text
    assert "nagekeken bij de bron op 26 november 2026" in text and "(verschenen: 2024)" in text
    assert 'href="https://www.vlaamsbrabant.be/nl/premies-en-subsidies/taalstimulering-nederlands"' in html


def test_financial_and_timing_facts_name_their_source(client):
    response = client.get(reverse("catalogue:funding", args=[TAALSTIMULERING]))
    html = response.content.decode()
    line = FundingLine.objects.get(pk=TAALSTIMULERING)
    for field in ("cost_share_pct", "max_amount", "lead_time_months", "submission"):
        assert f'href="#bron-{line.field_sources[field]}"' in html
    for key in line.sources.values_list("key", flat=True):
        assert f'id="bron-{key}"' in html


def test_yearly_deadlines_and_next_deadline_in_plain_dutch(client):
    text = text_of(client.get(reverse("catalogue:funding", args=["impulssubsidie-vlaamse-rand"])))
    assert "1 februari, 1 mei en 1 oktober" in text
    assert re.search(r"Volgende uiterste indiendatum: \d{1,2} (februari|mei|oktober) 20\d\d", text)
    # School is not confirmed for this line: said so, with whom to ask.
    assert "Niet bevestigd:" in text and "School" in text


def test_activity_window_and_call_rounds(client):
    feest = text_of(client.get(reverse("catalogue:funding", args=["subsidie-feest-vlaamse-gemeenschap"])))
    assert "tussen 20 juni en 20 juli" in feest
    plan = text_of(client.get(reverse("catalogue:funding", args=["plan-samenleven"])))
    line = FundingLine.objects.get(pk="plan-samenleven")
    for call in line.callrounds.all():
        assert call.label in plan


def test_onzeker_stands_out_and_every_doubt_is_shown(client):
    assert FundingLine.objects.filter(status="onzeker").exists()
    for line in FundingLine.objects.all():
        response = client.get(reverse("catalogue:funding", args=[line.pk]))
        text = text_of(response)
        for reason in line.to_verify.values():
            assert "Niet bevestigd: " + " ".join(reason.split()) in text, (line.pk, reason)
        if line.status == "onzeker":
            assert "status-onzeker" in response.content.decode() and "Let op" in text


def test_every_partner_doubt_is_shown(client):
    for partner in Partner.objects.exclude(to_verify={}):
        text = text_of(client.get(reverse("catalogue:partner", args=[partner.pk])))
        for reason in partner.to_verify.values():
            assert "Niet bevestigd: " + " ".join(reason.split()) in text, (partner.pk, reason)


def test_figures_show_lower_bounds_as_meer_dan(client):
    text = text_of(client.get(reverse("catalogue:funding", args=["plan-samenleven"])))
    assert "meer dan € 14.000.000" in text


def test_conditions_to_check_are_marked(client):
    text = text_of(client.get(reverse("catalogue:funding", args=["wies-fonds"])))
    assert "Na te gaan" in text
    assert "WIES-gemeente" in text  # the required municipality flag, in words


# --- partner ----------------------------------------------------------------------------

def test_partner_page(client):
    response = client.get(reverse("catalogue:partner", args=["provincie-vlaams-brabant"]))
    text, html = text_of(response), response.content.decode()
    assert "Provincie Vlaams-Brabant" in text
    assert reverse("catalogue:funding", args=[TAALSTIMULERING]) in html  # it administers the line
    assert "nagekeken bij de bron op" in text
    rand = text_of(client.get(reverse("catalogue:partner", args=["vzw-de-rand"])))
    assert "7 gemeenschapscentra" in rand and "Extern verzelfstandigd agentschap" in rand
    assert "Subsidie taalstimulering Nederlands" in rand  # a related partner of the line


def test_partner_email_is_a_mailto_link(client):
    partner = Partner.objects.exclude(email="").first()
    if partner is None:
        pytest.skip("no partner with an e-mail address in the catalogue")
    html = client.get(reverse("catalogue:partner", args=[partner.pk])).content.decode()
    assert f'href="mailto:{partner.email}"' in html


# --- municipalities ------------------------------------------------------------------------

def test_wemmel_page(client):
    response = client.get(reverse("catalogue:municipality", args=[slug_of("Wemmel")]))
    text = text_of(response)
    assert "Wat is er voor Wemmel?" in text
    assert "Subsidie taalstimulering Nederlands" in text
    assert "Wemmel is een faciliteitengemeente" in text
    assert "23102" in text and "Halle-Vilvoorde" in text
    assert "Leeshelden (Wemmel)" in text and "€ 1.300" in text  # funded example
    assert "vzw 'de Rand'" in text  # a partner active there


def test_tervuren_page_shows_wies_to_verify(client):
    text = text_of(client.get(reverse("catalogue:municipality", args=[slug_of("Tervuren")])))
    tervuren = Municipality.objects.get(name_nl="Tervuren")
    assert "Niet bevestigd: " + tervuren.wies_note in text
    assert "Leuven" in text
    # The WIES-fonds covers Tervuren's territory, but only WIES municipalities may use it.
    assert "alleen voor WIES-gemeenten" in text


def test_gooik_became_part_of_pajottegem(client):
    response = client.get(reverse("catalogue:municipality", args=[slug_of("Gooik")]))
    text, html = text_of(response), response.content.decode()
    assert "Sinds 1 januari 2025 deel van Pajottegem" in text
    assert reverse("catalogue:municipality", args=[slug_of("Pajottegem")]) in html
    assert "Steunmaatregelen voor Pajottegem" in text and "Subsidie taalstimulering Nederlands" in text
    pajottegem = text_of(client.get(reverse("catalogue:municipality", args=[slug_of("Pajottegem")])))
    assert "Galmaarden, Gooik en Herne" in pajottegem
    assert "Niet bevestigd: deze NIS-code" in pajottegem


def test_municipality_list_puts_the_rand_first(client):
    response = client.get(reverse("catalogue:municipalities"))
    text = text_of(response)
    assert "De 19 gemeenten van de Vlaamse Rand" in text
    assert text.index("Wemmel") < text.index("Antwerpen")
    assert 'name="naam"' in response.content.decode()


def test_municipality_picker_redirects_or_suggests(client):
    url = reverse("catalogue:municipality_search")
    response = client.get(url, {"naam": "sint genesius rode"})
    assert response.status_code == 302 and response["Location"] == reverse("catalogue:municipality", args=[slug_of("Sint-Genesius-Rode")])
    assert client.get(url, {"naam": "Rhode-Saint-Genèse"}).status_code == 302
    assert client.get(url, {"naam": "23102"})["Location"].endswith(f"/{slug_of('Wemmel')}/")
    response = client.get(url, {"naam": "Wemel"})
    assert response.status_code == 200
    text = text_of(response)
    assert "Onbekende gemeente 'Wemel'." in text and "Bedoelde u" in text and "Wemmel" in text
    assert "Geef de naam" in text_of(client.get(url))


# --- not found ----------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/steun/bestaat-niet/", "/partners/bestaat-niet/", "/gemeenten/atlantis/", "/nergens/"])
def test_unknown_ids_give_a_dutch_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    text = text_of(response)
    assert "Pagina niet gevonden" in text and '<html lang="nl">' in response.content.decode()
