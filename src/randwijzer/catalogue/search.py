"""The catalogue's searchable texts and structured filters on the database.

Ranking by text is the matcher's (randwijzer.matching.search): this module stays at the bottom.
"""
from .audiences import member_ids
from .models import PLACEHOLDER_PARTNERS, FundingLine, Municipality, Partner


def funding_fields(line: FundingLine) -> dict[str, str]:
    return {
        "title": line.title,
        "summary": line.summary,
        "themes": " ".join(t.label for t in line.themes.all()),
        "description": line.description + " " + " ".join(c.text for c in line.conditions.all()),
        "examples": " ".join(f"{e.title} {e.description}" for e in line.fundedexamples.all()),
    }


def service_fields(service) -> dict[str, str]:
    return {
        "title": service.title,
        "description": service.description,
        "themes": " ".join(t.label for t in service.themes.all()),
    }


def partner_fields(partner: Partner) -> dict[str, str]:
    return {
        "name": partner.name,
        "summary": partner.summary,
        "themes": " ".join(t.label for t in partner.themes.all()),
        "services": " ".join(f"{s.title} {s.description}" for s in partner.services.all()),
        "description": partner.description,
    }


def filter_funding(theme=None, applicant_type=None, municipality: Municipality | None = None, status=None, level=None):
    lines = FundingLine.objects.with_details()
    if theme:
        lines = lines.with_theme(theme)
    if applicant_type:
        lines = lines.for_applicant_type(applicant_type)
    if municipality is not None:
        lines = lines.for_municipality(municipality)
    if status:
        lines = lines.with_status(status)
    if level:
        lines = lines.filter(level=level)
    return lines.distinct()


def filter_partners(theme=None, applicant_type=None, municipality: Municipality | None = None, kind=None):
    partners = Partner.objects.exclude(pk__in=PLACEHOLDER_PARTNERS).select_related("territory").prefetch_related("themes", "services__themes", "services__audiences", "sources")
    if theme:
        partners = partners.filter(themes__id=theme)
    if applicant_type:
        partners = partners.filter(services__audiences__id__in=member_ids(applicant_type))
    if municipality is not None:
        partners = partners.filter(territory__municipalities=municipality.merged_into or municipality)
    if kind:
        partners = partners.filter(kind=kind)
    return partners.distinct()
