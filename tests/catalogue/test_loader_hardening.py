"""Issue #16 on the loader: every bad catalogue is a Dutch message with file and field, exit status 2,
nothing changed, no other organisation's data in the output; an unchanged catalogue changes nothing."""
import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from randwijzer.accounts.models import Organisation
from randwijzer.catalogue.yaml.loader import CatalogueError, load_catalogue
from randwijzer.catalogue.models import FundingLine, Municipality, Partner
from randwijzer.dossiers.models import Dossier

from .test_loader import catalogue, edit, fl, snapshot  # noqa: F401  (catalogue is a fixture)

pytestmark = pytest.mark.django_db
TAAL = "subsidie-taalstimulering-nederlands"


def refused(catalogue, capsys) -> str:
    """Run `randwijzer load`: it must exit 2 and leave the database as it was; the whole output."""
    before = snapshot()
    with pytest.raises(CommandError) as error:
        call_command("load", str(catalogue))
    assert error.value.returncode == 2
    assert snapshot() == before
    captured = capsys.readouterr()
    output = captured.out + captured.err + str(error.value)
    assert "Traceback" not in output
    return output


def _add_municipality(**fields):
    def change(data):
        data["added"].append({"nis_code": "99001", "name_nl": "Nieuwdorp", "arrondissement": "Halle-Vilvoorde",
                              "province": "Vlaams-Brabant", "region": "Vlaams Gewest", **fields})
    return change


def test_an_added_municipality_with_an_existing_nis_code_is_refused(catalogue, capsys):
    wemmel = Municipality.objects.get(name_nl="Wemmel")
    edit(catalogue / "municipalities.yaml", _add_municipality(nis_code=wemmel.nis_code, name_nl="Nepgemeente"))
    output = refused(catalogue, capsys)
    assert "municipalities.yaml: added.1.nis_code" in output and wemmel.nis_code in output
    assert Municipality.objects.get(nis_code=wemmel.nis_code).name_nl == "Wemmel"


def test_an_impossible_date_names_file_and_field_in_dutch(catalogue, capsys):
    edit(fl(catalogue, "plan-samenleven"), lambda d: d["timing"]["call_rounds"][0].update(closes_on="2023-02-30"))
    text = fl(catalogue, "plan-samenleven").read_text(encoding="utf-8").replace("'2023-02-30'", "2023-02-30")
    fl(catalogue, "plan-samenleven").write_text(text, encoding="utf-8")  # a YAML date, not a string
    output = refused(catalogue, capsys)
    assert "funding/plan-samenleven.yaml: timing.call_rounds.0.closes_on" in output
    assert "geen geldige datum" in output


def test_a_municipality_name_clashing_with_another_is_refused(catalogue, capsys):
    edit(catalogue / "municipalities.yaml", _add_municipality(name_nl="Wemmel"))
    output = refused(catalogue, capsys)
    assert "municipalities.yaml: added.1.name_nl" in output and "Wemmel" in output
    assert "IntegrityError" not in output


def test_removing_a_line_that_dossiers_use_is_refused_without_their_titles(catalogue, capsys):
    from django.contrib.auth import get_user_model

    org = Organisation.objects.create(name="Gemeente Wemmel", slug="gemeente-wemmel")
    user = get_user_model().objects.create_user("an@wemmel.be", "an@wemmel.be", "x")
    Dossier.objects.create(organisation=org, funding_line=FundingLine.objects.get(pk=TAAL),
                           title="Geheim project van Wemmel", created_by=user)
    fl(catalogue).unlink()
    output = refused(catalogue, capsys)
    assert f"funding/{TAAL}.yaml" in output and "dossier" in output
    assert "Geheim project van Wemmel" not in output and "Gemeente Wemmel" not in output
    assert "ProtectedError" not in output and "Cannot delete" not in output


def test_catalogue_errors_exit_2_in_dutch(catalogue, capsys):
    edit(fl(catalogue), lambda d: d.pop("summary"))
    edit(fl(catalogue), lambda d: d["financial"].update(max_amount="vijftienduizend"))
    output = refused(catalogue, capsys)
    assert f"funding/{TAAL}.yaml: summary: verplicht veld ontbreekt" in output
    assert f"funding/{TAAL}.yaml: financial.max_amount: geef een geheel getal" in output
    assert "Field required" not in output and "Input should be" not in output


def test_a_title_longer_than_the_field_holds_is_refused(catalogue, capsys):
    edit(fl(catalogue), lambda d: d.update(title="x" * 300_000))
    output = refused(catalogue, capsys)
    assert f"funding/{TAAL}.yaml: title: hoogstens 200 tekens" in output
    assert len(output) < 5_000  # the title itself is not echoed


def test_reloading_an_unchanged_catalogue_changes_no_updated_at(catalogue):
    load_catalogue(catalogue)
    past = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    FundingLine.objects.update(updated_at=past)
    Partner.objects.update(updated_at=past)
    load_catalogue(catalogue)
    assert set(FundingLine.objects.values_list("updated_at", flat=True)) == {past}
    assert set(Partner.objects.values_list("updated_at", flat=True)) == {past}
    # A real edit still moves it, for that entry only.
    edit(fl(catalogue), lambda d: d["financial"].update(max_amount=12000))
    load_catalogue(catalogue)
    assert FundingLine.objects.get(pk=TAAL).updated_at > past
    assert FundingLine.objects.exclude(pk=TAAL).filter(updated_at__gt=past).count() == 0
