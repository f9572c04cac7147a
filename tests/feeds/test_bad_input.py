"""Bad input: skipped or stopped with a Dutch message naming the record or page; nothing half-written."""
import re

import pytest

from randwijzer.catalogue.models import FundingLine
from randwijzer.feeds import fetching
from randwijzer.feeds.models import FeedState
from tests.feeds.fixtures import PROJECT, header, local_government_concept, page
from tests.feeds.loopback import LoopbackFeed

FEEDS = PROJECT / "data" / "feeds"


def test_malformed_rdf_stops_with_the_file_named_and_writes_nothing(command, tmp_path):
    path = tmp_path / "kapot.ttl"
    path.write_text("<http://x/a> <http://x/b> dit is geen RDF", encoding="utf-8")
    before = FundingLine.objects.count()
    status, out, err = command("subsidiepunt", path)
    assert status == 2 and "kapot.ttl: geen geldige Turtle" in err and "niets ingelezen" in err
    assert FundingLine.objects.count() == before


def test_truncated_n_triples_stop_the_import(command, tmp_path):
    text = (FEEDS / "subsidiedatabank-aanbod.nt").read_text(encoding="utf-8")
    path = tmp_path / "afgebroken.nt"
    path.write_text(text[: len(text) // 2], encoding="utf-8")  # cut in the middle of a line
    before = FundingLine.objects.count()
    status, out, err = command("subsidiepunt", path)
    assert status == 2 and "afgebroken.nt: geen geldige N-Triples" in err
    assert FundingLine.objects.count() == before


def test_an_iri_with_a_space_stops_the_import_with_the_file_named(command, tmp_path):
    # The N-Triples and Turtle parser is lenient about IPDC's long language tags (feeds/rdf.py), not about IRIs.
    text = (FEEDS / "subsidiedatabank-aanbod.nt").read_text(encoding="utf-8")
    hoppin = "<http://lblod.data.info/id/subsidy-measure-offers/b6e5ccd5-ddaf-4b74-b023-a712886f3814>"
    path = tmp_path / "spatie.nt"
    path.write_text(text.replace(hoppin, hoppin.replace("b6e5", "b6 e5")), encoding="utf-8")
    before = FundingLine.objects.count()
    status, out, err = command("subsidiepunt", path)
    assert status == 2 and "spatie.nt: <http://lblod.data.info/id/subsidy-measure-offers/b6 e5" in err
    assert "is geen geldig IRI" in err and "niets ingelezen" in err
    assert FundingLine.objects.count() == before


def test_an_ldes_page_with_an_invalid_iri_stops_there_and_the_next_run_resumes(command, tmp_path):
    second = tmp_path / "p2.nt"
    first = tmp_path / "p1.nt"
    first.write_text(page([local_government_concept(1)], [second.as_uri()]), encoding="utf-8")
    good = page([local_government_concept(2)], [])
    second.write_text(good.replace("<https://ipdc.tni-vlaanderen.be/id/concept/",
                                   "<https://ipdc.tni-vlaanderen.be/id/concept /", 1), encoding="utf-8")
    status, out, err = command("ipdc", first)
    assert status == 1 and "p2.nt: <https://ipdc.tni-vlaanderen.be/id/concept /" in err
    assert FundingLine.objects.filter(feed_source="ipdc").count() == 1

    second.write_text(good, encoding="utf-8")
    status, out, err = command("ipdc", first)
    assert status == 0 and "1 nieuw" in out
    assert FundingLine.objects.filter(feed_source="ipdc").count() == 2


def test_an_rdf_1_2_triple_term_stops_the_page_in_dutch(command, tmp_path):
    # pyoxigraph reads RDF 1.2 triple terms; the mappings cannot use them: a Dutch stop, not a traceback.
    path = tmp_path / "tripelterm.nt"
    text = page([local_government_concept(1)])
    theme = re.search(r"<https://productencatalogus.data.vlaanderen.be/id/concept/Thema/\w+>", text).group(0)
    path.write_text(text.replace(theme, "<<( <http://x/a> <http://x/b> <http://x/c> )>>", 1), encoding="utf-8")
    status, out, err = command("ipdc", path)
    assert status == 1 and "tripelterm.nt: bevat een RDF 1.2-tripelterm" in err and "Traceback" not in err
    assert not FundingLine.objects.filter(feed_source="ipdc").exists()


def test_a_record_without_title_is_skipped_and_the_rest_lands(run_import, tmp_path):
    text = (FEEDS / "subsidiedatabank-aanbod.nt").read_text(encoding="utf-8")
    hoppin = "<http://lblod.data.info/id/subsidy-measure-offers/b6e5ccd5-ddaf-4b74-b023-a712886f3814>"
    kept = [line for line in text.splitlines() if not (line.startswith(hoppin) and ("/title>" in line or "#prefLabel>" in line))]
    path = tmp_path / "zonder-titel.nt"
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    report = run_import("subsidiepunt", path)
    assert report.counts["overgeslagen"] == 1 and report.counts["nieuw"] == 14
    skipped = [line for line in report.lines if line.startswith("overgeslagen")]
    assert skipped == [f"overgeslagen: {hoppin[1:-1]} — het aanbod heeft geen titel (dct:title of skos:prefLabel)"]
    assert not FundingLine.objects.filter(title__icontains="hoppin").exists()


def test_a_period_that_ends_before_it_starts_skips_the_record_by_name(run_import, tmp_path):
    text = (FEEDS / "pride-evenementen.sparql").read_text(encoding="utf-8")
    path = tmp_path / "pride-omgekeerd.sparql"
    path.write_text("# Derived fixture: the Pride call with its period's start and end swapped\n"
                    + text.replace('"2025-09-14T22:00:00Z"', '"X"').replace('"2025-10-31T11:00:00Z"', '"2025-09-14T22:00:00Z"')
                    .replace('"X"', '"2025-10-31T11:00:00Z"'), encoding="utf-8")
    report = run_import("subsidiepunt", path)
    assert report.counts["overgeslagen"] == 1
    assert "'Pride-evenementen 2026'" in report.lines[0] and "eindigt (15 september 2025) vóór ze begint (31 oktober 2025)" in report.lines[0]
    assert not FundingLine.objects.filter(title="Pride-evenementen 2026").exists()


@pytest.fixture
def pages():
    """Pages that can fail: {path: (status, body, delay in s)}."""
    server = LoopbackFeed()
    yield server
    server.close()


def test_a_page_that_answers_404_half_way_stops_and_the_next_run_resumes(command, pages):
    pages.pages["/p1"] = (200, page([local_government_concept(1)], [f"{pages.url}/p2"]), 0)
    status, out, err = command("ipdc", f"{pages.url}/p1")
    assert status == 1 and f"pagina {pages.url}/p2 antwoordt met status 404" in err
    assert "1 nieuw" in out
    state = FeedState.objects.get(source="ipdc")
    assert state.queue == [f"{pages.url}/p2"]

    pages.pages["/p2"] = (200, page([local_government_concept(2)], []), 0)
    status, out, err = command("ipdc", f"{pages.url}/p1")
    assert status == 0 and "1 nieuw" in out and "Akte van Belgische nationaliteit 2" in out
    assert "nationaliteit 1 " not in out  # page 1 is not read again
    assert FundingLine.objects.filter(feed_source="ipdc").count() == 2


def test_a_page_that_times_out_stops_with_its_name(command, pages, monkeypatch):
    monkeypatch.setattr(fetching, "TIMEOUT_SECONDS", 0.3)
    pages.pages["/p1"] = (200, page([local_government_concept(1)], [f"{pages.url}/traag"]), 0)
    pages.pages["/traag"] = (200, page([local_government_concept(2)], []), 2)
    status, out, err = command("ipdc", f"{pages.url}/p1")
    assert status == 1 and f"pagina {pages.url}/traag antwoordt niet binnen 0.3 seconden" in err
    assert FundingLine.objects.filter(feed_source="ipdc").count() == 1


def test_a_feed_that_repeats_a_page_reads_it_once(run_import, pages):
    pages.pages["/p1"] = (200, page([local_government_concept(1)], [f"{pages.url}/p2"]), 0)
    pages.pages["/p2"] = (200, page([local_government_concept(2)], [f"{pages.url}/p1", f"{pages.url}/p2"]), 0)
    report = run_import("ipdc", f"{pages.url}/p1")
    assert report.counts["nieuw"] == 2 and not report.stopped
    assert any("komt nog eens voor" in line for line in report.lines)


def test_unknown_source_and_missing_url_exit_2_in_dutch(command, settings):
    settings.FEED_URLS = {"subsidiepunt": "", "ipdc": ""}
    assert command("ckan")[0] == 2
    status, out, err = command("ipdc")
    assert status == 2 and "zet IPDC_FEED_URL" in err
