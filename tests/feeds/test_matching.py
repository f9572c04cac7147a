"""The Projectwijzer on the grown catalogue: imported lines land in 'check' with their prose shown."""
import pytest

from randwijzer.feeds import snapshots
from randwijzer.matching.service import match_project
from tests.feeds.conftest import TODAY
from tests.feeds.fixtures import PROJECT


@pytest.fixture
def grown(db):
    snapshots.import_all(PROJECT / "data" / "feeds")


def test_a_hoppinpunt_at_the_station_in_vilvoorde_finds_the_hoppinpunten_line_in_the_top_3(grown):
    result = match_project("een hoppinpunt aan het station", "Vilvoorde", "lokaal-bestuur", reference=TODAY)
    top = [f.title for f in result.funding[:3]]
    assert "Subsidie voor Hoppinpunten" in top, top
    hoppin = next(f for f in result.funding if f.title == "Subsidie voor Hoppinpunten")
    assert hoppin.group == "check"
    assert any("Subsidiepunt geeft voor deze subsidie geen indienperiode" in r.explanation for r in hoppin.reasons)


def test_a_closed_imported_call_is_not_offered_as_open(grown):
    result = match_project("een pride-evenement met een regenboogparade", "Vilvoorde", "lokaal-bestuur", reference=TODAY)
    pride = next(f for f in result.funding if f.title == "Pride-evenementen 2026")
    assert pride.group not in ("fits", "check") and pride.eligibility == "ineligible"


def test_the_feeds_evaluation_set_meets_the_regression_targets(grown):
    from django.conf import settings

    from randwijzer.matching.evaluation import run

    score, _ = run(settings.PROJECT_DIR / "eval", ("feeds",))["feeds"]
    assert score.false_eligible == []
    assert score.recall >= 0.95, score.misses
