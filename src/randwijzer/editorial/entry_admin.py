"""What the admins of funding lines and partners share: history, restore, locking, verification.

- every save is one history moment (catalogue/history.py) with the editor as its user;
- the history pages are simple-history's, in Dutch; "Herstellen" restores the whole entry
  (with its deadlines, sources, ...) through editorial.restore, not just the entry's row;
- the change form refuses a save based on an outdated version (editorial.locking);
- an edit enters the public change log for the funding lines it shows in.
"""
from __future__ import annotations

from contextlib import ExitStack, nullcontext

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from randwijzer.catalogue.editing import catalogue_edit, current_edit
from randwijzer.text.dutch import format_date_nl

from . import history_page, restore, verify
from .locking import VersionedEntryForm

REASON_EDIT = "Bewerkt in het beheer"
REASON_DELETE = "Verwijderd in het beheer"


class EntryAdmin(SimpleHistoryAdmin):
    form = VersionedEntryForm
    object_history_template = "editorial/history/object_history.html"
    object_history_list_template = "editorial/history/object_history_list.html"
    object_history_form_template = "editorial/history/object_history_form.html"
    actions = ["mark_verified_today"]

    # ---------------------------------------------------------------- editing

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        with catalogue_edit(request.user, REASON_EDIT):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        # The conflict message also lists the inline rows that differ (see _create_formsets).
        form.formsets_of_request = staticmethod(lambda: getattr(request, "_editorial_formsets", []))
        return form

    def _create_formsets(self, request, obj, change):
        # Django's (private) hook that builds the inline formsets, before the form is validated.
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        request._editorial_formsets = formsets
        return formsets, inline_instances

    # An edit enters the change log like a YAML load does: the entry's lines are read before it is
    # saved, and again when its inlines are saved too (catalogue_edit, around the whole POST).
    def save_model(self, request, obj, form, change):
        edit = current_edit()
        if edit is None:  # called on its own (a list edit): the edit spans the entry and its inlines
            request._catalogue_edit = ExitStack()
            edit = request._catalogue_edit.enter_context(catalogue_edit(request.user, REASON_EDIT))
        edit.include(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        stack = request.__dict__.pop("_catalogue_edit", None)
        with stack or nullcontext():
            super().save_related(request, form, formsets, change)

    # A deletion is an edit too: one history moment with the editor, the change log says the line
    # left the catalogue (or what changed in the lines a deleted partner showed in).
    def delete_model(self, request, obj):
        with catalogue_edit(request.user, REASON_DELETE, entries=[obj]):
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with catalogue_edit(request.user, REASON_DELETE, entries=list(queryset)):
            super().delete_queryset(request, queryset)

    # ---------------------------------------------------------------- "vandaag geverifieerd"

    @admin.action(description="Vandaag geverifieerd (met hun bronnen)", permissions=["change"])
    def mark_verified_today(self, request, queryset):
        result = verify.verify_today(queryset, user=request.user)
        what = self.model._meta.verbose_name if result.entries == 1 else self.model._meta.verbose_name_plural
        self.message_user(request, f"{result.entries} {what} en {result.sources} bronnen geverifieerd op "
                                   f"{format_date_nl(result.on)}.", messages.SUCCESS)

    # ---------------------------------------------------------------- history and restore

    def get_readonly_fields(self, request, obj=None):
        if getattr(request, "_editorial_preview", False):
            # The version is shown, not edited: "Herstellen" restores it as it was.
            return [f.name for f in self.model._meta.get_fields()
                    if getattr(f, "editable", False) and not f.auto_created and (f.concrete or f.many_to_many)]
        return super().get_readonly_fields(request, obj)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        # simple-history's, with every record's many-to-many rows and parts read at once (history_page).
        records = list(historical_records)
        m2m = history_page.m2m_values(records, foreign_keys_are_objs)
        for new, old in zip(records, records[1:]):
            changes = history_page.delta(new, old, m2m, foreign_keys_are_objs)
            new.history_delta_changes = self.get_historical_record_context_helper(request, new).context_for_delta_changes(changes)
        parts = history_page.part_changes(restore.OWNED_ROWS.get(self.model, []), self._entry_id(records), records)
        for record in records:
            record.part_changes = parts[record.pk]

    def _entry_id(self, records):
        return getattr(records[0], self.model._meta.pk.attname) if records else None

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        entry_id = unquote(object_id)
        try:
            history_id = int(version_id)
        except ValueError:
            raise Http404 from None
        if request.method == "POST":
            return self._restore(request, entry_id, history_id)
        request._editorial_preview = True
        context = {"restore_preview": self._preview(entry_id, history_id), **(extra_context or {})}
        return super().history_form_view(request, object_id, version_id, extra_context=context)

    def _restore(self, request, entry_id, history_id):
        entry = self.get_object(request, entry_id)
        if entry is None:
            raise Http404
        if not self.has_change_history_permission(request, entry) or self.revert_disabled(request, entry):
            raise PermissionDenied
        opts = self.model._meta
        try:
            result = restore.restore_version(self.model, entry_id, history_id, user=request.user)
        except restore.RestoreError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[entry_id]))
        label = restore.version_label(result.version_at)
        self.log_change(request, result.entry, f"Hersteld naar de versie van {label}.")
        self.message_user(request, f"{opts.verbose_name.capitalize()} ‘{result.entry}’ is hersteld naar de versie van {label}.",
                          messages.SUCCESS)
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[entry_id]))

    def _preview(self, entry_id, history_id) -> list[str]:
        """What restoring would change, in the change log's words (nothing is written)."""
        try:
            return restore.preview_version(self.model, entry_id, history_id)
        except restore.RestoreError:
            return []
