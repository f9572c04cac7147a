"""The loader: every malformed input is refused with a clear message and changes nothing."""
import shutil
from pathlib import Path

import pytest
import yaml
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from randwijzer.catalogue.yaml import loader
from randwijzer.catalogue.yaml.loader import CatalogueError, load_catalogue
from randwijzer.catalogue.models import FundingLine

pytestmark = pytest.mark.django_db

# The catalogue version is bookkeeping (the cache key every load replaces), like updated_at.
CATALOGUE_MODELS = [m for m in apps.get_app_config("catalogue").get_models() if m._meta.model_name != "catalogueversion"]


def snapshot(volatile=()):
    """Every row of every catalogue table, for 'exactly as before' comparisons."""
    state = {}
    for model in CATALOGUE_MODELS:
        rows = list(model.objects.order_by("pk").values())
        state[model.__name__] = [{k: v for k, v in row.items() if k not in volatile} for row in rows]
        for field in model._meta.many_to_many:
            through = getattr(model, field.name).through
            state[f"{model.__name__}.{field.name}"] = sorted(
                tuple(sorted((k, str(v)) for k, v in r.items() if k != "id")) for r in through.objects.values()
            )
    return state


@pytest.fixture
def catalogue(tmp_path) -> Path:
    """A writable copy of the real data folder (the municipality CSV is referenced relatively)."""
    data = settings.CATALOGUE_DIR.parent
    shutil.copytree(data, tmp_path / "data")
    return tmp_path / "data" / "catalogue"


def edit(path: Path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def fl(catalogue, name="subsidie-taalstimulering-nederlands"):
    return catalogue / "funding" / f"{name}.yaml"


def test_reload_of_the_same_catalogue_is_idempotent(catalogue):
    before = snapshot(volatile={"updated_at"})
    load_catalogue(catalogue)
    load_catalogue(catalogue)
    assert snapshot(volatile={"updated_at"}) == before


def _drop_summary(d):
    del d["summary"]


def _duplicate_file(catalogue):
    source = fl(catalogue)
    shutil.copy(source, catalogue / "funding" / "kopie.yaml")


MALFORMED = [
    ("missing field", lambda c: edit(fl(c), _drop_summary), "funding/subsidie-taalstimulering-nederlands.yaml", "summary"),
    ("wrong type", lambda c: edit(fl(c), lambda d: d["financial"].update(max_amount="vijftienduizend")), "funding/subsidie-taalstimulering-nederlands.yaml", "financial.max_amount"),
    ("unknown theme", lambda c: edit(fl(c), lambda d: d["themes"].append("ruimtevaart")), "funding/subsidie-taalstimulering-nederlands.yaml", "onbekende thema 'ruimtevaart'"),
    ("unknown partner", lambda c: edit(fl(c), lambda d: d.update(administrator="geen-partner")), "funding/subsidie-taalstimulering-nederlands.yaml", "administrator"),
    ("unknown applicant type", lambda c: edit(fl(c), lambda d: d["applicant_types"].append("bedrijf")), "funding/subsidie-taalstimulering-nederlands.yaml", "applicant_types"),
    ("duplicate id", _duplicate_file, "funding/kopie.yaml", "id"),
    ("bad date", lambda c: edit(fl(c), lambda d: d.update(verified_on="31-02-2026")), "funding/subsidie-taalstimulering-nederlands.yaml", "verified_on"),
    ("impossible yearly deadline", lambda c: edit(fl(c, "impulssubsidie-vlaamse-rand"), lambda d: d["timing"].update(yearly_deadlines=["02-30"])), "funding/impulssubsidie-vlaamse-rand.yaml", "timing.yearly_deadlines"),
    ("negative amount", lambda c: edit(fl(c), lambda d: d["financial"].update(max_amount=-1500)), "funding/subsidie-taalstimulering-nederlands.yaml", "financial.max_amount"),
    ("share above 100%", lambda c: edit(fl(c), lambda d: d["financial"].update(cost_share_pct=180)), "funding/subsidie-taalstimulering-nederlands.yaml", "financial.cost_share_pct"),
    ("bad YAML", lambda c: fl(c).write_text("id: [unclosed\n  title: x", encoding="utf-8"), "funding/subsidie-taalstimulering-nederlands.yaml", "geen geldige YAML"),
    ("unknown field", lambda c: edit(fl(c), lambda d: d.update(deadline="morgen")), "funding/subsidie-taalstimulering-nederlands.yaml", "deadline"),
    ("unknown source key", lambda c: edit(fl(c), lambda d: d["conditions"][0].update(source="krant")), "funding/subsidie-taalstimulering-nederlands.yaml", "onbekende bron 'krant'"),
    ("unknown municipality in example", lambda c: edit(fl(c), lambda d: d["examples"][0].update(municipality="Atlantis")), "funding/subsidie-taalstimulering-nederlands.yaml", "Atlantis"),
    ("unknown territory", lambda c: edit(c / "partners" / "ring.yaml", lambda d: d.update(territory="wallonie")), "partners/ring.yaml", "territory"),
    ("id differs from file name", lambda c: edit(c / "partners" / "ring.yaml", lambda d: d.update(id="ring-tv")), "partners/ring.yaml", "bestandsnaam"),
    ("window ends badly", lambda c: edit(fl(c, "subsidie-feest-vlaamse-gemeenschap"), lambda d: d["timing"]["activity_window"].update(end="7/20")), "funding/subsidie-feest-vlaamse-gemeenschap.yaml", "activity_window.end"),
    ("call closes before it opens", lambda c: edit(fl(c, "plan-samenleven"), lambda d: d["timing"]["call_rounds"][0].update(opens_on="2023-08-01")), "funding/plan-samenleven.yaml", "call_rounds"),
    ("unknown NIS code in territory", lambda c: edit(c / "territories.yaml", lambda d: next(t for t in d["territories"] if "nis_codes" in t["rule"])["rule"]["nis_codes"].append("99999")), "territories.yaml", "99999"),
    ("file is a list", lambda c: fl(c).write_text("- a\n- b\n", encoding="utf-8"), "funding/subsidie-taalstimulering-nederlands.yaml", "mapping"),
]


@pytest.mark.parametrize("case, breaks, file, expected", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_catalogue_is_refused_and_database_unchanged(catalogue, case, breaks, file, expected):
    before = snapshot()
    breaks(catalogue)
    with pytest.raises(CatalogueError) as error:
        load_catalogue(catalogue)
    messages = [str(p) for p in error.value.problems]
    assert any(p.file == file for p in error.value.problems), messages
    assert any(expected in m for m in messages), messages
    assert snapshot() == before


def test_failure_while_writing_rolls_back_everything(catalogue, monkeypatch):
    edit(fl(catalogue), lambda d: d["financial"].update(max_amount=12000))
    before = snapshot()
    calls = []

    def explode(entry, names):
        calls.append(entry.id)
        if len(calls) == 3:
            raise RuntimeError("schijf vol")
        return original(entry, names)

    original = loader._write_funding_line
    monkeypatch.setattr(loader, "_write_funding_line", explode)
    with pytest.raises(RuntimeError):
        load_catalogue(catalogue)
    assert snapshot() == before
    assert FundingLine.objects.get(pk="subsidie-taalstimulering-nederlands").max_amount == 15000


def test_edit_in_yaml_reaches_the_database(catalogue):
    edit(fl(catalogue), lambda d: d["financial"].update(max_amount=12000))
    load_catalogue(catalogue)
    assert FundingLine.objects.get(pk="subsidie-taalstimulering-nederlands").max_amount == 12000


def test_removed_file_removes_the_entry(catalogue):
    fl(catalogue, "subsidie-feest-vlaamse-gemeenschap").unlink()
    report = load_catalogue(catalogue)
    assert report.removed == ["subsidie-feest-vlaamse-gemeenschap"]
    assert not FundingLine.objects.filter(pk="subsidie-feest-vlaamse-gemeenschap").exists()


def test_load_command_names_file_and_field_and_fails(catalogue, capsys):
    edit(fl(catalogue), lambda d: d["financial"].update(max_amount=-5))
    with pytest.raises(CommandError, match="niet gewijzigd"):
        call_command("load", str(catalogue))
    err = capsys.readouterr().err
    assert "funding/subsidie-taalstimulering-nederlands.yaml: financial.max_amount" in err


def test_all_problems_are_reported_at_once(catalogue):
    edit(fl(catalogue), lambda d: d["themes"].append("ruimtevaart"))
    edit(catalogue / "partners" / "ring.yaml", lambda d: d.update(kind="tv"))
    with pytest.raises(CatalogueError) as error:
        load_catalogue(catalogue)
    assert {p.file for p in error.value.problems} == {"funding/subsidie-taalstimulering-nederlands.yaml", "partners/ring.yaml"}
