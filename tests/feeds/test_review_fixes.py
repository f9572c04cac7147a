"""Findings of the importer review (issue #13): each test fails on the code before its fix."""
import datetime as dt

import pytest

from randwijzer.catalogue.models import FundingLine
from tests.feeds.fixtures import SNAPSHOT_ID, header, local_government_concept, page
from tests.feeds.loopback import LoopbackFeed


class Host(LoopbackFeed):
    """A host that remembers the x-api-key it was sent per path: {path: (body, content type)}."""

    def answer(self, path):
        body, content_type = self.pages.get(path, ("", "text/turtle"))
        return (200 if path in self.pages else 404), body, content_type, 0


@pytest.fixture
def hosts():
    made = []

    def make(name="127.0.0.1"):
        made.append(Host(name))
        return made[-1]
    yield make
    for host in made:
        host.close()


def test_the_ipdc_key_goes_only_to_the_ipdc_host(run_import, hosts, settings):
    settings.IPDC_API_KEY = "geheim"
    ipdc, elsewhere = hosts("127.0.0.1"), hosts("localhost")  # two hosts for the browser, one machine
    ipdc.pages["/p1"] = (page([local_government_concept(1)], [f"{elsewhere.url}/p2"]), "text/turtle")
    elsewhere.pages["/p2"] = (page([local_government_concept(2)], []), "text/turtle")
    report = run_import("ipdc", f"{ipdc.url}/p1")
    assert report.counts["nieuw"] == 2
    assert ipdc.keys["/p1"] == "geheim"
    assert elsewhere.keys["/p2"] is None


def test_subsidiepunt_never_gets_the_ipdc_key(run_import, hosts, settings):
    settings.IPDC_API_KEY = "geheim"
    subsidiepunt = hosts()
    subsidiepunt.pages["/aanbod.ttl"] = ("", "text/turtle")
    run_import("subsidiepunt", f"{subsidiepunt.url}/aanbod.ttl")
    assert subsidiepunt.keys["/aanbod.ttl"] is None


def test_an_unknown_charset_stops_with_the_page_named_and_resumes_there(command, hosts):
    ipdc = hosts()
    ipdc.pages["/p1"] = (page([local_government_concept(1)], [f"{ipdc.url}/p2"]), "text/turtle")
    ipdc.pages["/p2"] = (page([local_government_concept(2)], []), "application/n-triples; charset=x-onbekend")
    status, out, err = command("ipdc", f"{ipdc.url}/p1")
    assert status == 1 and f"pagina {ipdc.url}/p2 noemt een onbekende tekenset (x-onbekend)" in err
    assert "Traceback" not in err and FundingLine.objects.filter(feed_source="ipdc").count() == 1

    ipdc.pages["/p2"] = (page([local_government_concept(2)], []), "text/turtle; charset=utf-8")
    status, out, err = command("ipdc", f"{ipdc.url}/p1")
    assert status == 0 and FundingLine.objects.filter(feed_source="ipdc").count() == 2


def _area_product(tmp_path, *codes):
    spatial = "".join(f"<https://ipdc.tni-vlaanderen.be/id/conceptsnapshot/{SNAPSHOT_ID}> "
                      f"<http://purl.org/dc/terms/spatial> <http://data.europa.eu/nuts/code/{c}> .\n" for c in codes)
    path = tmp_path / "gebied.ttl"
    path.write_text(header(f"the concept sample for local governments, area {', '.join(codes)}")
                    + local_government_concept(spatial=False) + spatial, encoding="utf-8")
    return path


def _territory_for(line):
    return set(line.territory.municipalities.values_list("nis_code", flat=True))


VILVOORDE, HASSELT, LEUVEN = "23088", "71022", "24062"


def test_a_limburg_product_is_not_offered_in_the_rand(run_import, tmp_path):
    run_import("ipdc", _area_product(tmp_path, "BE22"))
    line = FundingLine.objects.get(feed_source="ipdc")
    assert line.territory_id != "vlaanderen" and line.territory.phrase == "in de provincie Limburg"
    assert HASSELT in _territory_for(line) and VILVOORDE not in _territory_for(line)


def test_halle_vilvoorde_and_vlaams_brabant_include_vilvoorde(run_import, tmp_path):
    run_import("ipdc", _area_product(tmp_path, "BE241"))
    members = _territory_for(FundingLine.objects.get(feed_source="ipdc"))
    assert VILVOORDE in members and LEUVEN not in members
    FundingLine.objects.filter(feed_source="ipdc").delete()
    run_import("ipdc", _area_product(tmp_path, "BE24"))
    assert {VILVOORDE, LEUVEN} <= _territory_for(FundingLine.objects.get(feed_source="ipdc"))


def test_an_unknown_area_code_stays_to_verify_with_the_feeds_code(run_import, tmp_path):
    run_import("ipdc", _area_product(tmp_path, "BE22", "XX999"))
    line = FundingLine.objects.get(feed_source="ipdc")
    assert line.territory_id != "vlaanderen" and "XX999" in line.territory.phrase
    assert "XX999" in line.to_verify["territory"]
    assert VILVOORDE in _territory_for(line)  # nobody is excluded on a code we cannot read


SP = "http://data.vlaanderen.be/ns/subsidie#"
OFFER = "<http://lblod.data.info/id/subsidy-measure-offers/test-1>"


def _offer(tmp_path, extra=""):
    path = tmp_path / "aanbod.nt"
    path.write_text(
        f"{OFFER} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SP}SubsidiemaatregelAanbod> .\n"
        f'{OFFER} <http://purl.org/dc/terms/title> "Proefsubsidie" .\n' + extra, encoding="utf-8")
    return path


def test_a_province_criterion_is_not_a_local_government(run_import, tmp_path):
    criterion = "<http://data.lblod.info/id/criterions/test-provincie>"
    run_import("subsidiepunt", _offer(tmp_path, f"{OFFER} <http://data.europa.eu/m8g/hasCriterion> {criterion} .\n"
                                                f'{criterion} <http://purl.org/dc/terms/title> "Provincie" .\n'))
    line = FundingLine.objects.get(title="Proefsubsidie")
    assert not line.applicant_types.exists()
    assert "'Provincie'" in line.to_verify["applicant_types"]


def test_the_summary_does_not_name_abb_as_the_subsidy_giver(run_import, tmp_path):
    run_import("subsidiepunt", _offer(tmp_path))
    line = FundingLine.objects.get(title="Proefsubsidie")
    assert line.summary == "Proefsubsidie: aangeboden op Subsidiepunt."


def test_an_invalid_web_address_is_dropped_and_reported(run_import, tmp_path):
    related = "<http://www.w3.org/2004/02/skos/core#related>"
    report = run_import("subsidiepunt", _offer(tmp_path, f'{OFFER} {related} "http://voorbeeld.be/a b<script>" .\n'))
    line = FundingLine.objects.get(title="Proefsubsidie")
    assert line.contact_url == ""
    assert "let op: 'Proefsubsidie' — het webadres 'http://voorbeeld.be/a b<script>' is ongeldig en is weggelaten" in report.lines


def test_a_round_announced_for_later_is_not_open_and_says_when_in_dutch():
    from randwijzer.feeds.records import Round
    from randwijzer.feeds.subsidiepunt import status_from
    status, reason = status_from([Round("Oproep 2026", dt.date(2025, 10, 31), dt.date(2025, 12, 15))], dt.date(2025, 10, 1))
    assert status == "onzeker"
    assert "opent 'Oproep 2026' op 31 oktober 2025" in reason


def test_the_call_round_is_the_application_step_not_the_assessment(run_import, tmp_path):
    series, review, apply = ("<http://lblod.data.info/id/series/t1>", "<http://lblod.data.info/id/steps/beoordeling>",
                             "<http://lblod.data.info/id/steps/aanvraag>")
    lblod, mob, m8g, xsd = ("http://lblod.data.gift/vocabularies/subsidie/", "https://data.vlaanderen.be/ns/mobiliteit#",
                            "http://data.europa.eu/m8g/", "http://www.w3.org/2001/XMLSchema#dateTime")

    def step(node, words, start, end):
        period = f"<{node[1:-1]}/periode>"
        return (f"{series} <{lblod}heeftSubsidieprocedurestap> {node} .\n"
                f'{node} <http://purl.org/dc/terms/description> "{words}" .\n{node} <{mob}periode> {period} .\n'
                f'{period} <{m8g}startTime> "{start}"^^<{xsd}> .\n{period} <{m8g}endTime> "{end}"^^<{xsd}> .\n')
    extra = (f"{OFFER} <{lblod}heeftReeks> {series} .\n{series} <http://purl.org/dc/terms/title> \"Oproep 2026\" .\n"
             + step(review, "Beoordeling", "2025-08-31T22:00:00Z", "2025-09-10T10:00:00Z")
             + step(apply, "Aanvraag", "2025-09-14T22:00:00Z", "2025-10-31T11:00:00Z"))
    run_import("subsidiepunt", _offer(tmp_path, extra))
    round_ = FundingLine.objects.get(title="Proefsubsidie").callrounds.get()
    assert (round_.opens_on, round_.closes_on) == (dt.date(2025, 9, 15), dt.date(2025, 10, 31))


def test_a_criterion_keeps_its_groups_name_when_a_later_group_is_empty(run_import, tmp_path):
    criterion, m8g = "<http://data.lblod.info/id/criterions/test-groepen>", "http://data.europa.eu/m8g/"
    extra = (f"{OFFER} <{m8g}hasCriterion> {criterion} .\n"
             f"{criterion} <{m8g}fulfils> <http://data.lblod.info/id/groups/a> .\n"
             f'<http://data.lblod.info/id/groups/a> <http://purl.org/dc/terms/description> "Gemeente" .\n'
             f"{criterion} <{m8g}fulfils> <http://data.lblod.info/id/groups/b> .\n"
             f'<http://data.lblod.info/id/groups/b> <http://purl.org/dc/terms/description> "" .\n')
    run_import("subsidiepunt", _offer(tmp_path, extra))
    line = FundingLine.objects.get(title="Proefsubsidie")
    assert [a.pk for a in line.applicant_types.all()] == ["lokaal-bestuur"]


def test_a_sparql_body_may_only_insert_data(command, tmp_path):
    elsewhere = _offer(tmp_path)  # a valid offer in a file the SPARQL body tries to LOAD
    path = tmp_path / "laden.sparql"
    path.write_text(f"LOAD <{elsewhere.as_uri()}> ;\nINSERT DATA {{ <http://x/a> <http://x/b> <http://x/c> }}\n", encoding="utf-8")
    status, out, err = command("subsidiepunt", path)
    assert status == 2 and "laden.sparql: alleen INSERT DATA wordt ingelezen, maar het bestand bevat LOAD" in err
    assert not FundingLine.objects.filter(title="Proefsubsidie").exists()


def test_the_ipdc_stand_in_administrator_is_no_published_partner(run_import, tmp_path, client):
    from django.urls import reverse

    from tests.feeds.conftest import TODAY
    run_import("ipdc", _area_product(tmp_path, "BE241"))
    line = FundingLine.objects.get(feed_source="ipdc")
    stand_in = line.administrator
    assert stand_in.is_placeholder and stand_in.verified_on == TODAY  # the import's date, not the server's
    assert client.get(reverse("catalogue:partner", args=[stand_in.pk])).status_code == 404
    assert stand_in.name not in client.get("/open-data/partners.ttl").content.decode()
    page = client.get(reverse("catalogue:funding", args=[line.pk])).content.decode()
    assert stand_in.name in page and reverse("catalogue:partner", args=[stand_in.pk]) not in page


def test_the_stand_in_is_in_no_api_reference_and_not_in_the_printed_edition(run_import, tmp_path, client):
    from randwijzer.catalogue.edition import build_edition

    run_import("ipdc", _area_product(tmp_path, "BE241"))
    line = FundingLine.objects.get(feed_source="ipdc")
    listed = client.get("/api/v1/funding", {"source": "ipdc"}).json()
    item = next(i for i in listed if i["id"] == line.pk)
    assert item["administrator"] is None  # the partner API has no entry for the stand-in
    detail = client.get(f"/api/v1/funding/{line.pk}").json()
    assert detail["administrator"] == {"id": None, "name": "Bevoegd bestuur volgens IPDC"}
    partners = [section.partner.pk for chapter in build_edition().chapters if chapter.kind == "partners"
                for section in chapter.sections]
    assert partners and line.administrator_id not in partners


def test_the_review_list_shows_names_and_dutch_dates(db):
    from django.core.management import call_command

    from randwijzer.catalogue.models import ApplicantType
    from randwijzer.feeds.review import shown
    if not ApplicantType.objects.filter(pk="lokaal-bestuur").exists():
        call_command("load", verbosity=0)
    label = ApplicantType.objects.get(pk="lokaal-bestuur").label
    assert shown(["lokaal-bestuur"], "applicant_types") == label and label != "lokaal-bestuur"
    assert shown([{"label": "Oproep 2026", "opens_on": "2025-09-15", "closes_on": "2025-10-31"}], "call_rounds") == (
        "Oproep 2026: 15 september 2025 tot 31 oktober 2025")
