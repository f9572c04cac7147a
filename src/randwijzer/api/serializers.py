"""Build the API's objects from catalogue models; the CLI's --json uses the same functions."""
import datetime as dt

from django.urls import reverse
from django.utils import timezone

from randwijzer.catalogue import howto, search, timing
from randwijzer.catalogue.freshness import line_changed_on, partner_changed_on
from randwijzer.catalogue.models import PLACEHOLDER_PARTNERS, FundingLine, Municipality, Partner
from randwijzer.catalogue.provenance import provenance
from randwijzer.catalogue.yaml.schema import month_day_code

from . import schemas as s



# Site pages are given as paths, not absolute URLs: the CLI has no request to build them from.
def funding_page(line: FundingLine) -> str:
    return reverse("catalogue:funding", kwargs={"pk": line.pk})


def partner_page(partner: Partner) -> str:
    return reverse("catalogue:partner", kwargs={"pk": partner.pk})


def _ids(manager) -> list[str]:
    return [item.pk for item in manager.all()]


def _sources(entry) -> list[s.SourceOut]:
    return [
        s.SourceOut(key=x.key, title=x.title, url=x.url, published=x.published, verified_on=x.verified_on)
        for x in entry.sources.all()
    ]


# ---------------------------------------------------------------- funding lines


def funding_item(line: FundingLine) -> s.FundingItem:
    return s.FundingItem(
        id=line.id, title=line.title, summary=line.summary, status=line.status, level=line.level,
        themes=_ids(line.themes), applicant_types=_ids(line.applicant_types),
        applicant_types_to_verify=_ids(line.applicant_types_to_verify),
        territory=line.territory_id, administrator=_administrator_id(line), url=funding_page(line),
        provenance=_provenance(line),
    )


def _administrator_id(line: FundingLine) -> str | None:
    """A stand-in administrator (models.PLACEHOLDER_PARTNERS) is no partner: the partner API has no entry for it."""
    return None if line.administrator_id in PLACEHOLDER_PARTNERS else line.administrator_id


def _provenance(line: FundingLine) -> s.ProvenanceOut:
    found = provenance(line)
    return s.ProvenanceOut(source=found.source, iri=found.iri, imported_on=found.imported_on, curated=found.curated)


def _timing(line: FundingLine, today: dt.date) -> s.TimingOut:
    window = None
    if line.has_activity_window:
        window = s.ActivityWindowOut(
            start=month_day_code(line.window_start_month, line.window_start_day),
            end=month_day_code(line.window_end_month, line.window_end_day),
        )
    return s.TimingOut(
        submission_mode=line.submission_mode,
        yearly_deadlines=[month_day_code(d.month, d.day) for d in line.yearlydeadlines.all()],
        call_rounds=[s.CallRoundOut(label=c.label, opens_on=c.opens_on, closes_on=c.closes_on) for c in line.callrounds.all()],
        lead_time_months=line.lead_time_months,
        lead_time_reference=line.lead_time_reference,
        activity_window=window,
        next_deadline=timing.next_deadline(line, today),
    )


def _figures(line: FundingLine) -> list[s.FigureOut]:
    return [
        s.FigureOut(
            slug=f.slug, title=f.title, unit=f.unit, note=f.note, source=f.source_key or None,
            points=[s.FigurePointOut(label=p.label, value=p.value, at_least=p.at_least, computed=p.computed)
                    for p in f.points.all()],
        )
        for f in line.figures.all()
    ]


def _contact_details(contact: howto.ContactDetails) -> s.ContactDetailsOut:
    return s.ContactDetailsOut(name=contact.name, partner=contact.partner_id or None, email=contact.email,
                               phone=contact.phone, address=contact.address, website=contact.website)


def _how_to_apply(line: FundingLine) -> s.HowToApplyOut:
    how = howto.how_to_apply(line)
    return s.HowToApplyOut(
        channel=how.channel, channel_note=how.unknown_sentence, url=how.url, email=how.email, prepare=how.prepare,
        decides=how.decides, decision_timing=how.decision_timing, contact=_contact_details(how.contact),
        source=how.source.key if how.source else None,
    )


def funding_detail(line: FundingLine, today: dt.date | None = None) -> s.FundingDetail:
    today = today or timezone.localdate()
    return s.FundingDetail(
        id=line.id, title=line.title, summary=line.summary, description=line.description,
        url=funding_page(line),
        administrator=s.AdministratorRef(id=_administrator_id(line), name=line.administrator.name),
        related_partners=_ids(line.related_partners),
        level=line.level, status=line.status, status_reason=line.status_reason, status_as_of=line.status_as_of,
        themes=_ids(line.themes), applicant_types=_ids(line.applicant_types),
        applicant_types_to_verify=_ids(line.applicant_types_to_verify),
        territory=s.Ref(id=line.territory_id, name=line.territory.name),
        territory_basis=line.territory_basis,
        required_municipality_flags=list(line.required_municipality_flags),
        financial=s.FinancialOut(
            cost_share_pct=line.cost_share_pct, max_amount=line.max_amount,
            total_budget=line.total_budget, budget_period=line.budget_period,
        ),
        max_duration_months=line.max_duration_months,
        timing=_timing(line, today),
        limits=[
            s.LimitOut(max_count=x.max_count, scope=x.scope, text=x.text, source=x.source_key or None)
            for x in line.applicationlimits.all()
        ],
        conditions=[s.ConditionOut(text=c.text, kind=c.kind, as_of=c.as_of, source=c.source_key or None) for c in line.conditions.all()],
        examples=[
            s.ExampleOut(
                title=e.title, description=e.description, beneficiary=e.beneficiary, municipality=e.municipality_id,
                amount=e.amount, year=e.year, source=e.source_key or None,
            )
            for e in line.fundedexamples.all()
        ],
        figures=_figures(line),
        contact=s.ContactOut(name=line.contact_name, email=line.contact_email, url=line.contact_url,
                             phone=line.contact_phone, address=line.contact_address),
        how_to_apply=_how_to_apply(line),
        sources=_sources(line),
        field_sources=line.field_sources, to_verify=line.to_verify, verified_on=line.verified_on,
        provenance=_provenance(line),
        data_changed_on=line_changed_on(line),
    )


# ---------------------------------------------------------------- partners


def partner_item(partner: Partner) -> s.PartnerItem:
    return s.PartnerItem(
        id=partner.id, name=partner.name, kind=partner.kind, summary=partner.summary, themes=_ids(partner.themes),
        territory=partner.territory_id, website=partner.website, email=partner.email, url=partner_page(partner),
    )


def partner_detail(partner: Partner) -> s.PartnerDetail:
    return s.PartnerDetail(
        id=partner.id, name=partner.name, kind=partner.kind, summary=partner.summary, description=partner.description,
        website=partner.website, email=partner.email, phone=partner.phone, address=partner.address,
        url=partner_page(partner), themes=_ids(partner.themes),
        territory=s.Ref(id=partner.territory_id, name=partner.territory.name),
        services=[
            s.ServiceOut(title=x.title, description=x.description, themes=_ids(x.themes), audiences=_ids(x.audiences))
            for x in partner.services.all()
        ],
        administers=sorted(_ids(partner.administered_lines)),
        related_lines=sorted(_ids(partner.related_lines)),
        sources=_sources(partner),
        field_sources=partner.field_sources, to_verify=partner.to_verify, verified_on=partner.verified_on,
        data_changed_on=partner_changed_on(partner),
    )


# ---------------------------------------------------------------- municipalities


def municipality_detail(municipality: Municipality) -> s.MunicipalityDetail:
    # What applies to a merged municipality is what applies to the one it became.
    current = municipality.merged_into or municipality
    return s.MunicipalityDetail(
        nis_code=municipality.nis_code, name_nl=municipality.name_nl, name_fr=municipality.name_fr,
        arrondissement=municipality.arrondissement, province=municipality.province, region=municipality.region,
        uri=municipality.uri, url=reverse("catalogue:municipality", kwargs={"slug": municipality.slug}),
        in_vlaamse_rand=municipality.in_vlaamse_rand,
        facility_municipality=municipality.facility_municipality,
        wies_status=municipality.wies_status, wies_note=municipality.wies_note,
        merged_into=municipality.merged_into_id, merged_on=municipality.merged_on,
        nis_code_to_verify=municipality.nis_code_to_verify,
        territories=sorted(_ids(current.territories)),
        funding=sorted(search.filter_funding(municipality=municipality).values_list("id", flat=True)),
        partners=sorted(search.filter_partners(municipality=municipality).values_list("id", flat=True)),
    )
