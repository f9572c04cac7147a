"""An editor deletes a funding line in the admin: the deletion is an edit like any other — the public
change log says the line left the catalogue, with the editor as its source, and the history knows why."""
import pytest

from randwijzer.catalogue.models import FundingLine
from randwijzer.changes.models import Change

from .conftest import IMPULS

pytestmark = pytest.mark.django_db

GONE = "Steunmaatregel niet langer in de catalogus"


def test_deleting_a_line_on_its_page_enters_the_change_log(editor_client):
    title = FundingLine.objects.get(id=IMPULS).title
    response = editor_client.post(f"/admin/catalogue/fundingline/{IMPULS}/delete/", {"post": "yes"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not FundingLine.objects.filter(id=IMPULS).exists()

    change = Change.objects.get(funding_line_id=IMPULS, description__startswith=GONE)
    assert change.description == f"{GONE}: {title}"
    assert change.origin == "beheer: an.peeters@gemeente.be"
    assert f"{GONE}: {title}" in editor_client.get("/wijzigingen/").content.decode()
    deleted = FundingLine.history.filter(id=IMPULS, history_type="-").get()
    assert deleted.history_change_reason == "Verwijderd in het beheer"


def test_deleting_lines_from_the_list_enters_each_in_the_change_log(editor_client):
    ids = sorted(FundingLine.objects.values_list("id", flat=True))[:2]
    response = editor_client.post("/admin/catalogue/fundingline/",
                                  {"action": "delete_selected", "_selected_action": ids, "post": "yes"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not FundingLine.objects.filter(id__in=ids).exists()
    logged = set(Change.objects.filter(description__startswith=GONE).values_list("funding_line_id", flat=True))
    assert logged == set(ids)


def test_deleting_a_line_moves_the_open_data_catalogues_modified_date(editor_client):
    # Harvesters read dct:modified to know the funding dataset changed; a deletion is a change too.
    response = editor_client.post(f"/admin/catalogue/fundingline/{IMPULS}/delete/", {"post": "yes"})
    assert response.status_code == 302
    deleted_at = FundingLine.history.filter(id=IMPULS, history_type="-").get().history_date
    dcat = editor_client.get("/open-data/dcat.ttl").content.decode()
    assert deleted_at.isoformat() in dcat
