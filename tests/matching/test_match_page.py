"""The project matcher's page: a Dutch GET form whose URL is the answer, and the answer below it."""
import html as htmllib
import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.catalogue.test_pages import FormFields, text_of

pytestmark = pytest.mark.django_db

TAALCAFE = {
    "text": "We willen als vzw een taalcafé opstarten waar anderstalige ouders Nederlands oefenen",
    "municipality": "Wemmel",
    "applicant_type": "vzw",
    "reference": "2026-11-26",
    "start": "2027-03-01",
    "end": "2027-12-31",
    "cost": "4000",
}


def url():
    return reverse("matching:match")


def section(html: str, heading_id: str) -> str:
    """The HTML of the <section> labelled by `heading_id`, up to its closing tag (sections nest one level)."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    depth, pos = 1, html.index(">", start)
    while depth:
        opening, closing = html.find("<section", pos), html.find("</section>", pos)
        if opening != -1 and opening < closing:
            depth, pos = depth + 1, opening + 1
        else:
            depth, pos = depth - 1, closing + 1
    return html[start:pos]


def plain(fragment: str) -> str:
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment)))


def assert_structure(response):
    """The checks every page of the site passes: Dutch, one h1, unique ids, a label for every field."""
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert 'href="#inhoud"' in html and 'id="inhoud"' in html
    assert html.count("<h1") == 1
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    form = FormFields()
    form.feed(html)
    assert form.fields
    for field_id in form.fields:
        assert field_id and field_id in form.labelled, f"field {field_id} has no label"
    # Every aria-describedby points at something on the page.
    for refs in re.findall(r'aria-describedby="([^"]+)"', html):
        for ref in refs.split():
            assert ref in ids, ref


# --- the empty form ------------------------------------------------------------------------

def test_empty_page_shows_the_form_with_labels(client):
    response = client.get(url())
    assert response.status_code == 200
    assert_structure(response)
    html, text = response.content.decode(), text_of(response)
    assert 'method="get"' in html
    for label in ("Beschrijf uw project", "Gemeente", "Wie vraagt aan?", "Datum van vandaag",
                  "Startdatum van het project", "Einddatum van het project", "Totale kostprijs"):
        assert label in text
    assert "<summary>Meer opties</summary>" in html
    assert '<details class="more-options">' in html  # closed unless needed
    assert 'type="date"' in html and '<textarea name="text"' in html
    # Autocomplete for the municipality without JavaScript.
    assert 'list="gemeenten-lijst"' in html and '<datalist id="gemeenten-lijst">' in html
    assert '<option value="Wemmel">' in html and '<option value="Sint-Genesius-Rode">' in html
    # The five applicant types, by their labels.
    for label in ("Lokaal bestuur", "Vzw", "Feitelijke vereniging", "School", "Andere organisatie"):
        assert f">{label}</option>" in html
    assert "Uw antwoord" not in text and "Er is een probleem" not in text
    # The form needs no script: the only one is the phone menu's (site.js), loaded from our own files.
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/randwijzer/site.js" defer>']


def test_the_home_page_opens_with_the_projectwijzer(client):
    home = client.get(reverse("catalogue:home")).content.decode()
    assert f'href="{url()}"' in home  # main nav
    form = home[home.index('<form class="match-form home-match"'):]
    form = form[:form.index("</form>")]
    assert f'action="{url()}#antwoord"' in form and 'method="get"' in form
    assert '<textarea id="home-text" name="text"' in form
    assert 'name="municipality"' in form and 'name="applicant_type"' in form and '<option value="vzw">Vzw</option>' in form
    # The description box comes before the keyword search.
    assert home.index('id="home-text"') < home.index('id="home-q"')
    page = client.get(url()).content.decode()
    assert f'href="{url()}" aria-current="page"' in page


def test_the_home_form_gets_an_answer(client):
    response = client.get(url(), {"text": "wekelijkse taaltafel Nederlands voor nieuwkomers", "municipality": "Wemmel",
                                  "applicant_type": "vzw"})
    fits = section(response.content.decode(), "groep-fits")
    assert "Subsidie taalstimulering Nederlands" in plain(fits)


def test_a_municipality_page_links_to_the_projectwijzer_and_deadlines_filled_in(client):
    html = client.get(reverse("catalogue:municipality", args=["wemmel"])).content.decode()
    assert f'href="{url()}?municipality=Wemmel#id_text"' in html
    assert f'href="{reverse("deadlines:list")}?municipality=Wemmel"' in html
    form = client.get(url(), {"municipality": "Wemmel"})
    text = text_of(form)
    assert "Uw antwoord" not in text  # the form, filled in, waits for the description
    assert 'name="municipality" value="Wemmel"' in form.content.decode()


# --- a realistic question ---------------------------------------------------------------------

def test_taalcafe_in_wemmel(client):
    response = client.get(url(), TAALCAFE)
    assert response.status_code == 200
    assert_structure(response)
    html = response.content.decode()
    answer = section(html, "antwoord")
    assert ("1 steunmaatregel past bij uw project, 1 kan passen maar is na te gaan en 1 past met een latere start."
            in plain(answer))

    fits = section(html, "groep-fits")
    assert "Past bij uw project" in plain(fits)
    assert "Subsidie taalstimulering Nederlands" in plain(fits)
    assert f'href="{reverse("catalogue:funding", args=["subsidie-taalstimulering-nederlands"])}"' in fits
    assert "Tot 80% van de kosten, maximaal € 15.000." in plain(fits)
    assert "Geschatte steun voor uw project: € 3.200." in plain(fits)
    assert "Dien in ten laatste op 1 december 2026 (nog 5 dagen)." in plain(fits) and 'datetime="2026-12-01"' in fits
    # Reasons say their outcome in words, not only by colour or symbol.
    assert "✓" in fits and "Voldaan:" in plain(fits)

    check = section(html, "groep-check")
    assert "Kan passen: na te gaan" in plain(check)
    assert "Na te gaan:" in plain(check)

    # A line that only needs a later start is shown openly, with the start that works.
    later = section(html, "groep-later")
    assert "<details" not in later
    assert "Impulssubsidie Vlaamse Rand" in plain(later)
    assert "Met een start op of na 1 april 2027 kan het wel." in plain(later)

    off_topic = section(html, "groep-off_topic")
    assert re.search(r"<summary>Past niet bij uw project \(\d+\)</summary>", off_topic)
    assert "Fonds Wonen in Eigen Streek" in plain(off_topic)
    assert "Subsidie taalstimulering Nederlands" not in plain(off_topic)

    partners = section(html, "partners")
    assert "Avansa" in plain(partners) or "vzw 'de Rand'" in plain(partners)
    assert f'href="{reverse("catalogue:partner", args=["vzw-de-rand"])}"' in partners
    assert partners.count("<h4") == 5
    assert "Beheert ‘Subsidie taalstimulering Nederlands’." in plain(partners)
    assert "mailto:" in partners or "http" in partners


def test_permalink_reproduces_the_answer(client):
    first = client.get(url(), TAALCAFE)
    html = first.content.decode()
    assert "Permalink naar dit antwoord" in html
    permalink = htmllib.unescape(re.search(r'<a href="([^"]+)">Permalink naar dit antwoord</a>', html).group(1))
    assert permalink.startswith("http") and f'value="{htmllib.escape(permalink)}"' in html.replace("&#x27;", "'")
    assert 'id="permalink-veld"' in html and "readonly" in html
    parts = urlsplit(permalink)
    assert parts.path == url() and "reference=2026-11-26" in parts.query
    again = client.get(f"{parts.path}?{parts.query}")
    assert again.status_code == 200
    assert section(again.content.decode(), "antwoord") == section(html, "antwoord")


def test_reference_date_defaults_to_today_and_is_kept_in_the_permalink(client):
    query = {k: v for k, v in TAALCAFE.items() if k != "reference"}
    response = client.get(url(), query)
    assert response.status_code == 200
    today = timezone.localdate().isoformat()
    assert f"reference={today}" in response.content.decode()


def test_other_reference_date_opens_more_options(client):
    today = timezone.localdate()
    other = today.replace(year=today.year - 1) if (today.month, today.day) != (2, 29) else today.replace(day=28)
    html = client.get(url(), {**TAALCAFE, "reference": other.isoformat()}).content.decode()
    assert '<details class="more-options" open>' in html
    html = client.get(url(), {**TAALCAFE, "reference": today.isoformat()}).content.decode()
    assert '<details class="more-options">' in html


# --- input the service refuses -----------------------------------------------------------------

def test_unknown_municipality_suggests_the_right_one(client):
    response = client.get(url(), {**TAALCAFE, "municipality": "Wemel"})
    assert response.status_code == 200
    assert_structure(response)
    html, text = response.content.decode(), text_of(response)
    assert "Onbekende gemeente 'Wemel'. Bedoelde u: Wemmel" in text
    # Summarised at the top with a link to the field, and shown next to the field.
    summary = html[html.index('class="error-summary"'):html.index("</div>", html.index('class="error-summary"'))]
    assert 'role="alert"' in summary and 'href="#id_municipality"' in summary
    assert 'id="id_municipality_error"' in html and 'aria-invalid="true"' in html
    assert re.search(r'aria-describedby="[^"]*id_municipality_error', html)
    # A link that asks again with the suggestion.
    assert re.search(r'<a href="/match/\?[^"]*municipality=Wemmel[^"]*#antwoord">Wemmel</a>', html)
    assert "Uw antwoord" not in text
    assert "<title>Fout:" in html


def test_municipality_by_nis_code_or_french_name(client):
    by_name = client.get(url(), TAALCAFE)
    for other in ("23102", "Wemmel".upper()):
        response = client.get(url(), {**TAALCAFE, "municipality": other})
        assert response.status_code == 200
        assert section(response.content.decode(), "groep-fits") == section(by_name.content.decode(), "groep-fits")
    rode = client.get(url(), {**TAALCAFE, "municipality": "Rhode-Saint-Genèse"})
    assert rode.status_code == 200 and "Uw antwoord" in text_of(rode)
    assert "Sint-Genesius-Rode" in text_of(rode)


def test_unknown_applicant_type_from_a_link(client):
    response = client.get(url(), {**TAALCAFE, "applicant_type": "draak"})
    assert response.status_code == 200
    assert "Onbekend type aanvrager 'draak'" in text_of(response)
    assert 'href="#id_applicant_type"' in response.content.decode()
    # A label works too.
    assert "Uw antwoord" in text_of(client.get(url(), {**TAALCAFE, "applicant_type": "Vzw"}))


def test_a_description_alone_gets_an_answer(client):
    response = client.get(url(), {"text": "Een buurtfeest", "reference": "2026-11-26"})
    assert response.status_code == 200
    assert_structure(response)
    text = text_of(response)
    assert "Uw antwoord" in text and "problemen met uw gegevens" not in text
    assert "Zeg wie aanvraagt, dan kijken we na of die mag aanvragen." in text


@pytest.mark.parametrize("field, value, message", [
    ("start", "31-02-2027", "Geef een geldige startdatum"),
    ("reference", "gisteren", "Geef een geldige datum van vandaag"),
    ("cost", "-5", "De kostprijs kan niet negatief zijn."),
    ("cost", "veel", "Geef een bedrag in hele euro"),
])
def test_bad_dates_and_amounts(client, field, value, message):
    response = client.get(url(), {**TAALCAFE, field: value})
    assert response.status_code == 200
    assert message in text_of(response)
    assert f'href="#id_{field}"' in response.content.decode()
    if field == "reference":
        assert '<details class="more-options" open>' in response.content.decode()


def test_amounts_as_people_write_them(client):
    for cost in ("4.000", "€ 4000", "4000,00"):
        response = client.get(url(), {**TAALCAFE, "cost": cost})
        assert "Geschatte steun voor uw project: € 3.200" in text_of(response), cost


# --- odd input never breaks the page ---------------------------------------------------------------

def test_empty_text_gives_an_answer_with_a_note(client):
    response = client.get(url(), {**TAALCAFE, "text": ""})
    assert response.status_code == 200
    text = text_of(response)
    assert "Uw antwoord" in text and "We weten nog niet wat u wilt doen." in text
    assert "Kan passen: na te gaan" in text  # the lines still come, judged on the rules alone


def test_a_text_that_only_asks_for_money_is_not_called_off_topic(client):
    response = client.get(url(), {**TAALCAFE, "text": "Wij zoeken subsidie voor onze vzw"})
    text = text_of(response)
    assert "We weten nog niet wat u wilt doen." in text
    assert "Past niet bij uw project" not in text and "Kan passen: na te gaan" in text


def test_end_before_start_is_explained(client):
    response = client.get(url(), {**TAALCAFE, "start": "2027-12-31", "end": "2027-03-01"})
    assert response.status_code == 200
    assert "De einddatum ligt voor de startdatum" in text_of(response)
    assert "Uw antwoord" in text_of(response)


def test_very_long_text(client):
    fits = "taalcafé voor ouders " * 2380  # just under 50,000 characters
    response = client.get(url(), {**TAALCAFE, "text": fits[:50_000]})
    assert response.status_code == 200
    assert "De omschrijving is lang" in text_of(response)
    too_long = client.get(url(), {**TAALCAFE, "text": "a" * 50_001})
    assert too_long.status_code == 200
    assert "De omschrijving mag hoogstens 50.000 tekens tellen" in text_of(too_long)
    assert "Uw antwoord" not in text_of(too_long)


@pytest.mark.parametrize("text", [
    "taalcafé \x00 met \x07 controletekens",
    "🎉 feest 👨‍👩‍👧 für alle — «Nederlands» ﷽ \u202e omgekeerd",
    "<script>alert(1)</script> & 'quotes' \"dubbel\"",
    "   ",
])
def test_odd_text(client, text):
    response = client.get(url(), {**TAALCAFE, "text": text})
    assert response.status_code == 200
    assert "Uw antwoord" in text_of(response)
    assert "<script>alert" not in response.content.decode()


def test_bytes_that_are_no_utf8(client):
    # A lone surrogate and stray bytes, as a broken client could send them.
    response = client.get(url() + "?text=%ED%A0%80+los+%FF%FE&municipality=Wemmel&applicant_type=vzw")
    assert response.status_code == 200
    assert "Uw antwoord" in text_of(response)
    bad_place = client.get(url() + "?text=x&municipality=%ED%A0%80%FF&applicant_type=vzw")
    assert bad_place.status_code == 200 and "Onbekende gemeente" in text_of(bad_place)


def test_odd_values_in_other_fields(client):
    for params in (
        {**TAALCAFE, "municipality": "\x00"},
        {**TAALCAFE, "municipality": "x" * 5000},
        {**TAALCAFE, "applicant_type": "y" * 5000},
        {**TAALCAFE, "cost": "9" * 40},
        {**TAALCAFE, "start": "0000-00-00", "end": "99999-01-01"},
        {"utm_source": "nieuwsbrief"},
    ):
        response = client.get(url(), params)
        assert response.status_code == 200, params
