"""The trust pages: they exist, say who publishes (or that it is not filled in), tell the real retention
periods, and every form that asks for personal data links to the privacy statement."""
import pytest
from django.test import Client

from randwijzer.flash import tokens

pytestmark = pytest.mark.django_db

TRUST_PAGES = ["/over/", "/privacy/", "/contact/", "/toegankelijkheid/"]


def text(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("url", TRUST_PAGES)
def test_each_trust_page_answers_and_is_in_the_footer_of_the_home_page(client, url):
    assert client.get(url).status_code == 200
    assert f'href="{url}"' in text(client.get("/"))


def test_without_a_publisher_setting_the_pages_say_it_is_not_filled_in(client, settings):
    settings.RANDWIJZER_PUBLISHER_NAME, settings.RANDWIJZER_CONTACT_EMAIL = "", ""
    page = text(client.get("/over/"))
    assert "nog niet ingevuld" in page and "mailto:" not in page
    assert 'href="/voorstellen/nieuw/"' in text(client.get("/contact/"))


def test_the_publisher_settings_are_shown(client, settings):
    settings.RANDWIJZER_PUBLISHER_NAME = "Gemeente Voorbeeld"
    settings.RANDWIJZER_CONTACT_EMAIL = "randwijzer@voorbeeld.be"
    for url in ["/over/", "/privacy/", "/contact/"]:
        page = text(client.get(url))
        assert "Gemeente Voorbeeld" in page and 'href="mailto:randwijzer@voorbeeld.be"' in page, url


def test_privacy_states_the_periods_the_code_enforces(client, settings):
    settings.SESSION_COOKIE_AGE = 5 * 3600
    page = text(client.get("/privacy/"))
    assert f"werkt {tokens.MAX_AGE[tokens.CONFIRM] // 86400} dagen" in page
    assert "na 5 uur vervalt" in page
    assert "Gegevensbeschermingsautoriteit" in page and "6.1.a AVG" in page


def test_accessibility_statement_follows_the_flemish_model(client):
    page = text(client.get("/toegankelijkheid/"))
    for heading in ["Nalevingsstatus", "Niet-toegankelijke inhoud", "Opstelling van deze verklaring",
                    "Feedback en contactgegevens", "Handhavingsprocedure"]:
        assert heading in page
    assert "WCAG) 2.1, niveau AA" in page


@pytest.mark.parametrize("url", ["/flash/", "/voorstellen/nieuw/", "/account/wachtwoord/vergeten/", "/account/aanmelden/"])
def test_forms_that_ask_for_personal_data_link_to_the_privacy_statement(client, url):
    page = text(client.get(url))
    assert "<form" in page and 'href="/privacy/"' in page.split("</footer>")[0].split('<footer')[0]
