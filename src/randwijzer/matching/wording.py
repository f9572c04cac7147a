"""The Projectwijzer's answer in Dutch: headings, dates and money, shared by the page and the CLI."""
from __future__ import annotations

from randwijzer.catalogue.models import ShareBase
from randwijzer.text.dutch import format_date_nl, format_euro

from .reading import reading_summary
from .rules import applicant_phrase
from .service import FundingMatch, MatchResult

GROUP_HEADINGS = {
    "fits": "Past bij uw project",
    "check": "Kan passen: na te gaan",
    "later": "Past, maar later",
    "not_eligible": "Komt niet in aanmerking",
    "off_topic": "Past niet bij uw project",
}
GROUP_INTROS = {
    "fits": "Uw project voldoet aan alle voorwaarden die we kunnen nakijken.",
    "check": "Deze steun kan passen, maar niet alles is zeker. Vraag de punten met 'Na te gaan' na bij de beheerder.",
    "later": "Deze steun past, maar niet op de datum van uw project. Met een latere start kan het wel.",
    "not_eligible": "Het onderwerp past, maar een voorwaarde sluit uw aanvraag uit.",
    "off_topic": "Deze steunmaatregelen gaan over iets anders dan uw project.",
}


def days_left_words(days: int | None) -> str:
    if days is None or days < 0:
        return ""
    if days == 0:
        return "vandaag"
    if days == 1:
        return "morgen"
    return f"nog {days} dagen"


def apply_by_sentence(match: FundingMatch) -> str:
    """One date per card: the last day to apply for this project, else the next deadline."""
    if match.apply_by is None:
        # No date: say how timing works for this line (all year, N months ahead), if a rule said so.
        timing = [r.explanation for r in match.reasons if r.rule == "timing" and r.outcome == "pass"]
        return timing[0] if timing else ""
    day = format_date_nl(match.apply_by)
    if match.days_left == 0:
        return f"Dien vandaag nog in: {day} is de laatste dag."
    if match.days_left == 1:
        return f"Dien ten laatste morgen in, op {day}."
    left = days_left_words(match.days_left)
    return f"Dien in ten laatste op {day}" + (f" ({left})." if left else ".")


def money_sentence(match: FundingMatch) -> str:
    """'Tot 80% van de kosten, maximaal € 15.000.' whenever the line says so, with or without a cost."""
    base = "de kosten" if match.share_base == ShareBase.PROJECT_COST else dict(ShareBase.choices).get(match.share_base, "")
    if match.share_pct and match.max_amount:
        return f"Tot {match.share_pct}% van {base}, maximaal {format_euro(match.max_amount)}."
    if match.share_pct:
        return f"Tot {match.share_pct}% van {base}."
    if match.max_amount:
        return f"Maximaal {format_euro(match.max_amount)} per project."
    return ""


def estimate_sentence(match: FundingMatch) -> str:
    return f"Geschatte steun voor uw project: {format_euro(match.estimated_amount)}." if match.estimated_amount else ""


def earliest_start_sentence(match: FundingMatch) -> str:
    if match.earliest_start is None:
        return ""
    return f"Met een start op of na {format_date_nl(match.earliest_start)} kan het wel."


def understood_sentence(result: MatchResult) -> str:
    """'We lazen: activiteit op 11 juli 2027, kostprijs € 3.000.' for what came from the text."""
    u = result.understood
    parts = {}
    if "start" in u.from_text:
        parts["start"], parts["end"] = u.start, u.end
    if "cost" in u.from_text:
        parts["cost"] = u.cost
    if "municipality" in u.from_text and u.municipality:
        parts["municipality"] = u.municipality.name
    if "applicant_type" in u.from_text:
        parts["applicant"] = applicant_phrase(result.request.applicant_labels.get(u.applicant_type, u.applicant_type))
    return reading_summary(parts) if parts else ""
