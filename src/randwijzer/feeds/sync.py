"""Bring one feed record into the catalogue: new, changed, linked, unchanged; editors' facts win.

`decide` only reads; `apply` writes, always through `writing.write_record` (one transaction, one
history moment, the change log field by field). A dry run calls `decide` alone.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django.db import router
from django.db.models.signals import m2m_changed
from django.utils.text import slugify

from randwijzer.catalogue import models as m

from . import areas, values
from .models import ReviewItem
from .records import Administrator, Record
from .runcache import RunCache
from .writing import write_record

SOURCE_LABELS = {"subsidiepunt": "Subsidiepunt", "ipdc": "IPDC"}
# IPDC names a product's competent authority by IRI, rarely by name, and never as an organisation we can
# describe; a line needs an administrator, so its lines share this stand-in (m.PLACEHOLDER_PARTNERS: no
# partner page, list, suggestion or open data), and the feed's words for the authority stay "te verifiëren".
FALLBACK_ADMINISTRATOR = Administrator(
    iri="", name="Bevoegd bestuur volgens IPDC",
    summary="Geen organisatie: staat in voor het bestuur dat IPDC opgeeft; welk bestuur het is, staat bij de steunmaatregel.")


@dataclass
class Decision:
    outcome: str  # "nieuw", "gewijzigd", "gekoppeld", "ongewijzigd"
    line_id: str
    fields: list[str] = field(default_factory=list)  # the feed's fields that change
    review: list[str] = field(default_factory=list)  # curated fields the feed changed: for the review list
    line: m.FundingLine | None = None
    wanted: dict = field(default_factory=dict)
    area: areas.Area | None = None  # read once in decide(), written by _write()


def find_line(record: Record, cache: RunCache) -> m.FundingLine | None:
    """The line this record is, or duplicates: same feed IRI; else a curated line with the same title (docs/feeds.md)."""
    line = cache.line_with_iri(record.iri)
    if line is not None:
        return line
    return cache.curated_line(record.title)


def decide(source: str, record: Record, cache: RunCache) -> Decision:
    line = find_line(record, cache)
    if line is not None and line.feed_source == m.FeedSource.REDACTIE:
        return Decision("ongewijzigd" if line.feed_iri == record.iri else "gekoppeld", line.id, line=line)
    area = cache.area_for(record.area_codes)
    administrator = administrator_id(source, record.administrator or FALLBACK_ADMINISTRATOR)
    wanted = values.from_record(record, area.territory_id if area else areas.WHOLE_FLANDERS, administrator,
                                area.to_verify if area else "")
    if line is None:
        return Decision("nieuw", new_id(record, cache), list(values.FEED_FIELDS), wanted=wanted, area=area)
    current = values.from_line(line)
    last = line.feed_values or {}
    changed, review = [], []
    for name in values.FEED_FIELDS:
        if wanted[name] == last.get(name):
            continue
        if name in last and current[name] != last[name]:
            if wanted[name] != current[name]:
                review.append(name)  # the editor's value stays; the feed's goes to the review list
        elif current[name] != wanted[name]:
            changed.append(name)
    if not changed and not review and all(last.get(f) == wanted[f] for f in values.FEED_FIELDS):
        return Decision("ongewijzigd", line.id, line=line)
    return Decision("gewijzigd", line.id, changed, review, line=line, wanted=wanted, area=area)


def apply(source: str, record: Record, decision: Decision, on: dt.date, cache: RunCache) -> None:
    if decision.outcome == "ongewijzigd":
        return
    if decision.outcome == "gekoppeld":
        write_record(source, decision.line_id, lambda: m.FundingLine.objects.filter(pk=decision.line_id).update(
            feed_iri=record.iri, imported_on=on))
        return
    write_record(source, decision.line_id, lambda: _write(source, record, decision, on, cache), new=decision.line is None)


def _write(source: str, record: Record, decision: Decision, on: dt.date, cache: RunCache) -> None:
    wanted = decision.wanted
    if decision.area is not None:
        areas.ensure_territory(decision.area, cache)
    _ensure_administrator(source, record.administrator or FALLBACK_ADMINISTRATOR, wanted["administrator"], on, cache)
    line = decision.line
    new = line is None  # a new line has no rows yet: nothing to read or replace
    if new:
        line = m.FundingLine(id=decision.line_id, feed_source=source, feed_iri=record.iri,
                             share_base=m.ShareBase.PROJECT_COST)
    fields = decision.fields
    scalars = {"title": "title", "summary": "summary", "description": "description", "status": "status",
               "status_reason": "status_reason", "submission_mode": "submission_mode", "level": "level",
               "territory": "territory_id", "url": "contact_url", "administrator": "administrator_id"}
    for name, attr in scalars.items():
        if name in fields:
            setattr(line, attr, wanted[name])
    notes = dict(line.to_verify or {})
    for name, key in (("applicant_note", "applicant_types"), ("administrator_note", "administrator"),
                      ("territory_note", "territory")):
        if name in fields:
            notes.pop(key, None)
            if wanted[name]:
                notes[key] = wanted[name]
    line.to_verify = notes
    line.feed_values = wanted
    line.imported_on = on
    line.verified_on = on
    line.field_sources = {**(line.field_sources or {}), "status": "feed", "submission_mode": "feed"}
    line.save(force_insert=new)
    for name in ("applicant_types", "applicant_types_to_verify", "themes"):
        if name in fields:
            _set(getattr(line, name), wanted[name], new)
    if "call_rounds" in fields:
        _replace(m.CallRound, line, [{"label": r["label"], "opens_on": r["opens_on"], "closes_on": r["closes_on"]}
                                     for r in wanted["call_rounds"]], new)
    if "conditions" in fields:
        _replace(m.Condition, line, [{"text": text, "kind": m.ConditionKind.CHECK} for text in wanted["conditions"]], new)
    _write_source(source, line, record, on, new)
    for name in decision.review:
        ReviewItem.objects.get_or_create(funding_line=line, field=name, feed_value=wanted[name], resolved=False,
                                         defaults={"editor_value": values.from_line(line)[name]})


def _set(related, ids: list, new: bool) -> None:
    """A many-to-many field: a new line's is empty, so its values are only added (no read of the old ones)."""
    if not new:
        related.set(ids)
    elif ids:
        _add_to_empty(related, ids)


def _add_to_empty(related, ids: list) -> None:
    """`related.add(*ids)` for a line saved just now, without add()'s read of the rows it already has (none):
    the same rows and the same m2m_changed signals (the history records the field through them)."""
    through, instance, pk_set = related.through, related.instance, set(ids)
    db = router.db_for_write(through, instance=instance)
    signal = {"sender": through, "instance": instance, "reverse": related.reverse, "model": related.model, "pk_set": pk_set,
              "using": db}
    m2m_changed.send(action="pre_add", **signal)
    through.objects.using(db).bulk_create([through(**{f"{related.source_field_name}_id": instance.pk,
                                                      f"{related.target_field_name}_id": pk}) for pk in pk_set])
    m2m_changed.send(action="post_add", **signal)


def _replace(model, line: m.FundingLine, rows: list[dict], new: bool = False) -> None:
    """The feed's rows of one kind (source key 'feed'); an editor's own rows are left alone."""
    start = 0
    if not new:
        model.objects.filter(funding_line=line, source_key="feed").delete()
        start = model.objects.filter(funding_line=line).count()
    for i, row in enumerate(rows):
        model.objects.create(funding_line=line, position=start + i, source_key="feed", **row)


def _write_source(source: str, line: m.FundingLine, record: Record, on: dt.date, new: bool = False) -> None:
    wanted = {"title": f"{SOURCE_LABELS[source]}: {record.title}"[:300], "url": record.url[:800],
              "published": "", "verified_on": on}
    existing = None if new else m.Source.objects.filter(funding_line=line, key="feed").first()
    if existing is None:
        m.Source.objects.create(funding_line=line, key="feed", position=0, **wanted)
    else:
        for k, v in wanted.items():
            setattr(existing, k, v)
        existing.save()


def new_id(record: Record, cache: RunCache) -> str:
    base = slugify(record.title)[:70].strip("-") or "steun"
    if not cache.id_taken(base):
        return base
    return f"{base[:70]}-{hashlib.sha1(record.iri.encode()).hexdigest()[:8]}"


def administrator_id(source: str, who: Administrator) -> str:
    return slugify(who.name)[:80]


def _ensure_administrator(source: str, who: Administrator, pk: str, on: dt.date, cache: RunCache) -> None:
    if cache.exists(m.Partner, pk):
        return
    m.Partner.objects.create(
        id=pk, name=who.name, kind=m.PartnerKind.AGENTSCHAP,
        summary=who.summary or f"Genoemd als bevoegd bestuur in {SOURCE_LABELS[source]}.", website=who.website,
        territory_id="vlaanderen", verified_on=on, feed_source=source, feed_iri=who.iri)
    cache.created(m.Partner, pk)
