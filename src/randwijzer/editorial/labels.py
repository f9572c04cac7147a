"""Dutch names for catalogue rows and fields where the models have none (deadlines, positions, ...)."""
from __future__ import annotations

from randwijzer.text.dutch import format_month_day

FIELD_NAMES = {"month": "maand", "day": "dag", "position": "volgorde", "source_key": "bron", "key": "sleutel",
               "url": "URL", "scope": "geldt", "slug": "sleutel", "unit": "eenheid", "label": "naam", "value": "waarde"}


def row_label(row) -> str:
    """How an editor recognises a row: '1 mei' for a deadline, else its title, label or text."""
    if getattr(row, "month", None) and getattr(row, "day", None):
        return format_month_day(row.month, row.day)
    for attr in ("title", "label", "text", "name"):
        value = getattr(row, attr, "")
        if value:
            return value if len(value) <= 60 else value[:57] + "…"
    return f"#{row.pk}"


def field_name(model, name: str) -> str:
    if name in FIELD_NAMES:
        return FIELD_NAMES[name]
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # a name that is not a field (a form-only field)
        return name
