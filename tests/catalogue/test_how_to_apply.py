"""Issue 15, items 1-4: 'Hoe aanvragen?', honest dates, public caveats, the audited facts."""
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from randwijzer.catalogue import timing
from randwijzer.catalogue.yaml.export import export_catalogue
from randwijzer.catalogue.yaml.loader import read_catalogue
from randwijzer.catalogue.models import FundingLine, Municipality, Partner

from .test_pages import text_of

pytestmark = pytest.mark.django_db


def section(response, anchor: str) -> str:
    """The text of the <section> whose heading has id `anchor`."""
    html = response.content.decode()
    start = html.index(f'id="{anchor}"')
    start = html.rindex("<section", 0, start)
    return text_of(type("R", (), {"content": html[start:html.index("</section>", start)].encode()})())


def test_every_line_page_says_how_to_apply_with_channel_and_contact(client):
    for line in FundingLine.objects.all():
        text = section(client.get(reverse("catalogue:funding", args=[line.pk])), "hoe-aanvragen")
        assert text.strip().startswith("Hoe aanvragen?"), line.pk
        assert "Aanvragen:" in text, line.pk
        if line.how_to_apply.get("channel", "unknown") == "unknown":
            assert "De bron zegt niet hoe u aanvraagt; vraag het na bij" in text, line.pk
        contact = Partner.objects.get(pk=line.how_to_apply.get("contact_partner") or line.administrator_id)
        assert contact.name in text or line.contact_name in text, line.pk
        # Whom to write or where to look: an e-mail address or a website, never nothing.
        assert "E-mail:" in text or "Website:" in text, line.pk


def test_how_to_apply_tells_who_decides_where_the_source_says_it(client):
    impuls = section(client.get(reverse("catalogue:funding", args=["impulssubsidie-vlaamse-rand"])), "hoe-aanvragen")
    assert "Wie beslist? Een jury bepaalt het bedrag van de subsidie." in impuls
    assert "E-mail: rand@vlaanderen.be" in impuls
    wies = section(client.get(reverse("catalogue:funding", args=["wies-fonds"])), "hoe-aanvragen")
    assert "vraag het na bij Vlabinvest" in wies and "info@vlabinvest.be" in wies
    # No phone number is invented: the guide gives none, and the page says so.
    assert "De bronnen geven geen telefoonnummer of adres." in wies


def test_partner_contact_is_shown_as_fields_not_as_website(client):
    text = section(client.get(reverse("catalogue:partner", args=["abb-team-vlaamse-rand"])), "contact")
    assert "E-mail: rand@vlaanderen.be" in text and "Website: https://www.vlaanderen.be/vlaamse-rand" in text
    assert "Contact: website" not in text


def test_plan_samenleven_on_the_team_page_carries_the_doubt(client):
    text = text_of(client.get(reverse("catalogue:partner", args=["abb-team-vlaamse-rand"])))
    beheert = text[text.index("Steunmaatregelen die"):]
    assert re.search(r"Plan Samenleven Niet bevestigd: .*of het team Vlaamse Rand het aanspreekpunt is", beheert)


def test_wies_fund_is_half_of_the_municipal_land_contribution_everywhere(client):
    for url in (reverse("catalogue:funding", args=["wies-fonds"]), "/deel-iv/"):
        text = text_of(client.get(url))
        assert "De steun dekt de helft van de gemeentelijke tussenkomst in het grondaandeel" in text, url
        assert "50% van de kosten" not in text, url


def test_feest_line_is_not_all_year_and_its_deadline_is_3_months_before_20_june(client):
    line = FundingLine.objects.get(pk="subsidie-feest-vlaamse-gemeenschap")
    assert timing.next_deadline(line, dt.date(2026, 12, 1)) == dt.date(2027, 3, 20)
    text = text_of(client.get(reverse("catalogue:funding", args=[line.pk])))
    assert "hele jaar door" not in text
    assert "uiterlijk 20 maart voor een activiteit op 20 juni en uiterlijk 20 april voor een activiteit op 20 juli" in text
    today = timezone.localdate()
    expected = timing.next_deadline(line, today)
    assert expected in (dt.date(today.year + y, m, 20) for y in (0, 1) for m in (3, 4))


def test_a_guide_only_fact_shows_the_guide_and_no_2026_check(client):
    response = client.get(reverse("catalogue:funding", args=["wies-fonds"]))
    html = response.content.decode()
    # The maximum per project stands on the guide alone.
    fact = re.search(r"Maximaal € 1\.000\.000 per project\.(.*?)</li>", html, re.S).group(1)
    assert "Bron: gids 2024" in text_of(type("R", (), {"content": fact.encode()})())
    guide = re.search(r'<li id="bron-gids">(.*?)</li>', html, re.S).group(1)
    assert "nagekeken" not in guide.replace("niet nagekeken", "") and "2026" not in guide
    assert "Gegevens nagekeken op" not in text_of(response)
    assert "De gegevens op deze pagina zijn het laatst gewijzigd op" in text_of(response)


def test_statements_with_a_time_show_their_year(client):
    for pk in ("plan-samenleven", "vlaams-randfonds"):
        text = text_of(client.get(reverse("catalogue:funding", args=[pk])))
        assert "Stand van zaken 2024: " in text and "de volgende Vlaamse Regering beslist" in text, pk
    api = client.get(f"/api/v1/funding/plan-samenleven").json()
    assert api["status_as_of"] == "2024"


def test_impulssubsidie_says_what_the_sources_say_about_the_amount(client):
    text = section(client.get(reverse("catalogue:funding", args=["impulssubsidie-vlaamse-rand"])), "geld")
    assert "Een maximumbedrag per project is niet bekend." in text
    assert "een jury bepaalt het bedrag" in text and "rand@vlaanderen.be" in text


def test_the_computed_26_million_is_labelled_computed_not_the_guides(client):
    text = text_of(client.get("/cijfers/"))
    assert "Met 1,5 miljoen per jaar vanaf 2021 (berekend)" in text
    assert "berekend door Randwijzer (20 miljoen + 4 × 1,5 miljoen (2021-2024)), niet zo gedrukt in de bron" in text


def test_part_iv_prints_the_guides_examples_and_figures_in_order_and_the_suggestions_address(client):
    text = text_of(client.get("/deel-iv/"))
    order = ["Subsidiebedrag per projectoproep", "IGS Zennevallei – Hergist", "Kunstacademie met divers publiek zet in op Nederlands"]
    positions = [text.index(item) for item in order]
    assert positions == sorted(positions)
    assert "Suggesties voor aanvullingen zijn welkom via rand@vlaanderen.be" in text
    assert text.count("Hoe aanvragen?") >= FundingLine.objects.count()


def test_the_api_gives_how_to_apply_and_contact_fields(client):
    line = client.get("/api/v1/funding/wies-fonds").json()
    how = line["how_to_apply"]
    assert how["channel"] == "unknown" and how["channel_note"].startswith("De bron zegt niet hoe u aanvraagt")
    assert how["contact"] == {"name": "Vlabinvest", "partner": "vlabinvest", "email": "info@vlabinvest.be",
                              "phone": "", "address": "", "website": Partner.objects.get(pk="vlabinvest").website}
    gids = next(s for s in line["sources"] if s["key"] == "gids")
    assert gids["verified_on"] is None
    partner = client.get("/api/v1/partners/abb-team-vlaamse-rand").json()
    assert partner["email"] == "rand@vlaanderen.be" and partner["phone"] == "" and "editor_todos" not in partner


def editors_notes() -> list[str]:
    """Every note the catalogue keeps for its editors only (lines, partners, municipalities)."""
    entries = [t for model in (FundingLine, Partner) for e in model.objects.all() for t in e.editor_todos.values()]
    return entries + list(set(Municipality.objects.exclude(wies_editor_todo="").values_list("wies_editor_todo", flat=True)))


def test_no_editor_todo_on_any_public_page_or_api_answer(client):
    todos = editors_notes()
    assert any("95 WIES-gemeenten" in t for t in todos) and len(todos) >= 4
    leuven = Municipality.objects.get(name_nl="Leuven")
    urls = ["/", "/catalogus/", "/deel-iv/", "/cijfers/", "/inspiratie/", "/gemeenten/",
            reverse("catalogue:municipality", args=[leuven.slug]), f"/api/v1/municipalities/{leuven.nis_code}",
            "/api/v1/funding", "/api/v1/partners"]
    urls += [reverse("catalogue:funding", args=[pk]) for pk in FundingLine.objects.values_list("pk", flat=True)]
    urls += [f"/api/v1/funding/{pk}" for pk in FundingLine.objects.values_list("pk", flat=True)]
    urls += [reverse("catalogue:partner", args=[pk]) for pk in Partner.objects.values_list("pk", flat=True)]
    urls += [f"/api/v1/partners/{pk}" for pk in Partner.objects.values_list("pk", flat=True)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for todo in todos:
            assert todo not in body, (url, todo)
    # Leuven's page still tells the reader what is open, and whom to ask.
    assert "Vraag het na bij uw gemeente of bij Vlabinvest" in text_of(client.get(reverse("catalogue:municipality", args=[leuven.slug])))


def test_export_round_trip_keeps_how_to_apply_and_contacts(tmp_path):
    root = tmp_path / "catalogue"
    shutil.copytree(Path(settings.PROJECT_DIR) / "data" / "catalogue", root)
    shutil.copytree(Path(settings.PROJECT_DIR) / "data" / "reference", tmp_path / "reference")
    assert export_catalogue(root).touched == []  # byte-stable as committed
    Partner.objects.filter(pk="vlabinvest").update(phone="02 000 00 00", address="Provincieplein 1, 3010 Leuven")
    report = export_catalogue(root)
    assert report.changed == ["partners/vlabinvest.yaml"]
    again = read_catalogue(root)
    assert again.partners["vlabinvest"].phone == "02 000 00 00"
    assert again.funding["impulssubsidie-vlaamse-rand"].how_to_apply.decides == "Een jury bepaalt het bedrag van de subsidie."
