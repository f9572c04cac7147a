"""The editors' review queue in the admin: a read-only list; decisions are taken on the review page,
where they send the proposer the outcome. format_html escapes the reader's text and names."""
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from .links import admin_target
from .models import Suggestion
from .services import can_review


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "status", "target_link", "short_text", "email", "review_link"]
    list_filter = ["status", "kind"]
    search_fields = ["text", "email", "name"]
    date_hierarchy = "created_at"
    list_select_related = ["funding_line", "partner"]
    readonly_fields = ["kind", "funding_line", "partner", "text", "source_url", "name", "email", "created_at",
                       "status", "handled_by", "handled_at", "outcome_note", "review_link"]

    @admin.display(description="over")
    def target_link(self, obj):
        target = admin_target(obj) if obj.target else None
        return format_html('<a href="{}">{}</a>', target[0], obj.target) if target else "–"

    @admin.display(description="voorstel")
    def short_text(self, obj):
        return Truncator(obj.text).chars(90)

    @admin.display(description="behandelen")
    def review_link(self, obj):
        label = "Behandelen" if obj.status == "new" else "Bekijken"
        return format_html('<a href="{}">{}</a>', reverse("suggestions:review", args=[obj.pk]), label)

    # Editors need no model permissions for the queue: being an editor is the permission.
    def has_module_permission(self, request):
        return can_review(request.user)

    def has_view_permission(self, request, obj=None):
        return can_review(request.user)

    def has_add_permission(self, request):
        return False  # suggestions come from readers only

    def has_change_permission(self, request, obj=None):
        return False  # a decision goes through the review page, which mails the proposer

    def has_delete_permission(self, request, obj=None):
        return can_review(request.user)  # e.g. spam that got through
