"""The "Indiendata en periodes" page: horizons, filters, bad filters, links."""
import re

import pytest
from django.urls import reverse

from .conftest import FEEST, IMPULS

pytestmark = pytest.mark.django_db

URL = "/indiendata/"


def page(client, **params):
    return client.get(URL, params)


def dates(response) -> list[str]:
    """The dates of the listed items, as the page shows them, in order."""
    html = response.content.decode()
    return re.findall(r'<p class="date">(.*?)\s*<span class="badge">(.*?)</span>', html, re.S)


def plain(fragment: str) -> str:
    return re.sub(r"<[^>]+>", "", fragment).strip()


@pytest.mark.parametrize("horizon, expected", [
    ("7", []),
    ("30", [("1 februari 2027", "uiterste indiendatum")]),
    ("90", [("1 februari 2027", "uiterste indiendatum"), ("20 maart 2027", "uiterste indiendatum"),
            ("20 april 2027", "uiterste indiendatum")]),
])
def test_horizons(client, today, horizon, expected):
    response = page(client, horizon=horizon)
    assert response.status_code == 200
    assert [(plain(d), kind) for d, kind in dates(response)] == expected


def test_default_is_90_days_with_title_links_and_nav(client, today):
    response = page(client)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Indiendata en periodes</h1>" in html
    assert "van 20 januari 2027 tot en met 20 april 2027" in html
    assert len(dates(response)) == 3
    assert f'href="{reverse("catalogue:funding", args=[IMPULS])}"' in html
    assert f'href="/steun/{FEEST}/calendar.ics"' in html
    assert 'href="/calendar.ics">Zet in uw agenda</a>' in html
    assert 'aria-current="page">Indiendata</a>' in html
    # Lines without dates are not forgotten.
    rest = html[html.index("Het hele jaar door aan te vragen"):]
    assert "Subsidie taalstimulering Nederlands" in rest and "Subsidie voor verenigingen" in rest
    assert "Feest van de Vlaamse Gemeenschap" not in rest  # it has dates above


def test_a_window_is_shown_as_a_period(client, monkeypatch):
    import datetime as dt

    from randwijzer.deadlines import services
    monkeypatch.setattr(services, "today", lambda: dt.date(2027, 6, 1))
    shown = [(plain(d), kind) for d, kind in dates(page(client, horizon="30"))]
    assert shown == [("20 juni 2027 tot en met 20 juli 2027", "periode")]


@pytest.mark.parametrize("params, count", [
    ({"municipality": "Wemmel"}, 3), ({"municipality": "23102"}, 3), ({"municipality": "Zaventem"}, 1),
    ({"applicant_type": "andere-organisatie"}, 1), ({"theme": "cultuur"}, 2),
    ({"theme": "cultuur", "applicant_type": "andere-organisatie"}, 0),
])
def test_filters(client, today, params, count):
    response = page(client, **params)
    assert response.status_code == 200
    assert len(dates(response)) == count


def test_filters_carry_over_to_the_calendar_link(client, today):
    html = page(client, municipality="Wemmel", theme="cultuur", horizon="30").content.decode()
    assert 'href="/calendar.ics?municipality=Wemmel&amp;theme=cultuur">Zet in uw agenda</a>' in html


def test_unknown_municipality_is_said_with_suggestions(client, today):
    response = page(client, municipality="Wemel", theme="cultuur")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Onbekende gemeente &#x27;Wemel&#x27;. Deze filter is niet toegepast." in html
    assert 'Bedoelde u <a href="?theme=cultuur&amp;municipality=Wemmel">Wemmel</a>' in html
    assert len(dates(response)) == 2  # the theme still applies
    assert 'name="municipality" value="Wemel"' in html  # what was typed stays, to correct it


@pytest.mark.parametrize("params, message", [
    ({"horizon": "45"}, "De periode ‘45’ kennen we niet: kies 7, 30 of 90 dagen."),
    ({"horizon": "abc"}, "De periode ‘abc’ kennen we niet"),
    ({"applicant_type": "kerk"}, "Het type aanvrager ‘kerk’ kennen we niet."),
    ({"theme": "<b>x</b>"}, "Het thema ‘&lt;b&gt;x&lt;/b&gt;’ kennen we niet."),
])
def test_bad_filters_are_said_in_dutch(client, today, params, message):
    response = page(client, **params)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert len(dates(response)) == 3  # nothing applied: the default 90 days


def test_funding_page_links_to_its_calendar(client):
    html = client.get(reverse("catalogue:funding", args=[IMPULS])).content.decode()
    assert f'<a href="/steun/{IMPULS}/calendar.ics">Zet de data in uw agenda</a>' in html
