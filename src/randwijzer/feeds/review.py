"""The review list as rows a person reads: field names and values in Dutch."""
from __future__ import annotations

import datetime as dt

from django.urls import reverse

from randwijzer.catalogue import models as m
from randwijzer.text.dutch import format_date_nl

from .models import ReviewItem
from .values import FIELD_LABELS


# Fields whose values are ids: the review list shows the names editors know.
NAMED = {"applicant_types": m.ApplicantType, "applicant_types_to_verify": m.ApplicantType, "themes": m.Theme,
         "territory": m.Territory, "administrator": m.Partner}


def shown(value, field: str = "") -> str:
    if value in (None, "", []):
        return "(leeg)"
    if isinstance(value, list):
        return "; ".join(shown(v, field) for v in value)
    if isinstance(value, dict):
        if "closes_on" in value:
            return f"{value['label']}: {_date(value.get('opens_on')) or '?'} tot {_date(value['closes_on'])}"
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if field in NAMED:
        found = NAMED[field].objects.filter(pk=value).first()
        return str(found) if found is not None else str(value)
    if field == "status":
        return m.Status(value).label if value in m.Status.values else str(value)
    return str(value)


def _date(iso: str | None) -> str:
    return format_date_nl(dt.date.fromisoformat(iso)) if iso else ""


def rows() -> list[dict]:
    items = ReviewItem.objects.filter(resolved=False).select_related("funding_line")
    return [{
        "pk": item.pk, "line": item.funding_line, "field": FIELD_LABELS.get(item.field, item.field),
        "editor_value": shown(item.editor_value, item.field), "feed_value": shown(item.feed_value, item.field), "created_at": item.created_at,
        "edit_url": reverse("admin:catalogue_fundingline_change", args=[item.funding_line_id]),
    } for item in items]
