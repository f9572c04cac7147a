"""The review list as rows a person reads: field names and values in Dutch."""
from __future__ import annotations

from django.urls import reverse

from .models import ReviewItem
from .values import FIELD_LABELS


def shown(value) -> str:
    if value in (None, "", []):
        return "(leeg)"
    if isinstance(value, list):
        return "; ".join(shown(v) for v in value)
    if isinstance(value, dict):
        if "closes_on" in value:
            return f"{value['label']}: {value.get('opens_on') or '?'} tot {value['closes_on']}"
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def rows() -> list[dict]:
    items = ReviewItem.objects.filter(resolved=False).select_related("funding_line")
    return [{
        "pk": item.pk, "line": item.funding_line, "field": FIELD_LABELS.get(item.field, item.field),
        "editor_value": shown(item.editor_value), "feed_value": shown(item.feed_value), "created_at": item.created_at,
        "edit_url": reverse("admin:catalogue_fundingline_change", args=[item.funding_line_id]),
    } for item in items]
