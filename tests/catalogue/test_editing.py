"""The one bracket for a catalogue edit: history, change log and `catalogue_changed`, all or nothing."""
import pytest
from django.conf import settings

from randwijzer.catalogue.editing import catalogue_edit
from randwijzer.catalogue.models import FundingLine, Theme
from randwijzer.catalogue.signals import catalogue_changed
from randwijzer.catalogue.yaml.loader import load_catalogue
from randwijzer.changes.models import Change

pytestmark = pytest.mark.django_db

IMPULS = "impulssubsidie-vlaamse-rand"


@pytest.fixture
def sent():
    edits = []

    def receiver(sender, edit, **kwargs):
        edits.append(edit)

    catalogue_changed.connect(receiver)
    yield edits
    catalogue_changed.disconnect(receiver)


def rename(title: str, **kwargs):
    line = FundingLine.objects.get(id=IMPULS)
    with catalogue_edit(None, "Test", entries=[line], **kwargs) as edit:
        line.title = title
        line.save()
    return edit


def test_an_edit_is_in_the_history_and_the_change_log_and_signalled_once_after_the_commit(
        sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        edit = rename("Impulssubsidie (nieuw)", source="beheer: test")
        assert sent == []  # not before the commit
    assert sent == [edit] and edit.changed
    assert FundingLine.history.filter(id=IMPULS).latest("history_date").history_change_reason == "Test"
    change = Change.objects.get(funding_line_id=IMPULS, field="title")
    assert change.origin == "beheer: test" and "Impulssubsidie (nieuw)" in change.description


def test_an_edit_that_fails_leaves_nothing_and_sends_nothing(sent, django_capture_on_commit_callbacks):
    line = FundingLine.objects.get(id=IMPULS)
    records = line.history.count()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        with catalogue_edit(None, "Test", entries=[line]):
            line.title = "Kapot"
            line.save()
            raise RuntimeError("halfweg")
    assert FundingLine.objects.get(id=IMPULS).title != "Kapot"
    assert line.history.count() == records and not Change.objects.filter(field="title").exists()
    assert sent == []


def test_an_edit_inside_an_edit_is_one_edit(sent, django_capture_on_commit_callbacks):
    line = FundingLine.objects.get(id=IMPULS)
    with django_capture_on_commit_callbacks(execute=True):
        with catalogue_edit(None, "Buiten", entries=[line]) as outer:
            with catalogue_edit(None, "Binnen") as inner:
                line.max_amount = 12345
                line.save()
    assert inner is outer and sent == [outer]
    assert Change.objects.filter(funding_line_id=IMPULS, field="max_amount").count() == 1
    assert line.history.latest("history_date").history_change_reason == "Buiten"


def test_a_load_is_one_edit(sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        load_catalogue(settings.CATALOGUE_DIR)
    assert len(sent) == 1 and sent[0].source == "catalogus" and not sent[0].changed  # the same catalogue again


def test_each_history_record_keeps_its_own_lines_many_to_many_values():
    # The history reads a line's many-to-many rows with SQL compiled once per model (catalogue/history.py):
    # the second line's record must hold the second line's themes and applicant types, not the first's.
    first, second = FundingLine.objects.order_by("id")[:2]
    themes = list(Theme.objects.order_by("id")[:2])
    for line, theme in ((first, themes[0]), (second, themes[1])):
        with catalogue_edit(None, "Test", entries=[line]):
            line.themes.set([theme])
    for line, theme in ((first, themes[0]), (second, themes[1])):
        record = line.history.order_by("-history_date", "-history_id").first()
        assert [t.theme_id for t in record.themes.all()] == [theme.id]
        assert (sorted(a.applicanttype_id for a in record.applicant_types.all())
                == sorted(line.applicant_types.values_list("id", flat=True)))
