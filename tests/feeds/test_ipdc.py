"""IPDC: the official samples and fixtures derived from them (tests/feeds/data/README.md)."""
from randwijzer.catalogue.models import FundingLine
from randwijzer.feeds.dutch import dutch
from randwijzer.feeds.rdf import parse, repair_language_tags
from tests.feeds.fixtures import CONCEPT_IRI, DATA, header, local_government_concept, page


def test_official_samples_are_skipped_with_the_reason(run_import):
    concept = run_import("ipdc", DATA / "concept-from-ldes-stream.ttl")
    instance = run_import("ipdc", DATA / "instance-published.ttl")
    assert concept.counts["overgeslagen"] == 1 and "doelgroep: Burger, Onderneming" in concept.lines[0]
    assert instance.counts["overgeslagen"] == 1 and "geen financieel voordeel (type: InfrastructuurMateriaal)" in instance.lines[0]
    assert not FundingLine.objects.filter(feed_source="ipdc").exists()


def test_financial_advantage_for_local_governments_is_imported(run_import, tmp_path):
    path = tmp_path / "lokaal.ttl"
    path.write_text(header("the IPDC concept sample with audience LokaalBestuur") + local_government_concept(), encoding="utf-8")
    report = run_import("ipdc", path)
    assert report.counts["nieuw"] == 1, report.lines
    line = FundingLine.objects.get(feed_iri=CONCEPT_IRI)
    assert line.title == "Akte van Belgische nationaliteit - nl"  # the Dutch variant, not formal or English
    assert [a.pk for a in line.applicant_types.all()] == ["lokaal-bestuur"]
    assert list(line.territory.municipalities.values_list("nis_code", flat=True)) == ["23064"]  # BE24123064
    assert line.level == "federaal"  # the sample names Federaal and Europees; the nearer one wins
    assert {c.kind for c in line.conditions.all()} == {"check"}
    assert {t.pk for t in line.themes.all()} == {"lokaal-bestuur-en-mandaat", "cultuur", "vrije-tijd"}
    assert line.contact_url.startswith("https://")


def test_ldes_pages_are_followed_and_a_second_run_writes_nothing(run_import, tmp_path):
    (tmp_path / "p2.ttl").write_text(page([local_government_concept(2)], [], "page 2 of an LDES"), encoding="utf-8")
    (tmp_path / "p1.ttl").write_text(page([local_government_concept(1)], ["p2.ttl"], "page 1 of an LDES"), encoding="utf-8")
    first = run_import("ipdc", tmp_path / "p1.ttl")
    assert first.counts["nieuw"] == 2
    second = run_import("ipdc", tmp_path / "p1.ttl")
    assert second.counts["nieuw"] == second.counts["gewijzigd"] == 0


def test_invalid_language_tags_are_repaired():
    text = header("a title with the invalid tag @nl/je the live feed sends") + \
        '<http://x/p> <http://purl.org/dc/terms/title> "Voor jou"@nl/je .\n<http://x/p> <http://purl.org/dc/terms/title> "Voor u"@nl/u .\n'
    graph = parse(text, "tags.ttl")
    assert dutch(graph.objects(None, None)) == "Voor u"
    assert repair_language_tags('{"@language": "nl/je"}') == '{"@language": "nl-je"}'


def test_a_json_ld_page_is_read_too(run_import, tmp_path):
    from rdflib import Graph

    graph = Graph().parse(data=local_government_concept(), format="turtle")
    path = tmp_path / "lokaal.jsonld"  # derived fixture: the concept for local governments, as JSON-LD
    path.write_text(graph.serialize(format="json-ld"), encoding="utf-8")
    report = run_import("ipdc", path)
    assert report.counts["nieuw"] == 1, report.lines
    assert FundingLine.objects.get(feed_iri=CONCEPT_IRI).title == "Akte van Belgische nationaliteit - nl"


def test_a_triple_stated_twice_counts_once(run_import, tmp_path):
    # RDF is a set of triples; a page that states the product twice (Turtle writers and LDES servers may)
    # must not give the line its conditions twice.
    once, twice = tmp_path / "once.ttl", tmp_path / "twice.ttl"
    once.write_text(page([local_government_concept(1)]), encoding="utf-8")
    run_import("ipdc", once)
    expected = list(FundingLine.objects.get(feed_source="ipdc").conditions.values_list("text", flat=True))
    FundingLine.objects.filter(feed_source="ipdc").delete()
    twice.write_text(page([local_government_concept(1), local_government_concept(1)]), encoding="utf-8")
    run_import("ipdc", twice)
    line = FundingLine.objects.get(feed_source="ipdc")
    assert expected and list(line.conditions.values_list("text", flat=True)) == expected
