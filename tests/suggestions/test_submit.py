"""A reader suggests a correction or a new entry: the form, the confirmation mail, the spam defences."""
from __future__ import annotations

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse

from randwijzer.ops.clients import client_ip
from randwijzer.ops.models import RateBucket
from randwijzer.suggestions.models import Kind, Status, Suggestion
from randwijzer.suggestions.services import LIMIT_PER_HOUR

from .conftest import form_data

pytestmark = pytest.mark.django_db


def suggestion_link(html: str) -> str:
    """The link of the box "Klopt er iets niet? Ontbreekt er iets?" on an entry's page."""
    section = html[html.index("Klopt er iets niet? Ontbreekt er iets?"):]
    return re.search(r'href="(/voorstellen/nieuw/\?[^"]+)"', section).group(1).replace("&amp;", "&")


def test_reader_suggests_a_correction_from_a_funding_line_page_and_gets_a_confirmation(client, smtp, line):
    page = client.get(reverse("catalogue:funding", args=[line.pk])).content.decode()
    link = suggestion_link(page)
    assert link == f"/voorstellen/nieuw/?steun={line.pk}"

    form = client.get(link)
    assert form.status_code == 200
    assert line.title in form.content.decode()

    answer = client.post(link, form_data(email="lies@wemmel.be"))
    assert answer.status_code == 302
    thanks = client.get(answer["Location"]).content.decode()
    assert "Bedankt voor uw voorstel" in thanks

    suggestion = Suggestion.objects.get()
    assert (suggestion.status, suggestion.kind, suggestion.funding_line, suggestion.partner) == (
        Status.NEW, Kind.CORRECTION, line, None)
    assert suggestion.source_url == "https://www.vlaanderen.be/oproep"

    [mail] = smtp.to("lies@wemmel.be")
    assert mail["Subject"] == "Uw voorstel aan Randwijzer is goed ontvangen"
    assert mail.get_content_type() == "text/plain"
    body = mail.get_content()
    assert body.startswith("Dag Lies Lezer,")
    assert "De indiendatum voor 2026 is 15 maart, niet 1 maart." in body
    assert f"Over: {line.title} (http://testserver/steun/{line.pk}/)" in body
    assert "Soort: correctie" in body
    assert "Bron: https://www.vlaanderen.be/oproep" in body


def test_partner_page_links_to_a_suggestion_about_that_partner(client, smtp, partner):
    page = client.get(reverse("catalogue:partner", args=[partner.pk])).content.decode()
    link = suggestion_link(page)
    assert link == f"/voorstellen/nieuw/?partner={partner.pk}"
    client.post(link, form_data(kind=Kind.NEW_PARTNER, name=""))
    suggestion = Suggestion.objects.get()
    assert (suggestion.partner, suggestion.funding_line, suggestion.kind) == (partner, None, Kind.NEW_PARTNER)
    assert smtp.to("lies@wemmel.be")[0].get_content().startswith("Dag,")


def test_general_page_proposes_a_new_funding_line_without_a_target(client, smtp):
    page = client.get("/voorstellen/")
    html = page.content.decode()
    assert "<h1>Stel een steunmaatregel of partner voor</h1>" in html
    for label in ("Correctie", "Nieuwe steunmaatregel", "Nieuwe partner"):
        assert label in html
    assert client.post("/voorstellen/", form_data(kind=Kind.NEW_FUNDING_LINE, source_url="")).status_code == 302
    suggestion = Suggestion.objects.get()
    assert (suggestion.kind, suggestion.target, suggestion.source_url) == (Kind.NEW_FUNDING_LINE, None, "")
    assert "Soort: nieuwe steunmaatregel" in smtp.to("lies@wemmel.be")[0].get_content()


@pytest.mark.parametrize("query", ["steun=bestaat-niet", "partner=bestaat-niet", "steun=plan%00samenleven"])
def test_unknown_entry_in_the_link_is_a_dutch_404(client, query):
    answer = client.get(f"/voorstellen/nieuw/?{query}")
    assert answer.status_code == 404
    assert "Pagina niet gevonden" in answer.content.decode()


def test_honeypot_is_hidden_from_people_and_a_filled_one_stores_and_sends_nothing(client, smtp, line):
    html = client.get(f"/voorstellen/nieuw/?steun={line.pk}").content.decode()
    trap = re.search(r'<div class="suggest-trap" aria-hidden="true">(.*?)</div>', html, re.S).group(1)
    assert "Laat dit veld leeg" in trap
    assert re.search(r'<input[^>]*name="website"[^>]*tabindex="-1"|<input[^>]*tabindex="-1"[^>]*name="website"', trap)

    answer = client.post(f"/voorstellen/nieuw/?steun={line.pk}", form_data(website="http://spam.example"))
    assert answer.status_code == 302 and answer["Location"] == reverse("suggestions:thanks")
    assert Suggestion.objects.count() == 0
    assert RateBucket.objects.count() == 0
    assert smtp.messages == []


@pytest.mark.parametrize("fields, errors", [
    ({"email": "geen-adres"}, ["Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.be."]),
    ({"email": ""}, ["Vul uw e-mailadres in: daar krijgt u de bevestiging en het antwoord."]),
    ({"text": "   "}, ["Beschrijf wat er niet klopt of wat er ontbreekt."]),
    ({"text": "x" * 4001}, ["Uw tekst is te lang: hoogstens 4000 tekens."]),
    ({"source_url": "niet zomaar tekst"}, ["Vul een geldig webadres in"]),
    ({"kind": "reclame"}, ["Kies een soort voorstel uit de lijst."]),
    ({"text": "fout\x00", "name": "Jan\x00"}, ["Null-tekens zijn niet toegestaan."]),
    ({"text": "", "email": "x@"}, ["Beschrijf wat er niet klopt of wat er ontbreekt.", "Vul een geldig e-mailadres in"]),
])
def test_bad_input_gets_dutch_errors_and_nothing_is_stored_or_sent(client, smtp, line, fields, errors):
    answer = client.post(f"/voorstellen/nieuw/?steun={line.pk}", form_data(**fields))
    assert answer.status_code == 400
    html = answer.content.decode()
    assert "Er is iets mis met wat u invulde" in html
    for error in errors:
        assert error in html
    assert Suggestion.objects.count() == 0
    assert smtp.messages == []


def test_rate_limit_per_client_ip_answers_429_in_dutch(client, smtp, line):
    url = f"/voorstellen/nieuw/?steun={line.pk}"
    for n in range(LIMIT_PER_HOUR):
        assert client.post(url, form_data(email=f"lezer{n}@gemeente.be"), REMOTE_ADDR="203.0.113.7").status_code == 302
    refused = client.post(url, form_data(email="nog.een@gemeente.be", text="Zesde voorstel"), REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Te veel voorstellen" in html and "Probeer het opnieuw na" in html
    assert "Zesde voorstel" in html  # the reader's text is kept in the form
    assert Suggestion.objects.count() == LIMIT_PER_HOUR
    assert smtp.to("nog.een@gemeente.be") == []
    # Another client is not affected.
    assert client.post(url, form_data(email="ander@gemeente.be"), REMOTE_ADDR="203.0.113.8").status_code == 302


def test_rate_limit_per_email_holds_across_ip_addresses(client, smtp, line):
    url = f"/voorstellen/nieuw/?steun={line.pk}"
    for n in range(LIMIT_PER_HOUR):
        assert client.post(url, form_data(email="Veel@Gemeente.be"), REMOTE_ADDR=f"198.51.100.{n}").status_code == 302
    assert client.post(url, form_data(email="veel@gemeente.be"), REMOTE_ADDR="198.51.100.99").status_code == 429
    assert len(smtp.to("veel@gemeente.be")) + len(smtp.to("Veel@Gemeente.be")) == LIMIT_PER_HOUR


def test_rate_limit_stores_neither_the_ip_address_nor_the_email(client, smtp, line):
    client.post(f"/voorstellen/nieuw/?steun={line.pk}", form_data(email="lies@wemmel.be"), REMOTE_ADDR="203.0.113.7")
    keys = list(RateBucket.objects.values_list("key", flat=True))
    assert len(keys) == 2
    for key in keys:
        assert "203.0.113.7" not in key and "wemmel" not in key
        assert re.fullmatch(r"(ip|email):[0-9a-f]{64}", key)


def test_client_ip_behind_the_trusted_proxy_is_the_forwarded_address(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    factory = RequestFactory()
    proxied = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert client_ip(proxied) == "203.0.113.7"
    # A client cannot pick its own address by sending the header itself.
    spoofed = factory.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="10.1.1.1")
    assert client_ip(spoofed) == "203.0.113.9"
    # Through the proxy, a forged first entry is passed over for the one the proxy added.
    chained = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.1.1.1, 203.0.113.7")
    assert client_ip(chained) == "203.0.113.7"


def test_script_in_the_text_goes_verbatim_into_the_plain_text_mail(client, smtp, line):
    text = '<script>alert("x")</script> & <b>vet</b>'
    client.post(f"/voorstellen/nieuw/?steun={line.pk}", form_data(text=text, name="<i>Jan</i>"))
    [mail] = smtp.to("lies@wemmel.be")
    assert not mail.is_multipart()  # no HTML part that could run or render it
    body = mail.get_content()
    assert text in body and "Dag <i>Jan</i>," in body
    assert "&lt;" not in body
