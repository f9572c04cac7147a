"""Load the catalogue from its YAML files: validate everything first, then write in one transaction.

A bad file never reaches the database: `read_catalogue` collects every problem (file,
field, message) and raises `CatalogueError`; only a clean catalogue is written, and a
failure while writing rolls the whole load back.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db.models import ProtectedError
from django.utils.text import slugify
from pydantic import BaseModel, ValidationError

from randwijzer.text.normalize import name_key

from .. import models as m
from .. import version
from .schema_errors import dutch
from ..editing import ORIGIN_LOAD, catalogue_edit
from ..history import REASON_LOAD
from .schema import (
    Financial,
    FundingFile,
    MunicipalitiesFile,
    PartnerFile,
    TerritoriesFile,
    Timing,
    VocabulariesFile,
    parse_month_day,
)

# Municipality flags that follow from membership of a territory.
FLAG_TERRITORIES = {"in_vlaamse_rand": "vlaamse-rand", "facility_municipality": "faciliteitengemeenten"}


@dataclass
class Problem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


class CatalogueError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class Catalogue:
    root: Path
    vocabularies: VocabulariesFile
    territories: TerritoriesFile
    municipalities: MunicipalitiesFile
    municipality_rows: list[dict]
    partners: dict[str, PartnerFile] = field(default_factory=dict)
    funding: dict[str, FundingFile] = field(default_factory=dict)


@dataclass
class LoadReport:
    municipalities: int
    territories: int
    partners: int
    funding_lines: int
    removed: list[str]

    def __str__(self) -> str:
        text = (
            f"{self.funding_lines} steunmaatregelen, {self.partners} partners, "
            f"{self.municipalities} gemeenten en {self.territories} werkingsgebieden geladen"
        )
        if self.removed:
            text += f"; verwijderd: {', '.join(self.removed)}"
        return text


# ---------------------------------------------------------------- reading and validating


class _Loader(yaml.SafeLoader):
    """A date that does not exist (2023-02-30) stays text, so the schema names its file and field."""

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def _read_yaml(path: Path, root: Path, problems: list[Problem]):
    rel = str(path.relative_to(root))
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_Loader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"regel {mark.line + 1}" if mark else ""
        problems.append(Problem(rel, where, f"geen geldige YAML ({getattr(exc, 'problem', exc)})"))
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(rel, "", f"kan het bestand niet lezen ({exc})"))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(rel, "", "het bestand moet een mapping (sleutel: waarde) bevatten"))
        return None
    return data


def _validate(schema: type[BaseModel], data, rel: str, problems: list[Problem]):
    if data is None:
        return None
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = ".".join(str(part) for part in error["loc"])
            problems.append(Problem(rel, loc, dutch(error)))
        return None


def _parse_file(path: Path, root: Path, schema: type[BaseModel], problems: list[Problem]):
    return _validate(schema, _read_yaml(path, root, problems), str(path.relative_to(root)), problems)


def _read_municipality_rows(path: Path, rel: str, problems: list[Problem]) -> list[dict]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        problems.append(Problem(rel, "csv", f"kan {path} niet lezen ({exc})"))
        return []
    needed = {"NIS_code", "municipality_NL", "municipality_FR", "arrondissement_NL", "province_NL", "region_NL"}
    if rows and not needed <= set(rows[0]):
        problems.append(Problem(rel, "csv", f"kolommen ontbreken: {', '.join(sorted(needed - set(rows[0])))}"))
        return []
    return rows


def read_catalogue(root: Path | str) -> Catalogue:
    """Parse and check every file under `root`; raise CatalogueError listing all problems."""
    root = Path(root)
    problems: list[Problem] = []
    if not root.is_dir():
        raise CatalogueError([Problem(str(root), "", "map bestaat niet")])

    vocabularies = _parse_file(root / "vocabularies.yaml", root, VocabulariesFile, problems)
    territories = _parse_file(root / "territories.yaml", root, TerritoriesFile, problems)
    municipalities = _parse_file(root / "municipalities.yaml", root, MunicipalitiesFile, problems)
    rows = []
    if municipalities:
        rows = _read_municipality_rows((root / municipalities.csv).resolve(), "municipalities.yaml", problems)

    partners = _parse_entries(root, "partners", PartnerFile, problems)
    funding = _parse_entries(root, "funding", FundingFile, problems)

    if vocabularies and territories and municipalities:
        catalogue = Catalogue(root, vocabularies, territories, municipalities, rows, partners, funding)
        _check_references(catalogue, problems)
    if problems:
        raise CatalogueError(problems)
    return catalogue


def _parse_entries(root: Path, folder: str, schema: type[BaseModel], problems: list[Problem]) -> dict:
    entries: dict = {}
    directory = root / folder
    if not directory.is_dir():
        problems.append(Problem(folder, "", "map ontbreekt"))
        return entries
    for path in sorted(directory.glob("*.y*ml")):
        entry = _parse_file(path, root, schema, problems)
        if entry is None:
            continue
        rel = str(path.relative_to(root))
        if entry.id in entries:
            problems.append(Problem(rel, "id", f"id '{entry.id}' komt meer dan eens voor"))
        elif path.stem != entry.id:
            problems.append(Problem(rel, "id", f"id '{entry.id}' moet gelijk zijn aan de bestandsnaam '{path.stem}'"))
        else:
            entries[entry.id] = entry
    return entries


def _check_municipalities(cat: Catalogue, problems: list[Problem]) -> None:
    """An added municipality needs its own NIS code and a name (hence web address) of its own."""
    codes = {r["NIS_code"]: r["municipality_NL"] for r in cat.municipality_rows}
    slugs = {slugify(r["municipality_NL"]): (r["municipality_NL"], r["NIS_code"]) for r in cat.municipality_rows}
    for i, added in enumerate(cat.municipalities.added):
        if added.nis_code in codes:
            problems.append(Problem("municipalities.yaml", f"added.{i}.nis_code",
                                    f"NIS-code {added.nis_code} is al van {codes[added.nis_code]}; "
                                    "een toegevoegde gemeente krijgt een eigen code"))
            continue
        slug = slugify(added.name_nl)
        if slug in slugs:
            name, code = slugs[slug]
            problems.append(Problem("municipalities.yaml", f"added.{i}.name_nl",
                                    f"de naam '{added.name_nl}' botst met die van {name} (NIS-code {code}); "
                                    "kies een naam die verschilt"))
            continue
        codes[added.nis_code] = added.name_nl
        slugs[slug] = (added.name_nl, added.nis_code)


def _check_references(cat: Catalogue, problems: list[Problem]) -> None:
    _check_municipalities(cat, problems)
    themes = {t.id for t in cat.vocabularies.themes}
    applicant_types = {a.id for a in cat.vocabularies.applicant_types}
    territories = {t.id for t in cat.territories.territories}
    nis_codes = {r["NIS_code"] for r in cat.municipality_rows} | {a.nis_code for a in cat.municipalities.added}
    names = _municipality_names(cat)

    def unknown(rel, loc, values, known, what):
        for value in values:
            if value not in known:
                problems.append(Problem(rel, loc, f"onbekende {what} '{value}'"))

    for required in FLAG_TERRITORIES.values():
        if required not in territories:
            problems.append(Problem("territories.yaml", "territories", f"werkingsgebied '{required}' ontbreekt"))
    for i, territory in enumerate(cat.territories.territories):
        unknown("territories.yaml", f"territories.{i}.rule.nis_codes", territory.rule.nis_codes, nis_codes, "NIS-code")
    wies = cat.municipalities.wies
    for loc, codes in (("wies.designated", wies.designated), ("wies.not_designated", wies.not_designated), ("wies.to_verify", list(wies.to_verify))):
        unknown("municipalities.yaml", loc, codes, nis_codes, "NIS-code")
    for i, merger in enumerate(cat.municipalities.mergers):
        unknown("municipalities.yaml", f"mergers.{i}", [merger.into, *merger.nis_codes], nis_codes, "NIS-code")

    for entry in [*cat.partners.values(), *cat.funding.values()]:
        folder = "partners" if isinstance(entry, PartnerFile) else "funding"
        rel = f"{folder}/{entry.id}.yaml"
        unknown(rel, "territory", [entry.territory], territories, "werkingsgebied")
        unknown(rel, "themes", entry.themes, themes, "thema")
        _check_sources(entry, rel, problems)
        if isinstance(entry, PartnerFile):
            unknown(rel, "kind", [entry.kind], set(m.PartnerKind.values), "soort partner")
            for i, service in enumerate(entry.services):
                unknown(rel, f"services.{i}.themes", service.themes, themes, "thema")
                unknown(rel, f"services.{i}.audiences", service.audiences, applicant_types, "type aanvrager")
        else:
            unknown(rel, "administrator", [entry.administrator], cat.partners, "partner")
            unknown(rel, "related_partners", entry.related_partners, cat.partners, "partner")
            if entry.how_to_apply.contact_partner:
                unknown(rel, "how_to_apply.contact_partner", [entry.how_to_apply.contact_partner], cat.partners, "partner")
            unknown(rel, "level", [entry.level], set(m.Level.values), "niveau")
            unknown(rel, "applicant_types", entry.applicant_types, applicant_types, "type aanvrager")
            unknown(rel, "applicant_types_to_verify", entry.applicant_types_to_verify, applicant_types, "type aanvrager")
            for i, example in enumerate(entry.examples):
                if example.municipality and name_key(example.municipality) not in names:
                    problems.append(Problem(rel, f"examples.{i}.municipality", f"onbekende gemeente '{example.municipality}'"))


def _structured_fields(entry) -> set[str]:
    fields = set(type(entry).model_fields) - {"id", "sources", "field_sources", "to_verify", "editor_todos"}
    if isinstance(entry, FundingFile):
        fields |= set(Financial.model_fields) | set(Timing.model_fields)
    return fields


def _check_sources(entry, rel: str, problems: list[Problem]) -> None:
    keys = {s.key for s in entry.sources}
    fields = _structured_fields(entry)
    for name, key in entry.field_sources.items():
        if name not in fields:
            problems.append(Problem(rel, f"field_sources.{name}", "onbekend veld"))
        if key not in keys:
            problems.append(Problem(rel, f"field_sources.{name}", f"onbekende bron '{key}'"))
    for mapping in ("to_verify", "editor_todos"):
        for name in getattr(entry, mapping):
            if name not in fields:
                problems.append(Problem(rel, f"{mapping}.{name}", "onbekend veld"))
    if isinstance(entry, FundingFile):
        sourced = [("how_to_apply", [entry.how_to_apply]), ("conditions", entry.conditions), ("limits", entry.limits), ("examples", entry.examples),
                   ("figures", entry.figures), ("timing.call_rounds", entry.timing.call_rounds)]
        for loc, items in sourced:
            for i, item in enumerate(items):
                if item.source is not None and item.source not in keys:
                    where = f"{loc}.source" if loc == "how_to_apply" else f"{loc}.{i}.source"
                    problems.append(Problem(rel, where, f"onbekende bron '{item.source}'"))


def _municipality_names(cat: Catalogue) -> dict[str, str]:
    names = {}
    for row in cat.municipality_rows:
        for name in (row["municipality_NL"], row["municipality_FR"]):
            names.setdefault(name_key(name), row["NIS_code"])
    for added in cat.municipalities.added:
        names.setdefault(name_key(added.name_nl), added.nis_code)
    return names


# ---------------------------------------------------------------- writing


def _delete(queryset, file: str, field: str = "") -> None:
    """Delete, or refuse in Dutch when other data (an organisation's dossiers, the WIES ledger) needs the rows.

    Only counts are named: the rows belong to organisations, whose titles others may not read."""
    try:
        queryset.delete()
    except ProtectedError as exc:
        counts: dict[str, int] = {}
        for obj in exc.protected_objects:
            label = str(obj._meta.verbose_name_plural)
            counts[label] = counts.get(label, 0) + 1
        users = ", ".join(f"{n} {label}" for label, n in sorted(counts.items()))
        raise CatalogueError([Problem(file, field, f"kan niet uit de catalogus: {users} verwijzen ernaar. Zet het "
                                                   "terug (een afgesloten steunmaatregel krijgt status 'afgesloten')")])


def load_catalogue(root: Path | str) -> LoadReport:
    """Validate the catalogue at `root`, then replace the database's catalogue with it atomically."""
    catalogue = read_catalogue(root)
    # One edit: one history moment, every line in the change log (catalogue/editing.py).
    with catalogue_edit(None, REASON_LOAD, source=ORIGIN_LOAD, everything=True):
        # bulk_create, bulk_update and .update() below send no signals: replace the version here.
        version.bump()
        return write_catalogue(catalogue)


def write_catalogue(cat: Catalogue) -> LoadReport:
    # Run inside a catalogue_edit: a failed load records nothing.
    _write_vocabulary(m.Theme, cat.vocabularies.themes)
    _write_vocabulary(m.ApplicantType, cat.vocabularies.applicant_types)
    municipalities = _write_municipalities(cat)
    _write_territories(cat, municipalities)
    _write_municipality_flags(cat)
    removed = _remove_missing(m.FundingLine, cat.funding, "funding") + _remove_missing(m.Partner, cat.partners, "partners")
    for partner in cat.partners.values():
        _write_partner(partner)
    names = _municipality_names(cat)
    for line in cat.funding.values():
        _write_funding_line(line, names)
    return LoadReport(len(municipalities), len(cat.territories.territories), len(cat.partners), len(cat.funding), removed)


def _write_vocabulary(model, items) -> None:
    for position, item in enumerate(items):
        model.objects.update_or_create(
            id=item.id, defaults={"label": item.label, "description": item.description, "position": position}
        )
    model.objects.exclude(id__in=[i.id for i in items]).delete()


def _write_municipalities(cat: Catalogue) -> dict[str, m.Municipality]:
    info = cat.municipalities
    wanted: dict[str, dict] = {}
    for row in cat.municipality_rows:
        wanted[row["NIS_code"]] = {
            "name_nl": row["municipality_NL"],
            "name_fr": row["municipality_FR"],
            "arrondissement": row["arrondissement_NL"],
            "province": row["province_NL"] if row["province_NL"] not in ("", "0") else "",
            "region": row["region_NL"],
            "inhabitants": int(row["inhabitants"]) if row.get("inhabitants", "").isdigit() else None,
            "postcode": row.get("zip", ""),
            "nis_code_to_verify": False,
        }
    for added in info.added:
        wanted[added.nis_code] = {
            "name_nl": added.name_nl, "name_fr": added.name_fr, "arrondissement": added.arrondissement,
            "province": added.province, "region": added.region, "inhabitants": None, "postcode": "",
            "nis_code_to_verify": added.nis_code_to_verify,
        }
    merged = {code: (merger.into, merger.merged_on) for merger in info.mergers for code in merger.nis_codes}
    for code, values in wanted.items():
        values["slug"] = slugify(values["name_nl"])
        values["source_url"] = info.source_url
        values["verified_on"] = info.verified_on
        values["merged_on"] = merged.get(code, (None, None))[1]
        values["wies_status"], values["wies_note"] = _wies(info.wies, code)
        values["wies_editor_todo"] = info.wies.editor_todo if values["wies_status"] == m.WiesStatus.TO_VERIFY and code not in info.wies.to_verify else ""

    existing = m.Municipality.objects.in_bulk()
    fields = [f for f in next(iter(wanted.values()))]
    changed, created = [], []
    for code, values in wanted.items():
        current = existing.get(code)
        if current is None:
            created.append(m.Municipality(nis_code=code, **values))
        elif any(getattr(current, f) != v for f, v in values.items()):
            for f, v in values.items():
                setattr(current, f, v)
            changed.append(current)
    _delete(m.Municipality.objects.exclude(nis_code__in=list(wanted)), "municipalities.yaml", "added")
    m.Municipality.objects.bulk_create(created)
    if changed:
        m.Municipality.objects.bulk_update(changed, fields, batch_size=200)

    # Merged-into links last: the target may be new in this load.
    for code in wanted:
        into = merged.get(code, (None, None))[0]
        m.Municipality.objects.filter(nis_code=code).exclude(merged_into_id=into).update(merged_into_id=into)
    return m.Municipality.objects.in_bulk()


def _wies(wies, code: str) -> tuple[str, str]:
    if code in wies.designated:
        return m.WiesStatus.YES, "Aangeduid als WIES-gemeente door het decreet Wonen in Eigen Streek (2023)."
    if code in wies.not_designated:
        return m.WiesStatus.NO, "Niet aangeduid als WIES-gemeente door het decreet Wonen in Eigen Streek (2023)."
    return m.WiesStatus.TO_VERIFY, wies.to_verify.get(code, wies.default_note)


def _territory_members(rule, municipalities: dict[str, m.Municipality]) -> list[str]:
    if rule.nis_codes:
        return list(rule.nis_codes)
    attribute, value = next((a, v) for a, v in (("arrondissement", rule.arrondissement), ("province", rule.province), ("region", rule.region)) if v)
    return [code for code, muni in municipalities.items() if getattr(muni, attribute) == value]


def _write_territories(cat: Catalogue, municipalities: dict[str, m.Municipality]) -> None:
    for item in cat.territories.territories:
        territory, _ = m.Territory.objects.update_or_create(
            id=item.id, defaults={"name": item.name, "phrase": item.phrase, "description": item.description}
        )
        members = [c for c in _territory_members(item.rule, municipalities) if municipalities[c].merged_into_id is None]
        territory.municipalities.set(members)
    # "feed-…" territories belong to lines a feed brought in (randwijzer.feeds).
    m.Territory.objects.exclude(id__in=[t.id for t in cat.territories.territories]).exclude(id__startswith="feed-").delete()


def _write_municipality_flags(cat: Catalogue) -> None:
    for flag, territory_id in FLAG_TERRITORIES.items():
        members = m.Territory.objects.get(id=territory_id).municipalities.values_list("nis_code", flat=True)
        m.Municipality.objects.filter(nis_code__in=list(members)).exclude(**{flag: True}).update(**{flag: True})
        m.Municipality.objects.exclude(nis_code__in=list(members)).exclude(**{flag: False}).update(**{flag: False})


def _remove_missing(model, entries: dict, folder: str) -> list[str]:
    # Entries that a feed brought in (randwijzer.feeds) are not in the YAML and stay.
    missing = list(model.objects.exclude(id__in=list(entries)).filter(feed_source="redactie").values_list("id", flat=True))
    problems = []
    for pk in missing:
        try:
            _delete(model.objects.filter(id=pk), f"{folder}/{pk}.yaml")
        except CatalogueError as error:
            problems += error.problems
    if problems:
        raise CatalogueError(problems)
    return missing


def _upsert(model, pk: str, values: dict):
    """update_or_create that saves only a row that changed, so an unchanged entry keeps its updated_at
    (and gets no history record)."""
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        return model.objects.create(pk=pk, **values)
    if any(getattr(obj, k) != v for k, v in values.items()):
        for k, v in values.items():
            setattr(obj, k, v)
        obj.save()
    return obj


def _entry_defaults(entry) -> dict:
    return {
        "description": entry.description,
        "territory_id": entry.territory,
        "verified_on": entry.verified_on,
        "field_sources": entry.field_sources,
        "to_verify": entry.to_verify,
        "editor_todos": entry.editor_todos,
    }


def _sync(model, owner: dict, rows: list[dict]) -> list:
    """Make `model`'s rows of `owner` equal `rows`, matched by position; unchanged rows are not touched."""
    existing = {obj.position: obj for obj in model.objects.filter(**owner)}
    kept = []
    for position, values in enumerate(rows):
        obj = existing.pop(position, None)
        if obj is None:
            obj = model.objects.create(**owner, position=position, **values)
        elif any(getattr(obj, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(obj, k, v)
            obj.save()
        kept.append(obj)
    model.objects.filter(pk__in=[obj.pk for obj in existing.values()]).delete()
    return kept


def _write_sources(owner_field: str, owner, sources) -> None:
    _sync(m.Source, {owner_field: owner}, [
        {"key": s.key, "title": s.title, "url": s.url, "published": s.published, "verified_on": s.verified_on}
        for s in sources
    ])


def _write_partner(entry: PartnerFile) -> None:
    partner = _upsert(m.Partner, entry.id, {**_entry_defaults(entry), "name": entry.name, "kind": entry.kind,
                                            "summary": entry.summary, "website": entry.website, "email": entry.email,
                                            "phone": entry.phone, "address": entry.address})
    partner.themes.set(entry.themes)
    _write_sources("partner", partner, entry.sources)
    services = _sync(m.Service, {"partner": partner}, [{"title": s.title, "description": s.description} for s in entry.services])
    for service, item in zip(services, entry.services):
        service.themes.set(item.themes)
        service.audiences.set(item.audiences)


def _write_funding_line(entry: FundingFile, names: dict[str, str]) -> None:
    timing, money = entry.timing, entry.financial
    window = timing.activity_window
    start = parse_month_day(window.start) if window else (None, None)
    end = parse_month_day(window.end) if window else (None, None)
    line = _upsert(m.FundingLine, entry.id, {
        **_entry_defaults(entry),
        "title": entry.title, "summary": entry.summary, "administrator_id": entry.administrator,
        "level": entry.level, "status": entry.status, "status_reason": entry.status_reason,
        "status_as_of": entry.status_as_of,
        "territory_basis": entry.territory_basis,
        "required_municipality_flags": entry.required_municipality_flags,
        "cost_share_pct": money.cost_share_pct, "max_amount": money.max_amount,
        "share_base": money.share_base, "co_financing": money.co_financing,
        "total_budget": money.total_budget, "budget_period": money.budget_period,
        "max_duration_months": entry.max_duration_months,
        "submission_mode": timing.submission, "lead_time_months": timing.lead_time_months,
        "lead_time_reference": timing.lead_time_reference,
        "window_start_month": start[0], "window_start_day": start[1],
        "window_end_month": end[0], "window_end_day": end[1],
        "contact_name": entry.contact.name, "contact_email": entry.contact.email, "contact_url": entry.contact.url,
        "contact_phone": entry.contact.phone, "contact_address": entry.contact.address,
        # The channel is always stored, "unknown" too: that the sources do not say is a fact.
        "how_to_apply": {"channel": entry.how_to_apply.channel, **entry.how_to_apply.model_dump(exclude_defaults=True)},
    })
    line.themes.set(entry.themes)
    line.applicant_types.set(entry.applicant_types)
    line.applicant_types_to_verify.set(entry.applicant_types_to_verify)
    line.related_partners.set(entry.related_partners)
    _write_sources("funding_line", line, entry.sources)
    _write_funding_children(line, entry, names)


def _write_funding_children(line: m.FundingLine, entry: FundingFile, names: dict[str, str]) -> None:
    owner = {"funding_line": line}
    deadline_source = entry.field_sources.get("yearly_deadlines", "")
    _sync(m.YearlyDeadline, owner, [
        {"month": month, "day": day, "source_key": deadline_source}
        for month, day in (parse_month_day(d) for d in entry.timing.yearly_deadlines)
    ])
    _sync(m.CallRound, owner, [
        {"label": r.label, "opens_on": r.opens_on, "closes_on": r.closes_on, "source_key": r.source or ""}
        for r in entry.timing.call_rounds
    ])
    _sync(m.Condition, owner, [
        {"text": c.text, "kind": c.kind, "as_of": c.as_of, "source_key": c.source or ""} for c in entry.conditions
    ])
    _sync(m.ApplicationLimit, owner, [
        {"max_count": x.max_count, "scope": x.scope, "text": x.text, "source_key": x.source or ""} for x in entry.limits
    ])
    _sync(m.FundedExample, owner, [
        {
            "title": e.title, "description": e.description, "beneficiary": e.beneficiary,
            "municipality_id": names.get(name_key(e.municipality)) if e.municipality else None,
            "amount": e.amount, "year": e.year, "source_key": e.source or "",
        }
        for e in entry.examples
    ])
    figures = _sync(m.Figure, owner, [
        {"slug": f.slug, "title": f.title, "unit": f.unit, "note": f.note, "source_key": f.source or ""} for f in entry.figures
    ])
    for figure, item in zip(figures, entry.figures):
        _sync(m.FigurePoint, {"figure": figure}, [
            {"label": p.label, "value": p.value, "at_least": p.at_least, "computed": p.computed} for p in item.points
        ])
