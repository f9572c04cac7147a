""""Vandaag geverifieerd" and the staleness page."""
import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from randwijzer.catalogue.models import FundingLine, Partner, Source
from randwijzer.changes.models import Change

from .conftest import IMPULS, PASSWORD, admin_login

pytestmark = pytest.mark.django_db

STALE_URL = "/redactie/verouderd/"


def make_stale(line_id: str, on=dt.date(2020, 3, 1)):
    line = FundingLine.objects.get(id=line_id)
    line.verified_on = on
    line.save()
    line.sources.update(verified_on=on)
    return line


def test_verified_today_sets_the_date_of_the_line_and_its_sources(editor_client):
    make_stale(IMPULS)
    response = editor_client.post("/admin/catalogue/fundingline/", {
        "action": "mark_verified_today", "_selected_action": [IMPULS]}, follow=True)
    today = timezone.localdate()
    line = FundingLine.objects.get(id=IMPULS)
    assert line.verified_on == today
    assert set(line.sources.values_list("verified_on", flat=True)) == {today}
    assert "1 steunmaatregel en" in response.content.decode() and "geverifieerd op" in response.content.decode()
    record = line.history.order_by("-history_date", "-history_id").first()
    assert record.history_change_reason == "Vandaag geverifieerd" and record.history_user.email == "an.peeters@gemeente.be"
    change = Change.objects.filter(funding_line_id=IMPULS, field="verified_on").latest("changed_at")
    assert change.description.startswith("Nagekeken aan de bronnen op") and "vorige controle: 1 maart 2020" in change.description


def test_verified_today_on_a_partner(editor_client):
    partner = Partner.objects.first()
    Partner.objects.filter(pk=partner.pk).update(verified_on=dt.date(2021, 1, 1))
    editor_client.post("/admin/catalogue/partner/", {"action": "mark_verified_today", "_selected_action": [partner.pk]})
    partner.refresh_from_db()
    assert partner.verified_on == timezone.localdate()
    # Every source is checked today, except the printed guide, which was only read.
    assert all(s.verified_on == timezone.localdate() for s in partner.sources.exclude(key="gids"))
    assert all(s.verified_on is None for s in partner.sources.filter(key="gids"))


def test_the_staleness_page_lists_a_stale_line_and_its_sources_oldest_first(editor_client):
    make_stale(IMPULS)
    other = FundingLine.objects.exclude(id=IMPULS).first()
    make_stale(other.id, dt.date(2024, 6, 1))
    page = editor_client.get(STALE_URL).content.decode()
    assert "Impulssubsidie Vlaamse Rand" in page and "1 maart 2020" in page
    assert page.index("1 maart 2020") < page.index("1 juni 2024")  # the oldest first
    assert f"/admin/catalogue/fundingline/{IMPULS}/change/" in page
    source = Source.objects.filter(funding_line_id=IMPULS).first()
    assert source.title in page
    # Facts stored as "te verifiëren" are listed with their reason.
    assert "Of een school als 'organisatie' kan aanvragen" in page or "Of een school als &#x27;organisatie&#x27; kan aanvragen" in page


def test_a_fresh_line_is_not_listed(editor_client):
    FundingLine.objects.filter(id=IMPULS).update(verified_on=timezone.localdate())
    Source.objects.filter(funding_line_id=IMPULS).update(verified_on=timezone.localdate())
    page = editor_client.get(STALE_URL).content.decode()
    stale_part = page.split("<h2>Te verifiëren")[0]
    assert "Niet nagekeken sinds" in stale_part and "Impulssubsidie Vlaamse Rand" not in stale_part


def test_the_staleness_page_refuses_anonymous_and_non_staff_users(client):
    response = client.get(STALE_URL)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    client.force_login(User.objects.create_user("lid@vereniging.be", "lid@vereniging.be", PASSWORD))
    response = client.get(STALE_URL)
    assert response.status_code == 403
    assert "alleen voor de redactie" in response.content.decode()


def test_the_staleness_page_refuses_staff_outside_the_editors_group(client):
    """Staff (for another part of the admin) without the group Redactie is not an editor."""
    client.force_login(User.objects.create_user("helpdesk@randwijzer.be", "helpdesk@randwijzer.be", PASSWORD,
                                                is_staff=True))
    response = client.get(STALE_URL)
    assert response.status_code == 403
    assert "alleen voor de redactie" in response.content.decode()
