"""`randwijzer export`: the database written back to the catalogue's YAML files.

The test database holds the real catalogue (loaded from data/catalogue in conftest.py),
so exporting it must give data/catalogue back byte for byte, and an edit must show up in
`git diff` as exactly the lines it changed.
"""
import datetime as dt
import difflib
import shutil
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import override_settings

from randwijzer.catalogue import models as m
from randwijzer.catalogue.yaml.export import export_catalogue
from randwijzer.catalogue.yaml.loader import load_catalogue, read_catalogue
from randwijzer.changes.models import Change
from tests.catalogue.tabledump import table_dump

pytestmark = pytest.mark.django_db

CATALOGUE = Path(settings.CATALOGUE_DIR)
IMPULS = "impulssubsidie-vlaamse-rand"


def yaml_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.y*ml"))


@pytest.fixture
def workspace(tmp_path) -> Path:
    """A copy of data/catalogue with the reference CSV beside it, so what is exported there loads."""
    shutil.copytree(CATALOGUE, tmp_path / "catalogue")
    shutil.copytree(CATALOGUE.parent / "reference", tmp_path / "reference")
    return tmp_path / "catalogue"


def changed_lines(before: Path, after: Path) -> list[str]:
    """The '-' and '+' lines of a unified diff of two catalogue folders (as `git diff` shows them)."""
    lines = []
    for rel in sorted(set(yaml_files(before)) | set(yaml_files(after))):
        old = (before / rel).read_text(encoding="utf-8").splitlines() if (before / rel).exists() else []
        new = (after / rel).read_text(encoding="utf-8").splitlines() if (after / rel).exists() else []
        for line in difflib.unified_diff(old, new, lineterm="", n=0):
            if line[:1] in "+-" and not line.startswith(("+++", "---")):
                lines.append(line)
    return lines


def run_export(*args) -> str:
    out = StringIO()
    call_command("export", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


# ---------------------------------------------------------------- byte for byte


def test_exporting_the_loaded_catalogue_gives_every_file_back_byte_for_byte(tmp_path):
    report = export_catalogue(tmp_path)

    expected = [rel for rel in yaml_files(CATALOGUE) if rel != "municipalities.yaml"]
    assert yaml_files(tmp_path) == expected
    assert len(expected) == 7 + 13 + 2
    for rel in expected:
        assert (tmp_path / rel).read_bytes() == (CATALOGUE / rel).read_bytes(), rel
    assert sorted(report.created) == expected and not report.changed and not report.removed


def test_exporting_over_the_data_files_changes_nothing(workspace):
    report = export_catalogue(workspace)

    assert report.touched == [] and report.unchanged == 22
    assert changed_lines(CATALOGUE, workspace) == []


def test_one_changed_yearly_deadline_is_one_changed_line(workspace):
    deadline = m.YearlyDeadline.objects.get(funding_line_id=IMPULS, month=5, day=1)
    deadline.day = 15
    deadline.save()

    report = export_catalogue(workspace)

    assert report.changed == [f"funding/{IMPULS}.yaml"] and not report.created and not report.removed
    assert changed_lines(CATALOGUE, workspace) == [
        '-  yearly_deadlines: ["02-01", "05-01", "10-01"]',
        '+  yearly_deadlines: ["02-01", "05-15", "10-01"]',
    ]


def test_a_new_verification_date_changes_only_that_source(workspace):
    source = m.Source.objects.get(funding_line_id=IMPULS, key="vlaanderen")
    source.verified_on = dt.date(2027, 3, 1)
    source.save()

    export_catalogue(workspace)

    diff = changed_lines(CATALOGUE, workspace)
    assert diff == ["-    verified_on: 2026-11-26", "+    verified_on: 2027-03-01"]


# ---------------------------------------------------------------- deleted and new entries


def test_a_deleted_line_loses_its_file_and_a_new_partner_gets_one(workspace):
    m.FundingLine.objects.filter(id="subsidie-feest-vlaamse-gemeenschap").delete()
    partner = m.Partner.objects.create(
        id="taalpunt-test", name="Taalpunt: oefenen & praten", kind="vzw", summary="Oefenkansen Nederlands.",
        description="Eerste alinea.\n\nTweede alinea, met: een dubbelpunt.", territory_id="vlaamse-rand",
        verified_on=dt.date(2027, 1, 15), to_verify={"website": "Nog geen website."},
    )
    partner.themes.set(["sociale-cohesie", "taalpromotie-nederlands"])
    m.Source.objects.create(partner=partner, key="gids", title="Beleidswijzer", published="2024", verified_on=dt.date(2027, 1, 15))
    service = m.Service.objects.create(partner=partner, position=0, title="Praatgroepen")
    service.audiences.set(["vzw", "lokaal-bestuur"])
    stale = workspace / "partners" / "old-partner.yml"
    stale.write_text("id: old-partner\n", encoding="utf-8")

    report = export_catalogue(workspace)

    assert report.removed == ["funding/subsidie-feest-vlaamse-gemeenschap.yaml", "partners/old-partner.yml"]
    assert report.created == ["partners/taalpunt-test.yaml"]
    assert not (workspace / "funding" / "subsidie-feest-vlaamse-gemeenschap.yaml").exists() and not stale.exists()
    assert (workspace / "partners" / "taalpunt-test.yaml").read_text(encoding="utf-8") == (
        "id: taalpunt-test\n"
        'name: "Taalpunt: oefenen & praten"\n'
        "kind: vzw\n"
        "summary: Oefenkansen Nederlands.\n"
        "description: |\n"
        "  Eerste alinea.\n"
        "\n"
        "  Tweede alinea, met: een dubbelpunt.\n"
        "territory: vlaamse-rand\n"
        "themes: [taalpromotie-nederlands, sociale-cohesie]\n"
        "services:\n"
        "  - title: Praatgroepen\n"
        "    audiences: [lokaal-bestuur, vzw]\n"
        "verified_on: 2027-01-15\n"
        "sources:\n"
        "  - key: gids\n"
        "    title: Beleidswijzer\n"
        '    published: "2024"\n'
        "    verified_on: 2027-01-15\n"
        "to_verify:\n"
        "  website: Nog geen website.\n"
    )
    catalogue = read_catalogue(workspace)  # the result passes the loader's checks
    assert "taalpunt-test" in catalogue.partners and "subsidie-feest-vlaamse-gemeenschap" not in catalogue.funding
    assert catalogue.partners["taalpunt-test"].name == "Taalpunt: oefenen & praten"


# ---------------------------------------------------------------- reloading gives the same database


def edit_like_an_editor():
    """Edits with text that YAML treats specially, as an editor might type them in the admin."""
    line = m.FundingLine.objects.get(id=IMPULS)
    line.description = "Regel één: met dubbelpunt.\n  ingesprongen regel # geen commentaar\n\n'Citaat' en \"aanhalingstekens\"."
    line.budget_period = "2025"
    line.status_reason = "yes"
    line.to_verify = {**line.to_verify, "max_amount": "- begint met een streepje"}
    line.save()
    line.themes.add("wonen")
    m.Condition.objects.create(funding_line=line, position=line.conditions.count(), text="@ begint met een apenstaartje, {en} [haken]", kind="check", source_key="gids")
    m.CallRound.objects.create(funding_line=line, position=0, label="Oproep 2027: najaar", closes_on=dt.date(2027, 10, 1), source_key="vlaanderen")
    figure = m.Figure.objects.create(funding_line=line, position=0, slug="test-reeks", title="Reeks, met komma", unit="EUR")
    m.FigurePoint.objects.create(figure=figure, position=0, label="2026", value=0, at_least=True)
    m.FigurePoint.objects.create(figure=figure, position=1, label="Totaal: alles", value=12)


def test_loading_the_exported_files_gives_the_same_database(workspace):
    edit_like_an_editor()
    before = table_dump()
    changes_before = Change.objects.count()

    export_catalogue(workspace)
    load_catalogue(workspace)

    assert table_dump() == before
    assert Change.objects.count() == changes_before  # the reload changed nothing a reader sees


def test_the_exported_edit_reads_back_as_typed(workspace):
    edit_like_an_editor()
    export_catalogue(workspace)

    data = yaml.safe_load((workspace / "funding" / f"{IMPULS}.yaml").read_text(encoding="utf-8"))
    assert data["description"].rstrip("\n") == m.FundingLine.objects.get(id=IMPULS).description
    assert data["financial"]["budget_period"] == "2025" and data["status_reason"] == "yes"
    assert data["timing"]["call_rounds"][0] == {"label": "Oproep 2027: najaar", "closes_on": dt.date(2027, 10, 1), "source": "vlaanderen"}


# ---------------------------------------------------------------- the command


def test_command_writes_to_the_given_path_and_reports_the_files(tmp_path):
    target = tmp_path / "uitvoer"

    first = run_export(str(target))
    second = run_export(str(target))

    assert "nieuw: funding/plan-samenleven.yaml" in first and "nieuw: vocabularies.yaml" in first
    assert "22 bestand(en) gewijzigd" in first
    assert second.startswith("Niets gewijzigd: alle 22 bestanden zijn gelijk aan de databank")
    assert "municipalities.yaml" in second  # it says what it leaves alone


def test_command_writes_to_the_catalogue_dir_by_default(workspace):
    m.Theme.objects.filter(id="werk").update(label="Werk en ondernemen")

    with override_settings(CATALOGUE_DIR=workspace):
        text = run_export()

    assert text.splitlines()[0] == "gewijzigd: vocabularies.yaml"
    assert changed_lines(CATALOGUE, workspace) == ["-    label: Werk", "+    label: Werk en ondernemen"]


def test_command_refuses_a_file_as_path(tmp_path):
    target = tmp_path / "bestand.txt"
    target.write_text("x", encoding="utf-8")

    with pytest.raises(CommandError) as info:
        run_export(str(target))

    assert info.value.returncode == 2 and "geen map" in str(info.value)
