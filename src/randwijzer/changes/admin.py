from django.contrib import admin

from .models import Change


@admin.register(Change)
class ChangeAdmin(admin.ModelAdmin):
    list_display = ["changed_at", "funding_title", "description", "origin"]
    list_filter = ["origin", "field"]
    search_fields = ["funding_line_id", "funding_title", "description"]
    date_hierarchy = "changed_at"

    # The log is history: nobody edits it by hand.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
