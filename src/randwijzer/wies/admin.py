"""The editors' side of the WIES-fonds ledger: entries are added, never changed or deleted."""
from django.contrib import admin

from .forms import LedgerEntryForm
from .models import Fund, LedgerEntry


@admin.register(Fund)
class FundAdmin(admin.ModelAdmin):
    list_display = ["name", "opening_capital", "capital_source"]
    readonly_fields = ["id", "name", "opening_capital", "capital_source", "created_at"]

    def has_add_permission(self, request):
        return False  # created from the catalogue on first use

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LedgerEntry)
class LedgerEntryAdmin(admin.ModelAdmin):
    form = LedgerEntryForm
    list_display = ["date", "kind", "amount", "project_name", "municipality", "commitment", "created_by", "created_at"]
    list_filter = ["kind", "municipality"]
    search_fields = ["project_name", "note", "commitment__project_name"]
    date_hierarchy = "date"
    autocomplete_fields = []

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        user = request.user

        class WithUser(form_class):
            def __init__(self, *args, **inner):
                inner.setdefault("user", user)
                super().__init__(*args, **inner)

        return WithUser

    def save_model(self, request, obj, form, change):
        pass  # the form's ledger service call has already written the entry, under the fund's lock

    def has_change_permission(self, request, obj=None):
        return False  # append-only: a correction is a new entry

    def has_delete_permission(self, request, obj=None):
        return False
