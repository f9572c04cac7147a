"""Two editors open the same funding line; the second save is refused with the differences."""
import html

import pytest
from django.test import Client

from randwijzer.catalogue.models import FundingLine, Partner, YearlyDeadline

from .conftest import IMPULS, admin_login, deadline_field, form_data, make_editor

pytestmark = pytest.mark.django_db

CHANGE_URL = f"/admin/catalogue/fundingline/{IMPULS}/change/"


@pytest.fixture
def second_editor_client(db):
    make_editor("bart.claes@gemeente.be")
    other = Client()
    admin_login(other, "bart.claes@gemeente.be")
    return other


def open_form(client, url=CHANGE_URL, form_id="fundingline_form"):
    return form_data(client.get(url).content.decode(), form_id)


def test_the_second_save_is_refused_and_shows_the_difference(editor_client, second_editor_client):
    first, second = open_form(editor_client), open_form(second_editor_client)
    assert first["editorial_version"]  # the version travels in the form

    first["max_amount"] = "20000"
    assert editor_client.post(CHANGE_URL, first).status_code == 302

    second["max_amount"] = "30000"
    second[f"{deadline_field(second, 5, 1)}-day"] = "20"
    response = second_editor_client.post(CHANGE_URL, second)
    assert response.status_code == 200  # the form again, not a redirect
    page = html.unescape(response.content.decode())
    assert "Iemand anders heeft deze steunmaatregel bewaard nadat u ze opende (door an.peeters@gemeente.be" in page
    assert "uw waarde 30000, bewaarde waarde 20000" in page
    assert "jaarlijkse indiendatum ‘1 mei’ – dag: uw waarde 20, bewaarde waarde 1" in page

    # Nothing of the second editor's save reached the database.
    line = FundingLine.objects.get(id=IMPULS)
    assert line.max_amount == 20000
    assert (5, 1) in YearlyDeadline.objects.filter(funding_line=line).values_list("month", "day")

    # After reloading, the second editor can save on top of the stored version.
    again = open_form(second_editor_client)
    again["max_amount"] = "30000"
    assert second_editor_client.post(CHANGE_URL, again).status_code == 302
    assert FundingLine.objects.get(id=IMPULS).max_amount == 30000


def test_the_same_lock_guards_partners(editor_client, second_editor_client):
    partner = Partner.objects.first()
    url = f"/admin/catalogue/partner/{partner.pk}/change/"
    first, second = open_form(editor_client, url, "partner_form"), open_form(second_editor_client, url, "partner_form")
    first["summary"] = "Eerste samenvatting."
    assert editor_client.post(url, first).status_code == 302
    second["summary"] = "Tweede samenvatting."
    response = second_editor_client.post(url, second)
    assert response.status_code == 200
    assert "Iemand anders heeft deze partner bewaard" in html.unescape(response.content.decode())
    partner.refresh_from_db()
    assert partner.summary == "Eerste samenvatting."
