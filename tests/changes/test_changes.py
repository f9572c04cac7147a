"""The change log: Dutch sentences per changed fact, recorded by a YAML load and by the admin."""
import shutil

import pytest
import yaml
from django.conf import settings
from django.contrib.admin.sites import site
from django.contrib.auth.models import User
from django.test import RequestFactory

from randwijzer.catalogue.yaml.loader import CatalogueError, load_catalogue
from randwijzer.catalogue.models import FundingLine
from randwijzer.changes.facts import diff, snapshot
from randwijzer.changes.models import Change

pytestmark = pytest.mark.django_db

IMPULS = "impulssubsidie-vlaamse-rand"
TAAL = "subsidie-taalstimulering-nederlands"


@pytest.fixture
def catalogue(tmp_path):
    shutil.copytree(settings.CATALOGUE_DIR.parent, tmp_path / "data")
    return tmp_path / "data" / "catalogue"


def edit(catalogue, line_id, change):
    path = catalogue / "funding" / f"{line_id}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def line_snapshot(line_id):
    return snapshot(FundingLine.objects.with_details().get(id=line_id))


def sentences(before, **changes):
    return [c.description for c in diff(before, {**before, **changes})]


def test_each_fact_is_described_in_dutch():
    before = line_snapshot(TAAL)  # 80% of the costs, at most € 15.000, doorlopend
    assert sentences(before, max_amount=12000) == ["Het maximumbedrag wijzigde van € 15.000 naar € 12.000"]
    assert sentences(before, status="onzeker") == ["De status wijzigde van doorlopend naar onzeker"]
    assert sentences(before, conditions=[*before["conditions"], "De aanvraag gebeurt digitaal."]) == [
        "Nieuwe voorwaarde: De aanvraag gebeurt digitaal."]
    assert sentences(before, cost_share_pct=None) == ["Het aandeel van de kosten (80%) wordt niet langer vermeld"]
    assert diff(before, before) == []


def test_a_moved_deadline_and_a_new_line():
    before = line_snapshot(IMPULS)
    assert sentences(before, yearly_deadlines=["02-01", "05-15", "10-01"]) == [
        "De uiterste indiendatum wijzigde van 1 mei naar 15 mei"]
    assert [c.description for c in diff(None, before)] == ["Nieuwe steunmaatregel: Impulssubsidie Vlaamse Rand"]
    assert sentences(before, required_municipality_flags=["wies"]) == [
        "Nieuwe voorwaarde: De gemeente moet een WIES-gemeente (Wonen in Eigen Streek) zijn."]
    assert sentences(before, lead_time_months=3) == ["De minimale aanlooptijd wijzigde van 2 maanden naar 3 maanden"]


def test_reloading_an_edited_catalogue_records_each_change_once(catalogue):
    start = Change.objects.count()
    edit(catalogue, IMPULS, lambda d: d["timing"].update(yearly_deadlines=["02-01", "05-15", "10-01"]))
    edit(catalogue, IMPULS, lambda d: d.update(status="onzeker"))
    load_catalogue(catalogue)
    recorded = list(Change.objects.order_by("id")[start:])
    assert {c.description for c in recorded} == {
        "De uiterste indiendatum wijzigde van 1 mei naar 15 mei",
        "De status wijzigde van open naar onzeker",
    }
    change = next(c for c in recorded if c.field == "yearly_deadlines")
    assert (change.funding_line_id, change.old_value, change.new_value, change.origin) == (
        IMPULS, ["02-01", "05-01", "10-01"], ["02-01", "05-15", "10-01"], "catalogus")
    # The same catalogue again: nothing new to record.
    load_catalogue(catalogue)
    assert Change.objects.count() == start + 2


def test_a_failed_load_records_nothing(catalogue):
    start = Change.objects.count()
    edit(catalogue, IMPULS, lambda d: d.update(status="onzeker"))
    edit(catalogue, TAAL, lambda d: d["themes"].append("ruimtevaart"))
    with pytest.raises(CatalogueError):
        load_catalogue(catalogue)
    assert Change.objects.count() == start


def test_a_removed_line_is_recorded(catalogue):
    (catalogue / "funding" / f"{TAAL}.yaml").unlink()
    load_catalogue(catalogue)
    assert Change.objects.filter(funding_line_id=TAAL, description__startswith="Steunmaatregel niet langer in de catalogus").exists()


def test_an_edit_in_the_admin_is_recorded():
    admin = site._registry[FundingLine]
    user = User.objects.create_superuser("redactie", "redactie@voorbeeld.be", "x")
    request = RequestFactory().post("/admin/")
    request.user = user
    line = FundingLine.objects.get(id=TAAL)
    form_class = admin.get_form(request, line)
    data = {bf.name: bf.value() for bf in form_class(instance=line) if bf.value() is not None}
    data["max_amount"] = 999
    form = form_class(data, instance=line)
    assert form.is_valid(), form.errors
    obj = admin.save_form(request, form, change=True)
    admin.save_model(request, obj, form, change=True)
    admin.save_related(request, form, [], change=True)
    change = Change.objects.get(funding_line_id=TAAL, field="max_amount")
    assert change.description.endswith("naar € 999") and change.origin == "beheer: redactie"


def test_the_changes_page_lists_them(client, catalogue):
    edit(catalogue, IMPULS, lambda d: d["timing"].update(yearly_deadlines=["02-01", "05-15", "10-01"]))
    load_catalogue(catalogue)
    page = client.get("/wijzigingen/").content.decode()
    assert "De uiterste indiendatum wijzigde van 1 mei naar 15 mei" in page
    assert "Impulssubsidie Vlaamse Rand" in page
