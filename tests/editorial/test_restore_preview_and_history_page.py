"""The restore preview reads the history and writes nothing; the history page takes the same number of
queries for 5 edits as for 50."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from randwijzer.catalogue.editing import catalogue_edit
from randwijzer.catalogue.models import FundingLine, Partner, Theme, YearlyDeadline
from randwijzer.editorial import restore

from .conftest import IMPULS

pytestmark = pytest.mark.django_db

HISTORY_URL = f"/admin/catalogue/fundingline/{IMPULS}/history/"
WRITES = ("INSERT", "UPDATE", "DELETE", "SAVEPOINT", "RELEASE", "ROLLBACK")


def latest_version(model, pk):
    return model.history.filter(id=pk).order_by("-history_date", "-history_id").first()


def edit_line(n: int, user=None):
    """One edit of title, a deadline and the themes, as an editor would make it."""
    line = FundingLine.objects.get(id=IMPULS)
    with catalogue_edit(user, f"Bewerking {n}", entries=[line]):
        line.title = f"Impulssubsidie, versie {n}"
        line.save()
        deadline = YearlyDeadline.objects.filter(funding_line_id=IMPULS, month=5).first()
        deadline.day = 2 + n % 27
        deadline.save()
        themes = list(Theme.objects.order_by("id")[:2])
        line.themes.add(themes[n % 2])
        line.themes.remove(themes[(n + 1) % 2])


def test_the_preview_says_what_the_restore_records_and_writes_nothing():
    version = latest_version(FundingLine, IMPULS)
    edit_line(1)
    with CaptureQueriesContext(connection) as queries:
        preview = restore.preview_version(FundingLine, IMPULS, version.history_id)
    assert [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)] == []
    assert any(sentence.startswith("De titel") for sentence in preview)
    assert any("indiendatum" in sentence for sentence in preview)

    result = restore.restore_version(FundingLine, IMPULS, version.history_id)
    assert preview == [change.description for change in result.changes]


def test_the_preview_of_a_partner_names_the_lines_it_administers():
    line = FundingLine.objects.get(id=IMPULS)
    partner = Partner.objects.get(id=line.administrator_id)
    version = latest_version(Partner, partner.pk)
    with catalogue_edit(None, "Nieuwe naam", entries=[partner]):
        partner.name = "Een andere naam"
        partner.save()
    preview = restore.preview_version(Partner, partner.pk, version.history_id)
    assert preview and all("De beheerder" in sentence for sentence in preview)
    assert preview == [change.description for change in restore.restore_version(Partner, partner.pk, version.history_id).changes]


def test_the_preview_page_writes_nothing_to_the_catalogue(editor_client):
    version = latest_version(FundingLine, IMPULS)
    edit_line(1)
    with CaptureQueriesContext(connection) as queries:
        page = editor_client.get(f"{HISTORY_URL}{version.history_id}/")
    assert page.status_code == 200 and "Wat herstellen verandert" in page.content.decode()
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)
              and ("catalogue_" in q["sql"] or "changes_" in q["sql"] or q["sql"].lstrip().upper().startswith("SAVEPOINT"))]
    assert writes == []


def history_page_queries(client) -> tuple[int, str]:
    client.get(HISTORY_URL)  # sessions, permissions and content types are read once
    with CaptureQueriesContext(connection) as queries:
        page = client.get(HISTORY_URL)
    assert page.status_code == 200
    return len(queries), page.content.decode()


def test_the_history_page_takes_as_many_queries_for_50_edits_as_for_5(editor_client, editor):
    for n in range(5):
        edit_line(n, editor)
    few, page = history_page_queries(editor_client)
    assert "Bewerking 4" in page and "jaarlijkse indiendatum ‘5 mei’: gewijzigd; dag 4 → 5" in page
    for n in range(5, 50):
        edit_line(n, editor)
    many, page = history_page_queries(editor_client)
    assert "Bewerking 49" in page and page.count("jaarlijkse indiendatum ‘") >= 50
    assert many == few
