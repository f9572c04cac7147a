from django.contrib import admin

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
