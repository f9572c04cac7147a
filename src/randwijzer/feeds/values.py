"""A line's feed-owned facts as plain JSON values: what the feed says now, what the database holds.

Comparing the two with the values the feed gave last time (`FundingLine.feed_values`) tells
apart a fact the feed changed (update it) from one an editor changed (keep it: curated).
"""
from __future__ import annotations

from randwijzer.catalogue import models as m

from .records import Record

FEED_FIELDS = ("title", "summary", "description", "status", "status_reason", "submission_mode", "level",
               "territory", "url", "administrator", "applicant_types", "applicant_types_to_verify",
               "applicant_note", "administrator_note", "call_rounds", "conditions", "themes", "territory_note")
# The words the review page and the report use for a field.
FIELD_LABELS = {
    "title": "titel", "summary": "samenvatting", "description": "omschrijving", "status": "status",
    "status_reason": "reden status", "submission_mode": "indienen", "level": "niveau", "territory": "werkingsgebied",
    "url": "webpagina", "administrator": "beheerder", "applicant_types": "wie mag aanvragen",
    "applicant_types_to_verify": "aanvragers te verifiëren", "applicant_note": "toelichting aanvragers",
    "administrator_note": "toelichting beheerder",
    "call_rounds": "oproepen", "conditions": "voorwaarden", "themes": "thema's",
    "territory_note": "toelichting werkingsgebied",
}


def from_record(record: Record, territory_id: str, administrator_id: str, territory_note: str = "") -> dict:
    return {
        "title": record.title[:200], "summary": record.summary[:500], "description": record.description,
        "status": record.status, "status_reason": record.status_reason, "submission_mode": record.submission_mode,
        "level": record.level, "territory": territory_id, "url": record.url[:500], "administrator": administrator_id,
        "applicant_types": sorted(record.applicant_types),
        "applicant_types_to_verify": sorted(record.applicant_types_to_verify),
        "applicant_note": record.applicant_note, "administrator_note": record.administrator_note,
        "call_rounds": [{"label": r.label[:200], "opens_on": r.opens_on.isoformat() if r.opens_on else None,
                         "closes_on": r.closes_on.isoformat()} for r in record.rounds],
        "conditions": list(record.conditions), "themes": sorted(record.themes), "territory_note": territory_note,
    }


def from_line(line: m.FundingLine) -> dict:
    return {
        "title": line.title, "summary": line.summary, "description": line.description, "status": line.status,
        "status_reason": line.status_reason, "submission_mode": line.submission_mode, "level": line.level,
        "territory": line.territory_id, "url": line.contact_url, "administrator": line.administrator_id,
        "applicant_types": sorted(a.pk for a in line.applicant_types.all()),
        "applicant_types_to_verify": sorted(a.pk for a in line.applicant_types_to_verify.all()),
        "applicant_note": line.to_verify.get("applicant_types", ""),
        "administrator_note": line.to_verify.get("administrator", ""),
        "call_rounds": [{"label": r.label, "opens_on": r.opens_on.isoformat() if r.opens_on else None,
                         "closes_on": r.closes_on.isoformat()} for r in line.callrounds.all()],
        "conditions": [c.text for c in line.conditions.all() if c.source_key == "feed"],
        "themes": sorted(t.pk for t in line.themes.all()),
        "territory_note": line.to_verify.get("territory", ""),
    }


def curated_fields(line: m.FundingLine, current: dict | None = None) -> list[str]:
    """The feed's fields an editor has changed since the feed last set them."""
    if not line.feed_values:
        return []
    current = current if current is not None else from_line(line)
    return [f for f in FEED_FIELDS if f in line.feed_values and current[f] != line.feed_values[f]]
