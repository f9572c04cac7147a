"""One list of upcoming dates and one wording of a date (deadlines.services.upcoming and
deadlines/includes/when.html) on the home page, /indiendata/ and a funding line's page; the calendar
link only where the feed has dates."""
import datetime as dt

import pytest
from django.template.loader import render_to_string

from randwijzer.catalogue.models import FundingLine
from randwijzer.deadlines import services

from .conftest import FEEST, IMPULS

pytestmark = pytest.mark.django_db


def wording(item) -> str:
    return render_to_string("deadlines/includes/when.html", {"item": item}).strip()


def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_home_lists_the_first_upcoming_dates_in_the_shared_wording(client, today):
    items = services.upcoming(limit=5)
    assert items and any(item.kind == "window" for item in services.upcoming())
    home = html(client, "/")
    for item in items:
        assert wording(item) in home
    # A closed line has no upcoming dates anywhere.
    assert all(item.line.status != "afgesloten" for item in services.upcoming())


def test_indiendata_shows_the_same_dates_in_the_same_words_as_the_home_page(client, today):
    page = html(client, "/indiendata/?horizon=90")
    soon = [item for item in services.upcoming(limit=5) if item.start <= today + dt.timedelta(days=90)]
    assert soon
    for item in soon:
        assert wording(item) in page


@pytest.mark.parametrize("line_id", [IMPULS, FEEST])
def test_a_line_page_lists_its_upcoming_dates_in_the_shared_wording(client, today, line_id):
    items = services.upcoming(line_id=line_id)
    assert items
    page = html(client, f"/steun/{line_id}/")
    for item in items[:5]:
        assert wording(item) in page
    first = services.next_deadline(items)
    assert f"Volgende uiterste indiendatum: <strong>" in page and first is not None


def test_calendar_link_only_where_the_feed_has_dates(client, today):
    with_dates = [line.pk for line in FundingLine.objects.all() if services.line_feed(line.pk)]
    without = [line.pk for line in FundingLine.objects.all() if not services.line_feed(line.pk)]
    assert with_dates and without
    for pk in with_dates:
        assert "Zet de data in uw agenda" in html(client, f"/steun/{pk}/"), pk
    for pk in without:
        assert "Zet de data in uw agenda" not in html(client, f"/steun/{pk}/"), pk


def test_deadlines_page_offers_no_calendar_when_the_filtered_feed_is_empty(client, today, monkeypatch):
    monkeypatch.setattr(services, "find", lambda query, line_id=None: [])
    page = html(client, "/indiendata/")
    assert "Zet in uw agenda" not in page
