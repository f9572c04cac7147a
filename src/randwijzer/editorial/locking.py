"""Optimistic locking for the admin forms of catalogue entries (funding lines, partners).

The form carries the `updated_at` of the entry as the editor opened it. On save the stored
row is locked (select_for_update; SQLite already serialises writers) and compared: when
someone saved in between, the save is refused with every difference between the editor's
values and the stored ones, in Dutch. Nothing is overwritten; the editor reloads and redoes.
"""
from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet

from randwijzer.text.dutch import format_date_nl, format_datetime_nl

from .labels import row_label

VERSION_FIELD = "editorial_version"
SKIPPED = {VERSION_FIELD, "id", "DELETE"}


def version_token(instance) -> str:
    return instance.updated_at.isoformat() if instance.updated_at else ""


def show(field: forms.Field | None, value) -> str:
    """A value as an editor reads it."""
    if value is None or value == "" or value == []:
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return format_date_nl(value)
    if isinstance(value, (QuerySet, list, tuple, set)):
        return ", ".join(sorted(show(None, v) for v in value)) or "(leeg)"
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items()) or "(leeg)"
    choices = dict(getattr(field, "choices", None) or []) if field is not None and not hasattr(field, "queryset") else {}
    if value in choices:
        return str(choices[value])
    if field is not None and hasattr(field, "queryset") and not isinstance(value, Model):
        found = field.queryset.filter(pk=value).first()
        return str(found) if found else str(value)
    return str(value)


def form_differences(form, prefix: str = "") -> list[str]:
    """One line per field where the submitted value differs from the stored one."""
    lines = []
    for name in form.changed_data:
        if name in SKIPPED or name not in form.fields:
            continue
        field = form.fields[name]
        label = str(field.label or name)
        yours = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") and name in form.cleaned_data else form[name].value()
        stored = form.get_initial_for_field(field, name)
        lines.append(f"{prefix}{label}: uw waarde {show(field, yours)}, bewaarde waarde {show(field, stored)}")
    return lines


def formset_differences(formset) -> list[str]:
    lines = []
    formset.is_valid()  # cleaned values to compare; the admin validates it again (cached)
    kind = formset.model._meta.verbose_name
    stored = {row.pk: row for row in formset.model.objects.filter(pk__in=[f.instance.pk for f in formset.initial_forms])}
    for form in formset.initial_forms:
        # Validation already put the submitted values on form.instance: name the row as stored.
        name = row_label(stored.get(form.instance.pk, form.instance))
        deleted = formset.can_delete and formset._should_delete_form(form)
        if deleted:
            lines.append(f"{kind} ‘{name}’: u verwijdert, bewaard staat het er nog")
        elif form.has_changed():
            lines += form_differences(form, prefix=f"{kind} ‘{name}’ – ")
    for form in formset.extra_forms:
        if form.has_changed() and not (formset.can_delete and formset._should_delete_form(form)):
            lines.append(f"{kind}: u voegt een nieuwe toe, die is niet bewaard")
    return lines


class VersionedEntryForm(forms.ModelForm):
    """Base form of the entry admins: refuses a save based on an outdated version."""

    editorial_version = forms.CharField(widget=forms.HiddenInput, required=False)
    # Set by the admin (EntryAdmin.get_form): the inline formsets of the same request.
    formsets_of_request = staticmethod(lambda: [])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[VERSION_FIELD].initial = version_token(self.instance)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None or self.instance._state.adding:
            return cleaned
        model = type(self.instance)
        stored = model.objects.select_for_update().filter(pk=self.instance.pk).values_list("updated_at", flat=True).first()
        opened = self.data.get(self.add_prefix(VERSION_FIELD), "")
        if stored is not None and opened == stored.isoformat():
            return cleaned
        raise ValidationError(self.conflict_messages(opened))

    def conflict_messages(self, opened: str) -> list[str]:
        what = self.instance._meta.verbose_name
        if not opened:
            head = (f"Dit formulier weet niet welke versie van de {what} u opende. Uw wijzigingen zijn niet bewaard, "
                    "zodat niets ongemerkt overschreven wordt.")
        else:
            head = (f"Iemand anders heeft deze {what} bewaard nadat u ze opende{last_saved_by(self.instance)}. "
                    "Uw wijzigingen zijn niet bewaard, zodat niets ongemerkt overschreven wordt.")
        differences = form_differences(self)
        for formset in self.formsets_of_request():
            differences += formset_differences(formset)
        lines = [head]
        if differences:
            lines.append("Verschil tussen uw waarden en de bewaarde:")
            lines += differences
        lines.append("Herlaad de pagina om de bewaarde versie te zien en breng uw wijzigingen daarin opnieuw aan.")
        return lines


def last_saved_by(instance) -> str:
    record = instance.history.order_by("-history_date", "-history_id").first() if hasattr(instance, "history") else None
    if record is None:
        return ""
    who = f" door {record.history_user.get_username()}" if record.history_user else ""
    return f" ({who.strip() + ', ' if who else ''}{format_datetime_nl(record.history_date)})"
