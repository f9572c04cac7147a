"""The catalogue version: replaced by every kind of catalogue write, once per transaction, and only then."""
import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from randwijzer.catalogue import version
from randwijzer.catalogue.models import FundingLine, Municipality, Theme, YearlyDeadline
from randwijzer.catalogue.signals import catalogue_changed

pytestmark = pytest.mark.django_db

IMPULS = "impulssubsidie-vlaamse-rand"


def changes(write) -> bool:
    before = version.current()
    write()
    return version.current().token != before.token


def test_saves_deletes_and_many_to_many_changes_replace_the_version():
    line = FundingLine.objects.get(id=IMPULS)
    assert changes(lambda: line.save())
    assert changes(lambda: line.themes.remove(line.themes.first()))
    assert changes(lambda: YearlyDeadline.objects.filter(funding_line=line).first().delete())
    assert changes(lambda: Municipality.objects.first().save())
    assert changes(lambda: Theme.objects.create(id="nieuw", label="Nieuw", position=99))


def test_the_edit_signal_replaces_it_and_reading_does_not():
    assert changes(lambda: catalogue_changed.send(sender=None))
    assert not changes(lambda: list(FundingLine.objects.all()))


def test_one_transaction_replaces_it_once_and_a_rolled_back_one_not_at_all():
    before = version.current()
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        lines = list(FundingLine.objects.all()[:3])
        for line in lines:
            line.save()
    assert version.current() != before
    assert len([q for q in queries if "catalogueversion" in q["sql"].lower()]) == 1

    during = version.current()
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            lines[0].save()
            raise RuntimeError
    assert version.current() == during
    assert changes(lambda: lines[0].save())  # the rolled-back bump did not count as done


def test_a_write_after_a_read_in_the_same_transaction_replaces_it_again():
    with transaction.atomic():
        line = FundingLine.objects.get(id=IMPULS)
        line.save()
        seen = version.current()
        line.save()
        assert version.current() != seen
