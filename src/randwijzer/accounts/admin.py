"""Organisations, memberships and invitations in the admin: for superusers only.

Editors (staff in "Redactie") use the admin for the catalogue; who belongs to which organisation is none
of their business, so these models stay out of their sight. No secret (token hash) is ever shown.
"""
from django.contrib import admin

from .forms import AdminEmailAuthenticationForm
from .models import Invitation, Membership, Organisation

# The admin login asks for the e-mail address too (the same EmailBackend and throttling apply).
admin.site.login_form = AdminEmailAuthenticationForm


class SuperusersOnly:
    def _superuser(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_module_permission(self, request):
        return self._superuser(request)

    def has_view_permission(self, request, obj=None):
        return self._superuser(request)

    def has_add_permission(self, request):
        return self._superuser(request)

    def has_change_permission(self, request, obj=None):
        return self._superuser(request)

    def has_delete_permission(self, request, obj=None):
        return self._superuser(request)


class MembershipInline(SuperusersOnly, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(SuperusersOnly, admin.ModelAdmin):
    list_display = ["name", "slug", "applicant_type", "municipality", "created_at"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SuperusersOnly, admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "joined_at"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(Invitation)
class InvitationAdmin(SuperusersOnly, admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "expires_at", "accepted_at"]
    list_filter = ["organisation"]
    search_fields = ["email", "organisation__name"]
    # Invitations are made on the members page, which mails the link; here they can only be read or deleted.
    fields = ["organisation", "email", "role", "invited_by", "created_at", "expires_at", "accepted_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
