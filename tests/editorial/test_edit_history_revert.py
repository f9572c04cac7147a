"""An editor moves a deadline in the admin; the history, the change log and the public page show
it; restoring the earlier version brings the old deadline back, and that is recorded too."""
import re

import pytest

from randwijzer.catalogue.models import FundingLine, YearlyDeadline
from randwijzer.changes.models import Change

from .conftest import IMPULS, deadline_field, form_data

pytestmark = pytest.mark.django_db

CHANGE_URL = f"/admin/catalogue/fundingline/{IMPULS}/change/"
HISTORY_URL = f"/admin/catalogue/fundingline/{IMPULS}/history/"


def move_may_deadline(client, day: int):
    page = client.get(CHANGE_URL)
    assert page.status_code == 200
    data = form_data(page.content.decode(), "fundingline_form")
    prefix = deadline_field(data, 5, 1)
    data[f"{prefix}-day"] = str(day)
    return client.post(CHANGE_URL, data)


def deadlines():
    return sorted(YearlyDeadline.objects.filter(funding_line_id=IMPULS).values_list("month", "day"))


def test_admin_is_dutch(editor_client):
    page = editor_client.get("/admin/").content.decode()
    assert "Randwijzer – redactie" in page
    assert "Verouderde en te verifiëren gegevens" in page  # the link to the staleness page


def test_a_deadline_edited_inline_shows_in_history_change_log_and_page(editor_client, editor):
    response = move_may_deadline(editor_client, 15)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert deadlines() == [(2, 1), (5, 15), (10, 1)]

    history = editor_client.get(HISTORY_URL).content.decode()
    assert "an.peeters@gemeente.be" in history and "Bewerkt in het beheer" in history
    assert "jaarlijkse indiendatum ‘15 mei’: gewijzigd; dag 1 → 15" in history

    change = Change.objects.get(funding_line_id=IMPULS, field="yearly_deadlines")
    assert change.description == "De uiterste indiendatum wijzigde van 1 mei naar 15 mei"
    assert change.origin == "beheer: an.peeters@gemeente.be"
    assert "De uiterste indiendatum wijzigde van 1 mei naar 15 mei" in editor_client.get("/wijzigingen/").content.decode()
    assert "15 mei" in editor_client.get(f"/steun/{IMPULS}/").content.decode()


def test_restoring_the_version_before_the_edit_brings_the_deadline_back(editor_client):
    line = FundingLine.objects.get(id=IMPULS)
    before_edit = line.history.order_by("-history_date").first()
    assert move_may_deadline(editor_client, 15).status_code == 302

    version_url = f"{HISTORY_URL}{before_edit.history_id}/"
    preview = editor_client.get(version_url).content.decode()
    assert "Wat herstellen verandert" in preview
    assert "De uiterste indiendatum wijzigde van 15 mei naar 1 mei" in preview
    assert deadlines() == [(2, 1), (5, 15), (10, 1)]  # a preview writes nothing

    response = editor_client.post(version_url, {"_save": "Herstellen"}, follow=True)
    assert deadlines() == [(2, 1), (5, 1), (10, 1)]
    assert "is hersteld naar de versie van" in response.content.decode()

    # The restore is itself a version, by this editor, and in the public change log.
    latest = line.history.order_by("-history_date", "-history_id").first()
    assert latest.history_change_reason.startswith("Hersteld naar de versie van")
    assert latest.history_user.email == "an.peeters@gemeente.be"
    back = Change.objects.filter(funding_line_id=IMPULS, field="yearly_deadlines").order_by("-changed_at").first()
    assert back.description == "De uiterste indiendatum wijzigde van 15 mei naar 1 mei"
    assert re.match(r"beheer: an\.peeters@gemeente\.be, hersteld naar de versie van \d+ \w+ \d{4} om \d\d:\d\d", back.origin)
    assert "1 mei" in editor_client.get(f"/steun/{IMPULS}/").content.decode()


def test_a_reload_of_the_same_catalogue_adds_no_history(settings):
    from randwijzer.catalogue.yaml.loader import load_catalogue

    count = FundingLine.history.count() + YearlyDeadline.history.count()
    load_catalogue(settings.CATALOGUE_DIR)
    assert FundingLine.history.count() + YearlyDeadline.history.count() == count
