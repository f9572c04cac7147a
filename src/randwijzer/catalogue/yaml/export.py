"""Write the catalogue in the database back to the YAML files the loader reads.

The files are written by a canonical emitter (yaml_emitter.py): a fixed key order (the
order of the keys below), the schema's defaults left out, sets (themes, applicant types,
partners) in a fixed order. The same database therefore always gives the same bytes, and
one change in the admin gives a one-line `git diff`. The data files were rewritten once
into this form; `load` then `export` gives them back byte for byte (tests/catalogue).

Exported: funding/<id>.yaml, partners/<id>.yaml, vocabularies.yaml, territories.yaml.
Not exported: municipalities.yaml. It points at the reference CSV and says where the WIES
designation comes from; the database keeps neither, so the file stays as reviewed by hand.

Files are written atomically (a temporary file, then a rename) and only when their bytes
change. Entry files whose entry is no longer in the database are removed.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from .. import models as m
from .schema import month_day_code
from .yaml_emitter import Commented, Flow, FlowMap, dump

# Comment headers of the shared files; a header already in the target file is kept instead.
HEADERS = {
    "vocabularies.yaml": (
        "# Vocabularies used by the catalogue. Ids are stable: other tools and the API rely on them.\n"
        "# Theme labels follow the Flemish IPDC/OSLO thema's where they name the same thing\n"
        '# (e.g. "Wonen", "Onderwijs", "Cultuur", "Welzijn", "Mobiliteit"); the Rand-specific\n'
        "# ones (taalpromotie Nederlands, sociale cohesie) come from the guide.\n"
    ),
    "territories.yaml": (
        "# Territories by name. Municipalities that merged away (merged_into set) are left out of\n"
        "# every territory: they no longer exist; the loader resolves them to what they became.\n"
    ),
}
NOT_EXPORTED = ["municipalities.yaml"]
ENTRY_FOLDERS = ("funding", "partners")


@dataclass
class ExportReport:
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def touched(self) -> list[str]:
        return sorted(self.created + self.changed + self.removed)

    def lines(self) -> list[str]:
        out = [f"nieuw: {p}" for p in self.created] + [f"gewijzigd: {p}" for p in self.changed]
        out += [f"verwijderd: {p}" for p in self.removed]
        summary = f"{len(self.touched)} bestand(en) gewijzigd, {self.unchanged} ongewijzigd"
        if not self.touched:
            summary = f"Niets gewijzigd: alle {self.unchanged} bestanden zijn gelijk aan de databank"
        return out + [summary + f"; niet geëxporteerd: {', '.join(NOT_EXPORTED)} (met de hand beheerd)."]


# ---------------------------------------------------------------- documents from the database


def _put(doc: dict, key: str, value, default=None) -> None:
    """Set `key` unless the value is the schema's default (empty, None or `default`)."""
    if value is None or value == default or (isinstance(value, (str, list, dict)) and not value and default is None):
        return
    doc[key] = value


def _in_order(related) -> list:
    # Rows edited in the admin may share a position: the id breaks the tie, on every database.
    return sorted(related.all(), key=lambda row: (row.position, row.pk))


def _vocabulary_order(items) -> Flow:
    return Flow(item.id for item in sorted(items, key=lambda i: (i.position, i.id)))


def _ordered_by_fields(mapping: dict, order: list[str]) -> dict:
    # Stored as JSON, whose key order PostgreSQL does not keep: order by the file's own field order.
    rank = {name: i for i, name in enumerate(order)}
    return {k: mapping[k] for k in sorted(mapping, key=lambda k: (rank.get(k, len(rank)), k))}


def _sources(entry) -> list[dict]:
    out = []
    for source in _in_order(entry.sources):
        doc = {"key": source.key, "title": source.title}
        _put(doc, "url", source.url)
        _put(doc, "published", source.published)
        _put(doc, "verified_on", source.verified_on)
        out.append(doc)
    return out


def _provenance(doc: dict, entry, field_order: list[str]) -> None:
    doc["verified_on"] = entry.verified_on
    doc["sources"] = _sources(entry)
    _put(doc, "field_sources", _ordered_by_fields(entry.field_sources, field_order))
    _put(doc, "to_verify", _ordered_by_fields(entry.to_verify, field_order))
    _put(doc, "editor_todos", _ordered_by_fields(entry.editor_todos, field_order))


# The order of every field a `field_sources` or `to_verify` key may name, as in the files.
FUNDING_FIELDS = [
    "title", "summary", "description", "administrator", "related_partners", "level", "status", "status_reason",
    "themes", "applicant_types", "applicant_types_to_verify", "territory", "territory_basis",
    "required_municipality_flags", "max_duration_months", "financial", "cost_share_pct", "share_base", "co_financing", "max_amount",
    "total_budget", "budget_period", "timing", "submission", "yearly_deadlines", "call_rounds", "lead_time_months",
    "lead_time_reference", "activity_window", "limits", "conditions", "figures", "examples", "contact",
    "how_to_apply",
]
PARTNER_FIELDS = ["name", "kind", "summary", "description", "territory", "website", "email", "phone", "address", "themes", "services"]
# The keys of `how_to_apply` in the files' order (schema.HowToApply).
HOW_TO_APPLY_KEYS = ["channel", "url", "email", "prepare", "decides", "decision_timing", "contact_partner", "source"]


def partner_document(partner: m.Partner) -> dict:
    doc = {"id": partner.id, "name": partner.name, "kind": partner.kind, "summary": partner.summary}
    _put(doc, "description", partner.description)
    doc["territory"] = partner.territory_id
    _put(doc, "website", partner.website)
    _put(doc, "email", partner.email)
    _put(doc, "phone", partner.phone)
    _put(doc, "address", partner.address)
    _put(doc, "themes", _vocabulary_order(partner.themes.all()))
    services = []
    for service in _in_order(partner.services):
        item = {"title": service.title}
        _put(item, "description", service.description)
        _put(item, "themes", _vocabulary_order(service.themes.all()))
        _put(item, "audiences", _vocabulary_order(service.audiences.all()))
        services.append(item)
    _put(doc, "services", services)
    _provenance(doc, partner, PARTNER_FIELDS)
    return doc


def _sourced(item: dict, child) -> dict:
    _put(item, "source", child.source_key)
    return item


def _financial(line: m.FundingLine) -> dict:
    doc: dict = {}
    _put(doc, "cost_share_pct", line.cost_share_pct)
    if line.share_base != m.ShareBase.PROJECT_COST:
        doc["share_base"] = line.share_base
    if line.co_financing:
        doc["co_financing"] = True
    _put(doc, "max_amount", line.max_amount)
    _put(doc, "total_budget", line.total_budget)
    _put(doc, "budget_period", line.budget_period)
    return doc


def _timing(line: m.FundingLine) -> dict:
    doc = {"submission": line.submission_mode}
    _put(doc, "yearly_deadlines", Flow(month_day_code(d.month, d.day) for d in _in_order(line.yearlydeadlines)))
    calls = []
    for call in _in_order(line.callrounds):
        item = {"label": call.label}
        _put(item, "opens_on", call.opens_on)
        item["closes_on"] = call.closes_on
        calls.append(_sourced(item, call))
    _put(doc, "call_rounds", calls)
    _put(doc, "lead_time_months", line.lead_time_months)
    _put(doc, "lead_time_reference", line.lead_time_reference)
    if line.has_activity_window:
        doc["activity_window"] = {
            "start": month_day_code(line.window_start_month, line.window_start_day),
            "end": month_day_code(line.window_end_month, line.window_end_day),
        }
    return doc


def _figures(line: m.FundingLine) -> list[dict]:
    out = []
    for figure in _in_order(line.figures):
        item = _sourced({"slug": figure.slug, "title": figure.title, "unit": figure.unit}, figure)
        _put(item, "note", figure.note)
        points = []
        for point in _in_order(figure.points):
            flow = FlowMap(label=point.label, value=point.value)
            _put(flow, "at_least", point.at_least, default=False)
            _put(flow, "computed", point.computed)
            points.append(flow)
        item["points"] = points
        out.append(item)
    return out


def _examples(line: m.FundingLine) -> list[dict]:
    out = []
    for example in _in_order(line.fundedexamples):
        item = {"title": example.title}
        _put(item, "description", example.description)
        _put(item, "beneficiary", example.beneficiary)
        _put(item, "municipality", example.municipality.name_nl if example.municipality else None)
        _put(item, "amount", example.amount)
        _put(item, "year", example.year)
        out.append(_sourced(item, example))
    return out


def _how_to_apply(stored: dict) -> dict:
    doc = {key: stored[key] for key in HOW_TO_APPLY_KEYS if stored.get(key)}
    if doc:
        doc["channel"] = stored.get("channel") or "unknown"  # written even when unknown
        doc = {key: doc[key] for key in HOW_TO_APPLY_KEYS if key in doc}
    if "prepare" in doc:
        doc["prepare"] = list(doc["prepare"])
    return doc


def funding_document(line: m.FundingLine) -> dict:
    doc = {"id": line.id, "title": line.title, "summary": line.summary}
    _put(doc, "description", line.description)
    doc["administrator"] = line.administrator_id
    _put(doc, "related_partners", Flow(sorted(p.pk for p in line.related_partners.all())))
    doc["level"], doc["status"] = line.level, line.status
    _put(doc, "status_reason", line.status_reason)
    _put(doc, "status_as_of", line.status_as_of)
    doc["themes"] = _vocabulary_order(line.themes.all())
    _put(doc, "applicant_types", _vocabulary_order(line.applicant_types.all()))
    _put(doc, "applicant_types_to_verify", _vocabulary_order(line.applicant_types_to_verify.all()))
    doc["territory"] = line.territory_id
    doc["territory_basis"] = line.territory_basis  # always written: where a line applies is worth reading
    _put(doc, "required_municipality_flags", Flow(line.required_municipality_flags))
    _put(doc, "max_duration_months", line.max_duration_months)
    _put(doc, "financial", _financial(line))
    doc["timing"] = _timing(line)
    _put(doc, "limits", [
        _sourced({"max_count": x.max_count, "scope": x.scope, "text": x.text}, x) for x in _in_order(line.applicationlimits)
    ])
    conditions = []
    for condition in _in_order(line.conditions):
        item = {"text": condition.text}
        _put(item, "kind", condition.kind, default=m.ConditionKind.INFO)
        _put(item, "as_of", condition.as_of)
        conditions.append(_sourced(item, condition))
    _put(doc, "conditions", conditions)
    _put(doc, "figures", _figures(line))
    _put(doc, "examples", _examples(line))
    contact: dict = {}
    _put(contact, "name", line.contact_name)
    _put(contact, "email", line.contact_email)
    _put(contact, "url", line.contact_url)
    _put(contact, "phone", line.contact_phone)
    _put(contact, "address", line.contact_address)
    _put(doc, "contact", contact)
    _put(doc, "how_to_apply", _how_to_apply(line.how_to_apply))
    _provenance(doc, line, FUNDING_FIELDS)
    return doc


def vocabularies_document() -> dict:
    def items(model):
        out = []
        for item in model.objects.order_by("position", "id"):
            doc = {"id": item.id, "label": item.label}
            _put(doc, "description", item.description)
            out.append(doc)
        return out

    return {"themes": items(m.Theme), "applicant_types": items(m.ApplicantType)}


def _territory_rule(territory: m.Territory, existing: list[m.Municipality]) -> dict:
    """The rule that gives exactly the territory's members: a whole arrondissement, province or
    region when it is one (the smallest that fits), else the list of NIS codes by name."""
    members = {muni.nis_code for muni in territory.municipalities.all()}
    for attribute in ("arrondissement", "province", "region"):
        values = {getattr(muni, attribute) for muni in existing if muni.nis_code in members}
        if len(values) == 1:
            value = values.pop()
            if value and members == {muni.nis_code for muni in existing if getattr(muni, attribute) == value}:
                return {attribute: value}
    listed = sorted((muni for muni in existing if muni.nis_code in members), key=lambda muni: (muni.name_nl, muni.nis_code))
    return {"nis_codes": [Commented(muni.nis_code, muni.name_nl) for muni in listed]}


def territories_document() -> dict:
    existing = list(m.Municipality.objects.filter(merged_into__isnull=True))
    out = []
    # "feed-…" territories are the areas the feeds give (randwijzer.feeds), not the YAML catalogue's.
    for territory in m.Territory.objects.exclude(id__startswith="feed-").prefetch_related("municipalities").order_by("pk"):
        doc = {"id": territory.id, "name": territory.name, "phrase": territory.phrase}
        _put(doc, "description", territory.description)
        doc["rule"] = _territory_rule(territory, existing)
        out.append(doc)
    return {"territories": out}


# ---------------------------------------------------------------- files


def _existing_header(path: Path) -> str | None:
    if not path.exists():
        return None
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line)
    return "".join(lines) or None


def render_files(root: Path) -> dict[str, str]:
    """{relative path: text} of every file the database gives; read in one transaction."""
    root = Path(root)
    with transaction.atomic():
        files: dict[str, str] = {}
        # What a feed brought in (randwijzer.feeds) is the feed's, not the YAML catalogue's.
        partners = m.Partner.objects.filter(feed_source="redactie").prefetch_related("themes", "services__themes", "services__audiences", "sources")
        for partner in partners.order_by("pk"):
            files[f"partners/{partner.id}.yaml"] = dump(partner_document(partner), _existing_header(root / "partners" / f"{partner.id}.yaml") or "")
        for line in m.FundingLine.objects.filter(feed_source="redactie").with_details().prefetch_related("figures__points").order_by("pk"):
            files[f"funding/{line.id}.yaml"] = dump(funding_document(line), _existing_header(root / "funding" / f"{line.id}.yaml") or "")
        documents = {
            "vocabularies.yaml": vocabularies_document(),
            "territories.yaml": territories_document(),
        }
        for name, document in documents.items():
            files[name] = dump(document, _existing_header(root / name) or HEADERS[name])
    return files


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="\n", dir=path.parent,
                                         prefix=f".{path.name}.", suffix=".tmp", delete=False)
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, mode)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def export_catalogue(root: Path | str) -> ExportReport:
    """Write the database's catalogue under `root`; only files whose bytes change are written."""
    root = Path(root)
    files = render_files(root)
    report = ExportReport()
    for rel, text in sorted(files.items()):
        path = root / rel
        data = text.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            report.unchanged += 1
            continue
        (report.changed if path.exists() else report.created).append(rel)
        _write_atomically(path, text)
    for folder in ENTRY_FOLDERS:
        directory = root / folder
        # The loader reads *.yaml and *.yml: a stale file of either kind would come back on the next load.
        for path in sorted(directory.glob("*.y*ml")) if directory.is_dir() else []:
            rel = f"{folder}/{path.name}"
            if rel not in files:
                path.unlink()
                report.removed.append(rel)
    return report
