"""What an import costs per record (issue 13, Scale): a bounded number of queries, the same for every record.

A first import of 5,000 products must stay under 2 minutes; every query is a round trip through the
ORM, so the number per record is the honest guard (a new line took about 50 before the change log
and the history stopped reading what they do not need).
"""
from django.db import connection
from django.test.utils import CaptureQueriesContext

from randwijzer.catalogue.models import FundingLine
from tests.feeds.fixtures import local_government_concept, page

# 28 before the history read its many-to-many rows in one query (25); the area read from the
# feed's LAU/NUTS codes (municipalities named, territory present) adds two (27). The run's memo
# (feeds/runcache.py: areas, territory and partner, the page's lines, curated titles, taken ids), a
# new line's change log without a before-read and its many-to-many rows without add()'s read: 17.
MAX_QUERIES_PER_NEW_LINE = 17


def test_each_new_line_costs_the_same_bounded_number_of_queries(run_import, tmp_path):
    numbers = iter(range(1, 100))

    def queries_to_import(products: int) -> int:
        path = tmp_path / f"page-{products}.nt"
        concepts = [local_government_concept(next(numbers)) for _ in range(products)]
        path.write_text(page(concepts, [], f"an LDES page of {products} products from the IPDC concept sample"),
                        encoding="utf-8")
        with CaptureQueriesContext(connection) as queries:
            report = run_import("ipdc", path)
        assert report.counts["nieuw"] == products, report.lines
        return len(queries)

    queries_to_import(1)  # the first line also creates the territory and the partner the others share
    one, two, three = queries_to_import(1), queries_to_import(2), queries_to_import(3)
    assert three - two == two - one, (one, two, three)
    assert two - one <= MAX_QUERIES_PER_NEW_LINE, f"{two - one} queries per new line"


def test_a_new_line_written_the_cheap_way_has_its_many_to_many_values_and_their_history(run_import, tmp_path):
    path = tmp_path / "one.nt"
    path.write_text(page([local_government_concept(1)], [], "one product from the IPDC concept sample"), encoding="utf-8")
    run_import("ipdc", path)
    line = FundingLine.objects.get(feed_source="ipdc")
    wanted = line.feed_values
    assert sorted(line.applicant_types.values_list("id", flat=True)) == sorted(wanted["applicant_types"]) == ["lokaal-bestuur"]
    assert sorted(line.themes.values_list("id", flat=True)) == sorted(wanted["themes"]) and wanted["themes"]
    record = line.history.get()
    assert sorted(r.theme_id for r in record.themes.all()) == sorted(wanted["themes"])
    assert sorted(r.applicanttype_id for r in record.applicant_types.all()) == ["lokaal-bestuur"]
