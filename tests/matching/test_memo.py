"""The Projectwijzer permalink: one query on one catalogue version and day is matched once."""
import datetime as dt

import pytest

from randwijzer.catalogue import version
from randwijzer.catalogue.models import FundingLine
from randwijzer.matching import memo

pytestmark = pytest.mark.django_db

PERMALINK = "/match/?text=taaltafel+voor+anderstalige+ouders&municipality=Dilbeek&applicant_type=vzw"


@pytest.fixture
def matches(monkeypatch):
    calls = []
    real = memo.match_project

    def counted(**arguments):
        calls.append(arguments)
        return real(**arguments)

    monkeypatch.setattr(memo, "match_project", counted)
    return calls


def test_the_same_permalink_is_matched_once_also_for_logged_in_visitors(client, django_user_model, matches):
    first = client.get(PERMALINK).content.decode()
    user = django_user_model.objects.create_user("lid", "lid@example.be", "een-lang-wachtwoord")
    client.force_login(user)  # a logged-in visitor's page is rendered, the answer still comes from the memo
    again = client.get(PERMALINK).content.decode()
    assert len(matches) == 1
    assert first.split("<main")[1] == again.split("<main")[1]


def test_another_query_or_a_catalogue_write_is_matched_anew(client, matches):
    client.get(PERMALINK)
    client.get(PERMALINK + "&cost=5000")
    assert len(matches) == 2
    FundingLine.objects.first().save()
    client.get(PERMALINK)
    assert len(matches) == 3


def test_the_key_holds_the_version_the_day_and_every_argument():
    state = version.current()
    day = dt.date(2026, 12, 1)
    key = memo.answer_key(state, day, {"text": "a", "cost": None})
    assert key != memo.answer_key(state, day + dt.timedelta(days=1), {"text": "a", "cost": None})
    assert key != memo.answer_key(state, day, {"text": "a", "cost": 1})
    assert key != memo.answer_key(version.Version("other", state.changed_at), day, {"text": "a", "cost": None})
