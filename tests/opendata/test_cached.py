"""The open-data documents are cached like the catalogue pages: never older than the last write,
one stored copy per format asked for, and 304 for a reader that still has the current one."""
import pytest

from randwijzer.catalogue.editing import catalogue_edit
from randwijzer.catalogue.models import FundingLine

pytestmark = pytest.mark.django_db

TURTLE = "text/turtle"
JSONLD = "application/ld+json"


def _retitle(line_id: str, title: str) -> None:
    line = FundingLine.objects.get(pk=line_id)
    with catalogue_edit(None, "Titel aangepast", entries=[line]):
        line.title = title
        line.save()


def test_a_document_follows_a_catalogue_edit_at_once(client):
    line_id = FundingLine.objects.order_by("pk").values_list("pk", flat=True).first()
    assert "Herdoopte steunmaatregel" not in client.get("/open-data/subsidiemaatregelen.ttl").content.decode()
    _retitle(line_id, "Herdoopte steunmaatregel")
    assert "Herdoopte steunmaatregel" in client.get("/open-data/subsidiemaatregelen.ttl").content.decode()
    grants = client.get("/common-grants/opportunities", {"pageSize": 100}).json()
    assert any(item["title"] == "Herdoopte steunmaatregel" for item in grants["items"])


def test_the_negotiated_address_keeps_one_copy_per_format(client):
    turtle = client.get("/open-data/subsidiemaatregelen", HTTP_ACCEPT=TURTLE)
    jsonld = client.get("/open-data/subsidiemaatregelen", HTTP_ACCEPT=JSONLD)
    again = client.get("/open-data/subsidiemaatregelen", HTTP_ACCEPT=TURTLE)
    assert turtle["Content-Type"].startswith(TURTLE) and again["Content-Type"].startswith(TURTLE)
    assert jsonld["Content-Type"].startswith(JSONLD)
    assert turtle.content == again.content != jsonld.content


def test_a_reader_with_the_current_document_gets_304(client):
    first = client.get("/open-data/partners.ttl")
    assert first.status_code == 200 and first["ETag"]
    assert client.get("/open-data/partners.ttl", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
