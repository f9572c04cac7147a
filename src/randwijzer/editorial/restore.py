"""Restore a funding line or a partner to an earlier version, with all its facts.

A version is one historical record of the entry. Its deadlines, calls, conditions, sources,
services, ... are separate rows with their own history; because one edit records all its
rows at one moment (catalogue/history.py), "the entry as it was after that edit" is every
row's last record up to the version's `history_date`. Restoring writes that state back as
a new edit: it is in the history (reason "Hersteld naar ...") and in the change log.
"""
from __future__ import annotations

from dataclasses import dataclass

from randwijzer.catalogue import models as m
from randwijzer.catalogue.editing import catalogue_edit, editor_source, line_ids_of
from randwijzer.changes import service as changes
from randwijzer.changes.facts import diff, snapshot
from randwijzer.text.dutch import format_datetime_nl

# The rows an entry owns, by the field that points at the entry.
OWNED_ROWS = {
    m.FundingLine: [(m.Source, "funding_line_id"), (m.YearlyDeadline, "funding_line_id"), (m.CallRound, "funding_line_id"),
                    (m.Condition, "funding_line_id"), (m.ApplicationLimit, "funding_line_id"),
                    (m.FundedExample, "funding_line_id"), (m.Figure, "funding_line_id")],
    m.Partner: [(m.Source, "partner_id"), (m.Service, "partner_id")],
}
# Rows owned by an owned row.
NESTED_ROWS = {m.Figure: [(m.FigurePoint, "figure_id")]}


class RestoreError(Exception):
    """A version that cannot be restored (Dutch message)."""


@dataclass
class Restored:
    entry: object
    version_at: object  # when the restored version was saved
    changes: list


def version_label(at) -> str:
    return format_datetime_nl(at)


def restore_version(model, entry_id: str, history_id: int, user=None) -> Restored:
    state, at = _version(model, entry_id, history_id)
    label = version_label(at)
    entry = state.instance
    with catalogue_edit(user, f"Hersteld naar de versie van {label}",
                        source=editor_source(user, f"hersteld naar de versie van {label}"), entries=[entry]) as edit:
        entry.save()
        _restore_m2m(entry, state)
        for child_model, owner_field in OWNED_ROWS[model]:
            _restore_rows(child_model, {owner_field: entry.pk}, at)
    return Restored(entry, at, edit.changes)


def _version(model, entry_id: str, history_id: int):
    """The entry's state after the edit of version `history_id`, and that edit's moment."""
    history = model.history
    try:
        chosen = history.get(id=entry_id, history_id=history_id)
    except history.model.DoesNotExist:
        raise RestoreError("Die versie bestaat niet (meer).") from None
    at = chosen.history_date
    # The last record of that edit: several records of one entry can share its moment.
    state = history.filter(id=entry_id, history_date__lte=at).order_by("-history_date", "-history_id").first()
    if state.history_type == "-":
        raise RestoreError("Die versie is de verwijdering van de fiche; kies een eerdere versie.")
    return state, at


def preview_version(model, entry_id: str, history_id: int) -> list[str]:
    """What restoring would change, in the change log's words: read from the history, nothing written."""
    state, at = _version(model, entry_id, history_id)
    restored = state.instance
    line_ids = line_ids_of(restored)
    before = changes.snapshots(line_ids)
    if model is m.FundingLine:
        after = {restored.pk: snapshot(_with_rows_as_of(restored, state, at))}
    else:  # a partner shows in the lines it administers, by its name
        after = {}
        for line in m.FundingLine.objects.with_details().filter(id__in=line_ids):
            line.administrator = restored
            after[line.pk] = snapshot(line)
    return [change.description for line_id in sorted(before.keys() | after.keys())
            for change in diff(before.get(line_id), after.get(line_id))]


def _with_rows_as_of(line, record, at):
    """`line` (unsaved) with its many-to-many values of `record` and its rows as of `at`, as if prefetched."""
    cache = {}
    for field in record._history_m2m_fields:
        cache[field.name] = _evaluated(field.related_model, field.related_model.objects.filter(pk__in=_m2m_ids(record, field)))
    for child_model, owner_field in OWNED_ROWS[m.FundingLine]:
        rows = child_model.history.as_of(at).filter(**{owner_field: line.pk}).order_by(*child_model._meta.ordering)
        accessor = child_model._meta.get_field(owner_field.removesuffix("_id")).remote_field.get_accessor_name()
        cache[accessor] = _evaluated(child_model, rows)
    line._prefetched_objects_cache = cache
    return line


def _evaluated(model, rows):
    queryset = model.objects.all()
    queryset._result_cache, queryset._prefetch_done = list(rows), True
    return queryset


def _m2m_ids(record, field) -> list:
    through = getattr(record, field.name).model  # the historical through rows of this record
    return list(through.objects.filter(history=record).values_list(f"{field.m2m_reverse_field_name()}_id", flat=True))


def _restore_rows(model, owner: dict, at) -> None:
    then = {row.pk: row for row in model.history.as_of(at).filter(**owner)}
    for row in model.objects.filter(**owner):
        if row.pk not in then:
            row.delete()
    for row in then.values():
        row.save()  # an unchanged row leaves no history record (catalogue/history.py)
        _restore_m2m(row, getattr(row, "_history", None))  # the record this row was rebuilt from
        for nested_model, nested_owner in NESTED_ROWS.get(model, []):
            _restore_rows(nested_model, {nested_owner: row.pk}, at)


def _restore_m2m(instance, record) -> None:
    """Set the many-to-many fields the history keeps (themes, applicant types, ...) as in `record`."""
    if record is None:
        return
    for field in record._history_m2m_fields:
        getattr(instance, field.name).set(_m2m_ids(record, field))

