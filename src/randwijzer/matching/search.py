"""Catalogue search: structured filters on the database, then Dutch text ranking in the app.

Ranking uses the matcher's Dutch relevance (stems, compound parts, thesaurus) in Python,
so SQLite and PostgreSQL give the same order.
"""
from randwijzer.catalogue.models import FundingLine, Partner
from randwijzer.catalogue.search import filter_funding, filter_partners

from .service import get_matcher
from .weights import knob

# A hit scoring below this share of the best one only shares a common word with the query.
RELATIVE_CUTOFF = knob("search_relative_cutoff")


def search_funding(q: str = "", **filters) -> list[FundingLine]:
    """Funding lines matching the filters; with a query, only those that match it, best first."""
    lines = list(filter_funding(**filters))
    if not (q or "").strip():
        return lines
    return _ranked(lines, get_matcher().line_relevance(q), lambda line: line.title)


def search_partners(q: str = "", **filters) -> list[Partner]:
    partners = list(filter_partners(**filters))
    if not (q or "").strip():
        return partners
    return _ranked(partners, get_matcher().partner_relevance(q), lambda p: p.name)


def _ranked(entries: list, scores: dict[str, float], name) -> list:
    best = max((scores.get(e.id, 0.0) for e in entries), default=0.0)
    kept = [e for e in entries if best and scores.get(e.id, 0.0) >= RELATIVE_CUTOFF * best]
    return sorted(kept, key=lambda e: (-scores[e.id], name(e)))
