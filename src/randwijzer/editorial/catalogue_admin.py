from django.contrib import admin

from randwijzer.catalogue import models as m

from .entry_admin import EntryAdmin
from .labels import FIELD_NAMES


class DutchLabels:
    """Dutch column names for the fields the models leave unnamed (month, day, position, ...)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in FIELD_NAMES:
            field.label = FIELD_NAMES[db_field.name]
        return field


class SourceInline(DutchLabels, admin.TabularInline):
    model = m.Source
    extra = 0
    exclude = ["partner"]


class PartnerSourceInline(DutchLabels, admin.TabularInline):
    model = m.Source
    extra = 0
    exclude = ["funding_line"]


class DeadlineInline(DutchLabels, admin.TabularInline):
    model = m.YearlyDeadline
    extra = 0


class CallRoundInline(DutchLabels, admin.TabularInline):
    model = m.CallRound
    extra = 0


class ConditionInline(DutchLabels, admin.TabularInline):
    model = m.Condition
    extra = 0


class LimitInline(DutchLabels, admin.TabularInline):
    model = m.ApplicationLimit
    extra = 0


class ExampleInline(DutchLabels, admin.StackedInline):
    model = m.FundedExample
    extra = 0
    autocomplete_fields = ["municipality"]


# EntryAdmin (randwijzer.editorial): history and restore, the change log, optimistic locking and
# the "vandaag geverifieerd" action, for funding lines and partners alike.
@admin.register(m.FundingLine)
class FundingLineAdmin(EntryAdmin):
    list_display = ["title", "status", "level", "administrator", "verified_on"]
    list_filter = ["status", "level", "feed_source", "themes"]
    search_fields = ["id", "title", "summary"]
    # Provenance is the importer's (randwijzer.feeds): shown, not edited.
    readonly_fields = ["feed_source", "feed_iri", "imported_on", "feed_values"]
    filter_horizontal = ["themes", "applicant_types", "applicant_types_to_verify", "related_partners"]
    inlines = [SourceInline, DeadlineInline, CallRoundInline, ConditionInline, LimitInline, ExampleInline]


class ServiceInline(DutchLabels, admin.StackedInline):
    model = m.Service
    extra = 0
    filter_horizontal = ["themes", "audiences"]


@admin.register(m.Partner)
class PartnerAdmin(EntryAdmin):
    list_display = ["name", "kind", "verified_on"]
    list_filter = ["kind"]
    search_fields = ["id", "name"]
    readonly_fields = ["feed_source", "feed_iri"]
    inlines = [PartnerSourceInline, ServiceInline]


@admin.register(m.Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name_nl", "nis_code", "arrondissement", "in_vlaamse_rand", "facility_municipality", "wies_status"]
    list_filter = ["in_vlaamse_rand", "facility_municipality", "wies_status", "province"]
    search_fields = ["name_nl", "name_fr", "nis_code"]


admin.site.register([m.Theme, m.ApplicantType, m.Territory])
admin.site.site_header = "Randwijzer – redactie"
admin.site.site_title = "Randwijzer – redactie"
admin.site.index_title = "Beheer van de catalogus"
