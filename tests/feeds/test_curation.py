"""Editors keep the last word: their facts survive a re-import; a feed change to one goes to the review list."""
import pytest
from django.contrib.auth import get_user_model

from randwijzer.catalogue.models import FundingLine
from randwijzer.changes.models import Change
from randwijzer.feeds.models import ReviewItem
from tests.feeds.fixtures import PROJECT

FEED = PROJECT / "data" / "feeds" / "subsidiedatabank-aanbod.nt"
HOPPIN_IRI = "http://lblod.data.info/id/subsidy-measure-offers/b6e5ccd5-ddaf-4b74-b023-a712886f3814"


def feed_with(tmp_path, old: str, new: str):
    """Derived fixture: the databank snapshot with one value of the Hoppinpunten offer changed."""
    text = FEED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "gewijzigd.nt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.fixture
def hoppin(run_import):
    run_import("subsidiepunt", FEED)
    return FundingLine.objects.get(feed_iri=HOPPIN_IRI)


def curate(line):
    """What an editor does in the admin: a better summary, a share and a cap the feed does not know."""
    line.summary = "Vlaamse subsidie voor de aanleg of herinrichting van een hoppinpunt."
    line.cost_share_pct, line.max_amount = 80, 200000
    line.save()
    line.callrounds.create(label="Oproep 2027", closes_on="2027-03-31", position=5)


def test_curation_survives_a_re_import(run_import, hoppin):
    curate(hoppin)
    report = run_import("subsidiepunt", FEED)
    assert report.counts["gewijzigd"] == 0 and report.counts["nieuw"] == 0
    line = FundingLine.objects.get(pk=hoppin.pk)
    assert line.summary.startswith("Vlaamse subsidie voor de aanleg")
    assert (line.cost_share_pct, line.max_amount) == (80, 200000)
    assert list(line.callrounds.values_list("label", flat=True)) == ["Oproep 2027"]
    assert not ReviewItem.objects.exists()


def test_a_feed_change_to_a_curated_fact_goes_to_the_review_list(run_import, hoppin, tmp_path, client):
    curate(hoppin)
    hoppin.title = "Hoppinpunten (subsidie)"
    hoppin.save()
    changed = feed_with(tmp_path, '"Subsidie voor Hoppinpunten" .', '"Subsidie voor hoppinpunten en mobipunten" .')
    report = run_import("subsidiepunt", changed)
    assert report.counts["gewijzigd"] == 1
    line = FundingLine.objects.get(pk=hoppin.pk)
    assert line.title == "Hoppinpunten (subsidie)"  # the editor's value stays
    item = ReviewItem.objects.get(funding_line=line, field="title")
    assert (item.editor_value, item.feed_value) == ("Hoppinpunten (subsidie)", "Subsidie voor hoppinpunten en mobipunten")

    assert client.get("/redactie/feeds/").status_code in (302, 403)
    editor = get_user_model().objects.create_superuser("redacteur@example.be", "redacteur@example.be", "een-lang-wachtwoord")
    client.force_login(editor)
    page = client.get("/redactie/feeds/").content.decode()
    assert "Hoppinpunten (subsidie)" in page and "Subsidie voor hoppinpunten en mobipunten" in page
    # The summary (curated too) quotes the feed's title, so it is on the list as well; once, however often it runs.
    assert set(ReviewItem.objects.values_list("field", flat=True)) == {"title", "summary"}
    again = run_import("subsidiepunt", changed)
    assert again.counts["gewijzigd"] == 0 and ReviewItem.objects.count() == 2


def test_a_feed_change_to_a_fact_nobody_curated_is_applied_and_logged_field_by_field(run_import, hoppin, tmp_path):
    changed = feed_with(tmp_path, "<https://www.vlaanderen.be/subsidies-voor-de-aanleg-of-herinrichting-van-een-hoppinpunt>",
                        "<https://www.vlaanderen.be/hoppinpunten>")
    report = run_import("subsidiepunt", changed)
    assert report.counts["gewijzigd"] == 1
    line = FundingLine.objects.get(pk=hoppin.pk)
    assert line.contact_url == "https://www.vlaanderen.be/hoppinpunten"
    logged = Change.objects.filter(funding_line_id=line.pk, origin="feed: Subsidiepunt").exclude(field="line")
    assert logged.exists() and all(c.description for c in logged)


def test_dry_run_reports_without_writing(run_import, hoppin, tmp_path):
    changed = feed_with(tmp_path, '"Subsidie voor Hoppinpunten" .', '"Subsidie voor Hoppinpunten 2027" .')
    report = run_import("subsidiepunt", changed, dry_run=True)
    assert report.counts["gewijzigd"] == 1
    assert FundingLine.objects.get(pk=hoppin.pk).title == "Subsidie voor Hoppinpunten"
