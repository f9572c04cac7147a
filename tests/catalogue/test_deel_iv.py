"""/deel-iv/: part IV of the guide ("Ondersteuning") regenerated from the catalogue, ready to print."""
import datetime as dt
import html as htmllib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from randwijzer.catalogue import models as m
from randwijzer.catalogue.edition import read_spec

pytestmark = pytest.mark.django_db

# The guide's own order (Beleidswijzer, deel IV, 2024).
GUIDE_FUNDING = [
    "Plan Samenleven", "Vlaamse Randfonds", "Fonds Wonen in Eigen Streek (WIES-fonds)", "Impulssubsidie Vlaamse Rand",
    "Subsidie voor verenigingen in de 6 faciliteitengemeenten", "Subsidie taalstimulering Nederlands",
    "Subsidie 'Feest van de Vlaamse Gemeenschap' in de 6 faciliteitengemeenten",
]
GUIDE_PARTNERS = [
    "abb-team-vlaamse-rand", "vzw-de-rand", "agii", "provincie-vlaams-brabant", "steunpunt-taalwetwijzer", "vlabinvest",
    "ring", "toekomstforum-halle-vilvoorde", "haviland", "pin-vzw", "groep-intro", "avansa-halle-vilvoorde", "vvsg",
]


class Outline(HTMLParser):
    """The page's h2/h3 headings in order (level, id, text), its stylesheets and any inline code."""

    def __init__(self):
        super().__init__()
        self.headings, self.stylesheets, self.inline = [], [], []
        self._open = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("h2", "h3"):
            self._open = [tag, attrs.get("id"), ""]
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append(attrs["href"])
        if tag in ("style", "script") and not attrs.get("src") or "style" in attrs or any(a.startswith("on") for a in attrs):
            self.inline.append(tag)

    def handle_data(self, data):
        if self._open:
            self._open[2] += data

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            self.headings.append((tag, self._open[1], " ".join(self._open[2].split())))
            self._open = None


def outline(client, url="/deel-iv/") -> tuple[Outline, str]:
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    parser = Outline()
    parser.feed(page)
    return parser, page


def text_of(page: str) -> str:
    page = re.sub(r"(?s)<head\b.*?</head>", " ", page)
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", page)))


def test_chapters_then_every_entry_in_the_guides_order(client):
    page, _ = outline(client)
    h2 = [text for tag, _, text in page.headings if tag == "h2"]
    assert h2[-2:] == ["IV.1. Financiële ondersteuning", "IV.2. Inhoudelijke ondersteuning"]

    start = [h[2] for h in page.headings].index("IV.1. Financiële ondersteuning")
    middle = [h[2] for h in page.headings].index("IV.2. Inhoudelijke ondersteuning")
    funding = [text for tag, _, text in page.headings[start:middle] if tag == "h3"]
    partners = [anchor for tag, anchor, _ in page.headings[middle:] if tag == "h3"]
    assert funding == GUIDE_FUNDING
    assert partners == GUIDE_PARTNERS
    # Every entry of the catalogue is in it, once.
    assert sorted(funding) == sorted(m.FundingLine.objects.values_list("title", flat=True))
    assert sorted(partners) == sorted(m.Partner.objects.values_list("id", flat=True))


def test_guide_order_is_data_and_names_every_entry():
    spec = read_spec()
    assert [c.number for c in spec.chapters] == ["IV.1", "IV.2"]
    assert spec.chapters[1].entries == GUIDE_PARTNERS


def test_print_stylesheet_is_linked_from_this_page_only(client):
    page, _ = outline(client)
    other, _ = outline(client, "/catalogus/")

    assert any(href.endswith("randwijzer/deel-iv-print.css") for href in page.stylesheets)
    assert not any("deel-iv-print" in href for href in other.stylesheets)
    assert page.inline == []  # the Content-Security-Policy allows no inline style or script

    css = Path(finders.find("randwijzer/deel-iv-print.css")).read_text(encoding="utf-8")
    assert "@media print" in css and "size: A4" in css
    assert re.search(r"\.site-header[^{]*\.site-footer[^{]*\{[^}]*display: none", css)
    assert re.search(r'a\[href\^="http"\]::after \{ content: " \(" attr\(href\) "\)"', css)
    assert re.search(r"\.edition-chapter \{[^}]*break-before: page", css)
    assert re.search(r"\.edition-entry \{[^}]*break-inside: avoid", css)


def test_catalogue_page_links_to_part_iv(client):
    _, page = outline(client, "/catalogus/")
    assert 'href="/deel-iv/"' in page


def test_each_line_shows_rules_amounts_deadlines_contact_and_dated_sources(client):
    _, page = outline(client)
    text = text_of(page)

    impuls = text[text.index("Impulssubsidie Vlaamse Rand Status"):text.index("Subsidie voor verenigingen in de 6 faciliteitengemeenten Status")]
    assert "Indienen kan elk jaar tot een vaste datum: ten laatste op 1 februari, 1 mei en 1 oktober." in impuls
    assert "Een project duurt maximaal 36 maanden." in impuls
    assert "Wie mag aanvragen? Lokaal bestuur, Vzw, Feitelijke vereniging, Andere organisatie" in impuls
    assert "Hoe aanvragen? Aanvragen: De bron zegt niet hoe u aanvraagt; vraag het na bij Agentschap Binnenlands Bestuur – team Vlaamse Rand." in impuls
    assert "E-mail: rand@vlaanderen.be" in impuls
    # The guide was read, not checked at the source: no 2026 check date under it.
    assert "Beleidswijzer voor lokale mandatarissen in de Vlaamse Rand, deel IV Ondersteuning (verschenen: 2024) Bron: gids 2024, de gedrukte tekst" in impuls
    assert "nagekeken bij de bron op 26 november 2026" in impuls  # the administration's own page was

    wies = text[text.index("Fonds Wonen in Eigen Streek (WIES-fonds) Status"):text.index("Impulssubsidie Vlaamse Rand Status")]
    assert "Maximaal € 1.000.000 per project." in wies and "€ 4.500.000" in wies


def test_every_doubt_of_the_catalogue_is_marked_niet_bevestigd(client):
    _, page = outline(client)
    text = text_of(page)

    reasons = [reason for model in (m.FundingLine, m.Partner) for entry in model.objects.all() for reason in entry.to_verify.values()]
    assert reasons
    for reason in reasons:
        assert re.search(r"(Niet bevestigd: |Niet bevestigd .*?)" + re.escape(reason), text), reason
    assert "Niet bevestigd: of ook Lokaal bestuur".lower() in text.lower()  # applicant types the sources leave open


def test_a_new_line_appears_at_the_end_of_its_chapter(client):
    m.FundingLine.objects.create(
        id="nieuwe-oproep", title="Nieuwe oproep 2027", summary="Een nieuwe lijn.", administrator_id="vlabinvest",
        level="provinciaal", status="open", territory_id="vlaamse-rand", verified_on=dt.date(2027, 1, 1),
        submission_mode="continuous",
    )
    page, _ = outline(client)
    titles = [text for _, _, text in page.headings]

    assert titles.index("Nieuwe oproep 2027") == titles.index("IV.2. Inhoudelijke ondersteuning") - 1
