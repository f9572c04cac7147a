"""The history page of an entry in a bounded number of queries, however long its history.

simple-history compares each record with the one before it, reading the many-to-many rows of
both and, for every deadline, source, ... changed in that edit, its previous record: queries
per record. Here the many-to-many rows of all records and all records of the entry's rows are
read at once (one query per kind), then compared in memory, with the same result.
"""
from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import ObjectDoesNotExist
from simple_history.models import DeletedObject, ModelChange, ModelDelta
from simple_history.utils import get_m2m_reverse_field_name

from .labels import field_name, row_label

HISTORY_TYPES = {"+": "nieuw", "~": "gewijzigd", "-": "verwijderd"}


def m2m_values(records, foreign_keys_are_objs: bool = False) -> dict[int, dict[str, list[dict]]]:
    """{record pk: {many-to-many field: its rows as simple-history's diff shows them}}, one query per field."""
    values: dict = {record.pk: {} for record in records}
    if not records:
        return values
    for field in records[0]._history_m2m_fields:
        through = getattr(records[0], field.name).model  # the historical through rows
        names = [f.name for f in through._meta.fields if f.editable and f.name not in ("id", "m2m_history_id", "history")]
        rows = through.objects.filter(history__in=list(values)).order_by(get_m2m_reverse_field_name(field))
        if foreign_keys_are_objs:
            rows = rows.select_related(*[n for n in names if through._meta.get_field(n).is_relation])
        for record_pk in values:
            values[record_pk][field.name] = []
        for row in rows:
            values[row.history_id][field.name].append({n: _value(row, through, n, foreign_keys_are_objs) for n in names})
    return values


def _value(row, through, name: str, as_object: bool):
    meta = through._meta.get_field(name)
    if not as_object or not meta.is_relation:
        return getattr(row, meta.attname)
    try:
        value = getattr(row, name)
    except ObjectDoesNotExist:
        value = None
    return value if value is not None else DeletedObject(meta.related_model, getattr(row, meta.attname))


def delta(new, old, m2m: dict, foreign_keys_are_objs: bool = False) -> ModelDelta:
    """`new.diff_against(old)` with the many-to-many rows taken from `m2m` (see m2m_values)."""
    names = list(m2m.get(new.pk, {}))
    fields = new.diff_against(old, excluded_fields=names, foreign_keys_are_objs=foreign_keys_are_objs).changes
    changes = sorted([*fields, *(ModelChange(n, m2m[old.pk][n], m2m[new.pk][n]) for n in names
                                 if m2m[old.pk][n] != m2m[new.pk][n])], key=lambda change: change.field)
    return ModelDelta(changes, [change.field for change in changes], old, new)


def part_changes(owned_rows, entry_id, records) -> dict[int, list[str]]:
    """{record pk: what changed in the entry's rows (deadlines, sources, ...) in that record's edit, in Dutch}."""
    dates = {record.history_date for record in records}
    by_date: dict = defaultdict(list)
    for child_model, owner_field in owned_rows:
        kind = child_model._meta.verbose_name
        rows = list(child_model.history.filter(**{owner_field: entry_id}).order_by("history_date", "history_id"))
        m2m = m2m_values(rows)
        earlier: dict = defaultdict(list)  # row id -> its records so far, oldest first
        row_id = child_model._meta.pk.attname
        for row in rows:
            if row.history_date in dates:
                text = f"{kind} ‘{row_label(row)}’: {HISTORY_TYPES[row.history_type]}"
                previous = _before(earlier[getattr(row, row_id)], row) if row.history_type == "~" else None
                if previous is not None:
                    text += "".join(f"; {field_name(child_model, c.field)} {c.old} → {c.new}"
                                    for c in delta(row, previous, m2m).changes)
                by_date[row.history_date].append((child_model, -row.history_id, text))
            earlier[getattr(row, row_id)].append(row)
    # Per edit: kinds in the order of `owned_rows`, newest record first (as the history lists them).
    order = {model: i for i, (model, _) in enumerate(owned_rows)}
    return {record.pk: [text for _, _, text in sorted(by_date[record.history_date], key=lambda t: (order[t[0]], t[1]))]
            for record in records}


def _before(records: list, row):
    """simple-history's prev_record: the row's last record from an earlier moment."""
    return next((r for r in reversed(records) if r.history_date < row.history_date), None)
