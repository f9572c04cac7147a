"""Catalogue search: structured filters on the database, then Dutch text ranking in the app.

Ranking happens in Python over stemmed tokens so that SQLite and PostgreSQL give the same
order. Fields weigh differently: a word in the title says more than one in an example.
"""
from collections import Counter

from randwijzer.text.analysis import stems

from .models import FundingLine, Municipality, Partner

FUNDING_WEIGHTS = {"title": 3.0, "summary": 2.0, "themes": 2.0, "description": 1.0, "examples": 0.5}
PARTNER_WEIGHTS = {"name": 3.0, "summary": 2.0, "themes": 2.0, "services": 1.5, "description": 1.0}


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


def text_score(query_stems: list[str], fields: dict[str, str], weights: dict[str, float]) -> float:
    """Weighted share of query terms found; every term found counts once per field."""
    if not query_stems:
        return 0.0
    wanted = Counter(query_stems)
    score = 0.0
    for name, text in fields.items():
        present = set(stems(text))
        score += weights[name] * sum(1 for s in wanted if s in present)
    return score / len(wanted)


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
    query = stems(q)
    if not query:
        return lines
    scored = [(text_score(query, funding_fields(line), FUNDING_WEIGHTS), line) for line in lines]
    return [line for score, line in sorted(scored, key=lambda p: (-p[0], p[1].title)) if score > 0]


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
    query = stems(q)
    if not query:
        return partners
    scored = [(text_score(query, partner_fields(p), PARTNER_WEIGHTS), p) for p in partners]
    return [p for score, p in sorted(scored, key=lambda x: (-x[0], x[1].name)) if score > 0]
