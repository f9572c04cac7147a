"""The matcher's answer as plain JSON data: the API returns it, the CLI's --json prints it."""
from randwijzer.matching.service import FundingMatch, MatchResult, PartnerMatch, Understood


def match_to_dict(result: MatchResult) -> dict:
    return {
        "understood": _understood(result.understood),
        "text_recognised": result.text_recognised,
        "funding": [_funding(f) for f in result.funding],
        "partners": [_partner(p) for p in result.partners],
        "notes": list(result.notes),
    }


def _day(value):
    return value.isoformat() if value else None


def _understood(u: Understood) -> dict:
    place = {"nis_code": u.municipality.nis_code, "name": u.municipality.name} if u.municipality else None
    return {"municipality": place, "applicant_type": u.applicant_type, "start": _day(u.start), "end": _day(u.end),
            "cost": u.cost, "from_text": list(u.from_text)}


def _funding(f: FundingMatch) -> dict:
    return {
        "id": f.id,
        "title": f.title,
        "score": f.score,
        "eligibility": f.eligibility,
        "reasons": [{"rule": r.rule, "outcome": r.outcome, "explanation": r.explanation} for r in f.reasons],
        "next_deadline": _day(f.next_deadline),
        "estimated_amount": f.estimated_amount,
        "topic": f.topic,
        "group": f.group,
        "max_amount": f.max_amount,
        "share_pct": f.share_pct,
        "apply_by": _day(f.apply_by),
        "days_left": f.days_left,
        "earliest_start": _day(f.earliest_start),
    }


def _partner(p: PartnerMatch) -> dict:
    return {"id": p.id, "name": p.name, "score": p.score, "why": p.why, "service": p.service}
