"""Cached catalogue pages: never older than the last write of any kind, never another visitor's page,
and 304 for a browser that still has the current one (randwijzer.catalogue.page_cache)."""
import shutil

import pytest
import yaml
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from randwijzer.catalogue import version
from randwijzer.catalogue.yaml.loader import load_catalogue
from randwijzer.catalogue.models import FundingLine, Partner
from randwijzer.catalogue.signals import catalogue_changed
from tests.editorial.conftest import IMPULS, deadline_field, editor, editor_client, form_data  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

LINE_URL = f"/steun/{IMPULS}/"
CHANGE_URL = f"/admin/catalogue/fundingline/{IMPULS}/change/"


@pytest.fixture
def anonymous():
    """A visitor who is not logged in (pytest-django's `client` is the editor once editor_client is used)."""
    return Client()


@pytest.fixture
def renders():
    """How many templates were rendered: a page served from the cache (or a 304) renders none."""
    rendered = []

    def count(sender, **kwargs):
        rendered.append(kwargs["template"].name)

    template_rendered.connect(count)
    yield rendered
    template_rendered.disconnect(count)


def page(anonymous, url=LINE_URL) -> str:
    response = anonymous.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_visit_is_served_from_the_cache(anonymous, renders):
    first = page(anonymous)
    renders.clear()
    with CaptureQueriesContext(connection) as queries:
        assert page(anonymous) == first
    assert renders == []
    assert len(queries) == 1  # the catalogue version, nothing else


# ---------------------------------------------------------------- every kind of write, then the next view


def test_a_yaml_load_shows_on_the_next_view(anonymous, tmp_path):
    assert "Een nieuwe titel uit de YAML" not in page(anonymous)
    shutil.copytree(settings.CATALOGUE_DIR.parent, tmp_path / "data")
    path = next((tmp_path / "data" / "catalogue").rglob(f"{IMPULS}.yaml"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["title"] = "Een nieuwe titel uit de YAML"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    load_catalogue(tmp_path / "data" / "catalogue")
    assert "Een nieuwe titel uit de YAML" in page(anonymous)


def test_an_admin_save_shows_on_the_next_view(anonymous, editor_client):
    assert "15 mei" not in page(anonymous)
    form = form_data(editor_client.get(CHANGE_URL).content.decode(), "fundingline_form")
    form[f"{deadline_field(form, 5, 1)}-day"] = "15"
    assert editor_client.post(CHANGE_URL, form).status_code == 302
    assert "15 mei" in page(anonymous)


def test_a_restore_shows_on_the_next_view(anonymous, editor_client):
    before_edit = FundingLine.objects.get(id=IMPULS).history.order_by("-history_date").first()
    form = form_data(editor_client.get(CHANGE_URL).content.decode(), "fundingline_form")
    form[f"{deadline_field(form, 5, 1)}-day"] = "15"
    editor_client.post(CHANGE_URL, form)
    assert "15 mei" in page(anonymous)
    url = f"/admin/catalogue/fundingline/{IMPULS}/history/{before_edit.history_id}/"
    editor_client.post(url, {"_save": "Herstellen"})
    assert "15 mei" not in page(anonymous)


def test_verified_today_shows_on_the_next_view(anonymous, editor_client):
    # The page shows when each source was checked at the source (issue 15): an old check, then today's.
    source = FundingLine.objects.get(id=IMPULS).sources.exclude(url="").first()
    source.verified_on = timezone.localdate().replace(year=2020, month=3, day=1)
    source.save()
    assert "nagekeken bij de bron op 1 maart 2020" in page(anonymous)
    editor_client.post("/admin/catalogue/fundingline/", {"action": "mark_verified_today", "_selected_action": [IMPULS]})
    assert "nagekeken bij de bron op 1 maart 2020" not in page(anonymous)


def test_a_direct_save_standing_for_an_import_shows_on_the_next_view(anonymous):
    partner = Partner.objects.filter(administered_lines__id=IMPULS).first() or Partner.objects.first()
    partner_url = f"/partners/{partner.pk}/"
    page(anonymous, partner_url)
    partner.name = "Een geïmporteerde naam"
    partner.save()
    assert "Een geïmporteerde naam" in page(anonymous, partner_url)


def test_a_queryset_update_sends_no_signal_but_the_edit_bracket_does(anonymous):
    page(anonymous)
    FundingLine.objects.filter(id=IMPULS).update(title="Stil gewijzigd")  # no post_save: needs the signal
    catalogue_changed.send(sender=None)
    assert "Stil gewijzigd" in page(anonymous)


def test_the_calendar_feed_and_the_api_follow_a_write(anonymous):
    feed = anonymous.get(f"/steun/{IMPULS}/calendar.ics").content.decode()
    api = anonymous.get(f"/api/v1/funding/{IMPULS}").json()
    FundingLine.objects.filter(id=IMPULS).update(title="Nieuwe titel")
    version.bump()
    assert "Nieuwe titel" in anonymous.get(f"/steun/{IMPULS}/calendar.ics").content.decode()
    assert anonymous.get(f"/api/v1/funding/{IMPULS}").json()["title"] == "Nieuwe titel"
    assert "Nieuwe titel" not in feed and api["title"] != "Nieuwe titel"


# ---------------------------------------------------------------- personal parts


def test_a_logged_in_visitor_never_gets_an_anonymous_page_nor_the_other_way_round(anonymous, editor_client):
    anonymous_first = page(anonymous)
    assert "Aanmelden" in anonymous_first and "Mijn account" not in anonymous_first
    member = page(editor_client)
    assert "Mijn account" in member and ">Aanmelden<" not in member
    anonymous_again = page(Client())
    assert "Mijn account" not in anonymous_again and "an.peeters" not in anonymous_again


def test_each_session_gets_its_own_csrf_token_on_forms_beside_cached_pages(anonymous):
    page(anonymous)  # a cached page first: it must not hand out the token of whoever rendered it
    tokens = set()
    for visitor in (Client(), Client()):
        page(visitor)
        form = visitor.get("/flash/").content.decode()
        tokens.add(form.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0])
    assert len(tokens) == 2


# ---------------------------------------------------------------- conditional requests


@pytest.mark.parametrize("url", [LINE_URL, "/catalogus/?q=taal", "/indiendata/", "/calendar.ics", "/deel-iv/",
                                 "/cijfers/", f"/api/v1/funding/{IMPULS}", "/match/?text=taaltafel+voor+ouders"])
def test_a_browser_with_the_current_page_gets_304_without_rendering(anonymous, renders, url):
    first = anonymous.get(url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    assert "no-cache" in first["Cache-Control"]
    renders.clear()
    with CaptureQueriesContext(connection) as queries:
        again = anonymous.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert renders == [] and len(queries) == 1
    assert anonymous.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_after_a_write_the_old_etag_gets_the_new_page(anonymous):
    first = anonymous.get(LINE_URL)
    FundingLine.objects.filter(id=IMPULS).update(title="Nieuwe titel")
    version.bump()
    again = anonymous.get(LINE_URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and "Nieuwe titel" in again.content.decode()
    assert again["ETag"] != first["ETag"]


def test_a_logged_in_visitor_gets_a_private_etag_of_their_own(anonymous, editor_client):
    public, member = anonymous.get(LINE_URL), editor_client.get(LINE_URL)
    assert "private" in member["Cache-Control"] and "private" not in public["Cache-Control"]
    assert member["ETag"] != public["ETag"]
    assert anonymous.get(LINE_URL, HTTP_IF_NONE_MATCH=member["ETag"]).status_code == 200


def test_a_missing_line_gets_no_etag(anonymous):
    response = anonymous.get("/steun/bestaat-niet/")
    assert response.status_code == 404 and not response.has_header("ETag")
