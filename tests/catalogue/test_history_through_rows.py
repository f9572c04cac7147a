"""The history's stored many-to-many query (catalogue/history.py) reads what the ORM reads, line by line."""
import pytest
from django.conf import settings

from randwijzer.catalogue import history
from randwijzer.catalogue.models import FundingLine
from randwijzer.catalogue.yaml.loader import load_catalogue

FIELDS = ["themes", "applicant_types", "applicant_types_to_verify", "related_partners"]


@pytest.mark.django_db
def test_the_stored_query_reads_the_same_rows_as_the_orm_for_every_line_of_the_catalogue():
    load_catalogue(settings.CATALOGUE_DIR)
    fields = [FundingLine._meta.get_field(name) for name in FIELDS]
    rows = 0
    for line in FundingLine.objects.all():
        assert history._union_plan(fields, line) is not None, "a funding line takes the stored query"
        stored = history._through_rows(fields, line)
        by_orm = [[row[:-1] for row in query] for query in history._through_queries(fields, line)]
        assert [sorted(a) for a in stored] == [sorted(b) for b in by_orm], line.pk
        rows += sum(map(len, stored))
    assert rows > 0, "the catalogue has many-to-many rows to compare"
