"""Restore a funding line or a partner to an earlier version, with all its facts.

A version is one historical record of the entry. Its deadlines, calls, conditions, sources,
services, ... are separate rows with their own history; because one edit records all its
rows at one moment (catalogue/history.py), "the entry as it was after that edit" is every
row's last record up to the version's `history_date`. Restoring writes that state back as
a new edit: it is in the history (reason "Hersteld naar ...") and in the change log.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from randwijzer.catalogue import models as m
from randwijzer.catalogue.history import history_moment
from randwijzer.changes import service as changes
from randwijzer.text.dutch import format_datetime_nl

from .labels import field_name, row_label

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


def changelog_line_ids(entry) -> list[str]:
    """The funding lines whose public facts show this entry (the change log is kept per line)."""
    if isinstance(entry, m.FundingLine):
        return [entry.pk]
    if isinstance(entry, m.Partner):
        return list(m.FundingLine.objects.filter(administrator_id=entry.pk).values_list("id", flat=True))
    return []


def origin(user, note: str = "") -> str:
    text = f"beheer: {user.get_username() if user else 'onbekend'}" + (f", {note}" if note else "")
    return text[:120]


def restore_version(model, entry_id: str, history_id: int, user=None) -> Restored:
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
    label = version_label(at)
    with transaction.atomic(), history_moment(f"Hersteld naar de versie van {label}", user=user):
        entry = state.instance
        line_ids = set(changelog_line_ids(entry))
        before = changes.snapshots(line_ids)
        entry.save()
        _restore_m2m(entry, state)
        for child_model, owner_field in OWNED_ROWS[model]:
            _restore_rows(child_model, {owner_field: entry.pk}, at)
        line_ids |= set(changelog_line_ids(entry))
        recorded = changes.record(before, changes.snapshots(line_ids), origin=origin(user, f"hersteld naar de versie van {label}"))
    return Restored(entry, at, recorded)


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
        through = getattr(record, field.name).model  # the historical through rows of this record
        target = field.m2m_reverse_field_name()
        ids = through.objects.filter(history=record).values_list(f"{target}_id", flat=True)
        getattr(instance, field.name).set(list(ids))


HISTORY_TYPES = {"+": "nieuw", "~": "gewijzigd", "-": "verwijderd"}


def part_changes(model, record) -> list[str]:
    """What changed in the entry's rows (deadlines, sources, ...) in the edit of `record`, in Dutch."""
    lines = []
    entry_id = getattr(record, model._meta.pk.attname)
    for child_model, owner_field in OWNED_ROWS.get(model, []):
        kind = child_model._meta.verbose_name
        for row in child_model.history.filter(**{owner_field: entry_id}, history_date=record.history_date):
            text = f"{kind} ‘{row_label(row)}’: {HISTORY_TYPES[row.history_type]}"
            previous = row.prev_record if row.history_type == "~" else None
            if previous is not None:
                delta = row.diff_against(previous)
                text += "".join(f"; {field_name(child_model, c.field)} {c.old} → {c.new}" for c in delta.changes)
            lines.append(text)
    return lines
