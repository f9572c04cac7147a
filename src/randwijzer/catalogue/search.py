"""Catalogue search: structured filters on the database, then Dutch text ranking in the app.

Ranking uses the matcher's Dutch relevance (stems, compound parts, thesaurus) in Python,
so SQLite and PostgreSQL give the same order.
"""
from .models import FundingLine, Municipality, Partner


def funding_fields(line: FundingLine) -> dict[str, str]:
    return {
        "title": line.title,
        "summary": line.summary,
        "themes": " ".join(t.label for t in line.themes.all()),
        "description": line.description + " " + " ".join(c.text for c in line.conditions.all()),
        "examples": " ".join(f"{e.title} {e.description}" for e in line.fundedexamples.all()),
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


def search_funding(q: str = "", **filters) -> list[FundingLine]:
    """Funding lines matching the filters; with a query, only those that match it, best first."""
    lines = list(filter_funding(**filters))
    if not (q or "").strip():
        return lines
    return _ranked(lines, _matcher().line_relevance(q), lambda line: line.title)


def filter_partners(theme=None, applicant_type=None, municipality: Municipality | None = None, kind=None):
    partners = Partner.objects.select_related("territory").prefetch_related("themes", "services__themes", "services__audiences", "sources")
    if theme:
        partners = partners.filter(themes__id=theme)
    if applicant_type:
        partners = partners.filter(services__audiences__id=applicant_type)
    if municipality is not None:
        partners = partners.filter(territory__municipalities=municipality.merged_into or municipality)
    if kind:
        partners = partners.filter(kind=kind)
    return partners.distinct()


def search_partners(q: str = "", **filters) -> list[Partner]:
    partners = list(filter_partners(**filters))
    if not (q or "").strip():
        return partners
    return _ranked(partners, _matcher().partner_relevance(q), lambda p: p.name)


# A hit scoring below this share of the best one only shares a common word with the query.
RELATIVE_CUTOFF = 0.25


def _ranked(entries: list, scores: dict[str, float], name) -> list:
    best = max((scores.get(e.id, 0.0) for e in entries), default=0.0)
    kept = [e for e in entries if best and scores.get(e.id, 0.0) >= RELATIVE_CUTOFF * best]
    return sorted(kept, key=lambda e: (-scores[e.id], name(e)))


def _matcher():
    # Imported here: the matcher is built from this module's field texts.
    from randwijzer.matching.service import get_matcher

    return get_matcher()
