from django.contrib import admin

from randwijzer.changes import service as changes

from . import models as m


class SourceInline(admin.TabularInline):
    model = m.Source
    extra = 0
    exclude = ["partner"]


class PartnerSourceInline(admin.TabularInline):
    model = m.Source
    extra = 0
    exclude = ["funding_line"]


class DeadlineInline(admin.TabularInline):
    model = m.YearlyDeadline
    extra = 0


class CallRoundInline(admin.TabularInline):
    model = m.CallRound
    extra = 0


class ConditionInline(admin.TabularInline):
    model = m.Condition
    extra = 0


class LimitInline(admin.TabularInline):
    model = m.ApplicationLimit
    extra = 0


class ExampleInline(admin.StackedInline):
    model = m.FundedExample
    extra = 0
    autocomplete_fields = ["municipality"]


@admin.register(m.FundingLine)
class FundingLineAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "level", "administrator", "verified_on"]
    list_filter = ["status", "level", "themes"]
    search_fields = ["id", "title", "summary"]
    filter_horizontal = ["themes", "applicant_types", "applicant_types_to_verify", "related_partners"]
    inlines = [SourceInline, DeadlineInline, CallRoundInline, ConditionInline, LimitInline, ExampleInline]

    # An edit in the admin enters the change log like a YAML load does. The admin saves the
    # line (save_model), then its inlines and many-to-many fields (save_related), all in one
    # transaction: the snapshot before is taken from the database before the line is saved.
    def save_model(self, request, obj, form, change):
        obj._snapshot_before = changes.snapshots([obj.pk]) if change else {}
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        line = form.instance
        before = getattr(line, "_snapshot_before", {})
        changes.record(before, changes.snapshots([line.pk]), origin=f"beheer: {request.user.get_username()}")


class ServiceInline(admin.StackedInline):
    model = m.Service
    extra = 0
    filter_horizontal = ["themes", "audiences"]


@admin.register(m.Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "verified_on"]
    list_filter = ["kind"]
    search_fields = ["id", "name"]
    inlines = [PartnerSourceInline, ServiceInline]


@admin.register(m.Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name_nl", "nis_code", "arrondissement", "in_vlaamse_rand", "facility_municipality", "wies_status"]
    list_filter = ["in_vlaamse_rand", "facility_municipality", "wies_status", "province"]
    search_fields = ["name_nl", "name_fr", "nis_code"]


admin.site.register([m.Theme, m.ApplicantType, m.Territory])
admin.site.site_header = "Randwijzer — redactie"
admin.site.site_title = "Randwijzer"
