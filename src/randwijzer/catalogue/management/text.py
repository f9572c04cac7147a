"""Dutch plain-text output of the CLI, worded by catalogue.presenters like the website."""
from django.utils import timezone

from randwijzer.catalogue import presenters as p
from randwijzer.catalogue import timing
from randwijzer.catalogue.models import FundingLine, Municipality, Partner


def _labels(manager) -> str:
    return ", ".join(item.label for item in manager.all())


def _sources(entry) -> list[str]:
    lines = [f"Geverifieerd op {p.format_date_nl(entry.verified_on)}. Bronnen:"]
    for source in entry.sources.all():
        lines.append(f"  - {source.title}" + (f" ({source.url})" if source.url else ""))
    return lines


def _to_verify(entry) -> list[str]:
    return [f"  - {p.FIELD_LABELS.get(field, field)}: {reason}" for field, reason in entry.to_verify.items()]


def list_item(title: str, id_: str, extra: str, summary: str) -> list[str]:
    return [f"{title} [{id_}]" + (f" – {extra}" if extra else ""), f"    {summary}"]


def funding_line(line: FundingLine, url: str) -> list[str]:
    out = [line.title, f"id: {line.id} · status: {line.get_status_display()} · niveau: {line.get_level_display()}", "", line.summary, ""]
    if line.status_reason:
        out.append(f"Status: {line.status_reason}")
    out.append(f"Beheerder: {line.administrator.name}")
    out.append(f"Werkingsgebied: {line.territory.name}")
    out.append(f"Wie mag aanvragen: {_labels(line.applicant_types) or 'niet bekend'}")
    if line.applicant_types_to_verify.exists():
        out.append(f"Aanvragers nog te verifiëren: {_labels(line.applicant_types_to_verify)}")
    out.append(f"Thema's: {_labels(line.themes)}")
    rules = p.rules_in_dutch(line)
    if rules:
        out += ["", "Regels:", *[f"  - {rule}" for rule in rules]]
    deadline = p.next_deadline_in_dutch(timing.next_deadline(line, timezone.localdate()))
    if deadline:
        out.append(deadline)
    contact = [x for x in (line.contact_name, line.contact_email, line.contact_url) if x]
    if contact:
        out.append(f"Contact: {' · '.join(contact)}")
    if line.to_verify:
        out += ["", "Te verifiëren:", *_to_verify(line)]
    return out + ["", *_sources(line), f"Op de site: {url}"]


def partner(item: Partner, url: str) -> list[str]:
    out = [item.name, f"id: {item.id} · soort: {item.get_kind_display()}", "", item.summary, ""]
    out += [f"{label}: {value}" for label, value in (("Website", item.website), ("E-mail", item.email)) if value]
    out.append(f"Werkingsgebied: {item.territory.name}")
    services = list(item.services.all())
    if services:
        out += ["", "Diensten:", *[f"  - {s.title}" for s in services]]
    administers = list(item.administered_lines.all())
    if administers:
        out += ["", "Beheert:", *[f"  - {line.title} [{line.id}]" for line in administers]]
    if item.to_verify:
        out += ["", "Te verifiëren:", *_to_verify(item)]
    return out + ["", *_sources(item), f"Op de site: {url}"]


def municipality(item: Municipality, detail) -> list[str]:
    """`detail` is the API object: it already lists the territories, lines and partners."""
    out = [f"{item.name_nl} (NIS {item.nis_code}" + (", te verifiëren)" if item.nis_code_to_verify else ")")]
    if item.name_fr and item.name_fr != item.name_nl:
        out.append(f"Frans: {item.name_fr}")
    out.append(f"Arrondissement {item.arrondissement}" + (f", provincie {item.province}" if item.province else "") + f", {item.region}")
    if item.merged_into:
        out.append(f"Opgegaan in {item.merged_into.name_nl} ({item.merged_into_id}) op {p.format_date_nl(item.merged_on)}.")
    out.append(f"In de Vlaamse Rand: {p.yes_no(item.in_vlaamse_rand)} · faciliteitengemeente: {p.yes_no(item.facility_municipality)}")
    out.append(f"WIES-gemeente: {p.wies_in_dutch(item)}" + (f" ({item.wies_note})" if item.wies_note else ""))
    out.append(f"Steunmaatregelen: {', '.join(detail.funding) or 'geen'}")
    out.append(f"Partners: {', '.join(detail.partners) or 'geen'}")
    return out + [f"Op de site: {detail.url}"]
