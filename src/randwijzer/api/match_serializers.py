"""The matcher's answer as plain JSON data: the API returns it, the CLI's --json prints it."""
from randwijzer.matching.service import FundingMatch, MatchResult, PartnerMatch


def match_to_dict(result: MatchResult) -> dict:
    return {
        "funding": [_funding(f) for f in result.funding],
        "partners": [_partner(p) for p in result.partners],
        "notes": list(result.notes),
    }


def _funding(f: FundingMatch) -> dict:
    return {
        "id": f.id,
        "title": f.title,
        "score": f.score,
        "eligibility": f.eligibility,
        "reasons": [{"rule": r.rule, "outcome": r.outcome, "explanation": r.explanation} for r in f.reasons],
        "next_deadline": f.next_deadline.isoformat() if f.next_deadline else None,
        "estimated_amount": f.estimated_amount,
    }


def _partner(p: PartnerMatch) -> dict:
    return {"id": p.id, "name": p.name, "score": p.score, "why": p.why}
