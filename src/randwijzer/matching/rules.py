"""The eligibility engine: one set of rules, read from each line's structured facts.

Every rule returns `pass`, `fail` or `unknown` with a Dutch explanation, or None when it
does not concern the line. No rule knows any funding line by name.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from randwijzer.catalogue.timing import on_day, yearly

from randwijzer.text.dutch import add_months, format_date_nl as long_date, format_month_day as day_month, months_nl as months_word
from .facts import LineFacts, MunicipalityFacts

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"


@dataclass(frozen=True)
class MatchRequest:
    text: str
    municipality: MunicipalityFacts | None
    applicant_type: str | None
    reference: dt.date
    start: dt.date | None = None
    end: dt.date | None = None
    cost: int | None = None
    applicant_labels: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class RuleResult:
    rule: str
    outcome: str
    explanation: str


# Which catalogue fields each rule reads: a field marked "to verify" makes a pass unsure.
RULE_FIELDS = {
    "territory": ("territory", "territory_basis"),
    "activity_window": ("activity_window",),
    "timing": ("submission", "yearly_deadlines", "call_rounds", "lead_time_months", "lead_time_reference"),
    "duration": ("max_duration_months",),
}

FLAG_WORDS = {
    "wies": ("een WIES-gemeente", "geen WIES-gemeente"),
    "in_vlaamse_rand": ("een gemeente van de Vlaamse Rand", "geen gemeente van de Vlaamse Rand"),
    "facility_municipality": ("een faciliteitengemeente", "geen faciliteitengemeente"),
}


def status_rule(line: LineFacts, req: MatchRequest) -> RuleResult:
    if line.status == "afgesloten":
        return RuleResult("status", FAIL, f"Deze steunmaatregel is afgesloten. {line.status_reason}".strip())
    if line.status == "onzeker":
        return RuleResult("status", UNKNOWN, f"Of deze steunmaatregel nog loopt, is onzeker: {line.status_reason}")
    return RuleResult("status", PASS, f"De steunmaatregel loopt ({line.status}).")


def applicant_rule(line: LineFacts, req: MatchRequest) -> RuleResult:
    label = req.applicant_labels.get(req.applicant_type, req.applicant_type or "")
    if not req.applicant_type:
        return RuleResult("applicant_type", UNKNOWN, "Geef op wie aanvraagt om dit te controleren.")
    if req.applicant_type in line.applicant_types:
        return RuleResult("applicant_type", PASS, f"Een aanvrager van het type '{label}' mag aanvragen.")
    if req.applicant_type in line.applicant_types_to_verify:
        reason = line.to_verify.get("applicant_types", "")
        return RuleResult("applicant_type", UNKNOWN, f"Of een aanvrager van het type '{label}' mag aanvragen, is niet bevestigd. {reason}".strip())
    allowed = ", ".join(req.applicant_labels.get(a, a).lower() for a in sorted(line.applicant_types)) or "niet bekend"
    return RuleResult("applicant_type", FAIL, f"Een aanvrager van het type '{label}' kan dit niet aanvragen; wel: {allowed}.")


def territory_rule(line: LineFacts, req: MatchRequest) -> RuleResult:
    place = req.municipality
    if place is None:
        return RuleResult("territory", UNKNOWN, f"Geef de gemeente op: de steun geldt alleen {line.territory_phrase}.")
    prefix = ""
    if place.merged_from:
        prefix = f"{place.merged_from} is sinds {long_date(place.merged_on)} deel van {place.name}. " if place.merged_on else ""
    who = "de aanvrager moet er gevestigd zijn" if line.territory_basis == "seat" else "het project moet er plaatsvinden"
    if place.nis_code in line.territory_members:
        return RuleResult("territory", PASS, f"{prefix}{place.name} ligt {line.territory_phrase}.")
    return RuleResult("territory", FAIL, f"{prefix}{place.name} ligt niet {line.territory_phrase} ({who}).")


def flag_rules(line: LineFacts, req: MatchRequest) -> list[RuleResult]:
    results = []
    for flag in line.required_flags:
        rule = f"municipality_{flag}"
        yes, no = FLAG_WORDS[flag]
        place = req.municipality
        if place is None:
            results.append(RuleResult(rule, UNKNOWN, f"Geef de gemeente op: het moet {yes} zijn."))
            continue
        value = place.wies_status if flag == "wies" else ("yes" if getattr(place, flag) else "no")
        if value == "yes":
            results.append(RuleResult(rule, PASS, f"{place.name} is {yes}."))
        elif value == "no":
            results.append(RuleResult(rule, FAIL, f"{place.name} is {no}."))
        else:
            results.append(RuleResult(rule, UNKNOWN, f"Of {place.name} {yes} is, is niet bevestigd. {place.wies_note}".strip()))
    return results


def _window_in_year(line: LineFacts, year: int) -> tuple[dt.date, dt.date]:
    (sm, sd), (em, ed) = line.window
    end_year = year if (em, ed) >= (sm, sd) else year + 1
    return on_day(year, sm, sd), on_day(end_year, em, ed)


def window_rule(line: LineFacts, req: MatchRequest) -> RuleResult | None:
    if line.window is None:
        return None
    (sm, sd), (em, ed) = line.window
    period = f"de periode van {day_month(sm, sd)} tot {day_month(em, ed)}"
    if req.start is None:
        return RuleResult("activity_window", UNKNOWN, f"Geef de datum van de activiteit op: die moet vallen in {period}.")
    first, last = _window_in_year(line, req.start.year)
    end = req.end or req.start
    if first <= req.start and end <= last:
        return RuleResult("activity_window", PASS, f"De activiteit valt binnen {period}.")
    return RuleResult("activity_window", FAIL, f"De activiteit valt buiten {period}.")


def timing_rule(line: LineFacts, req: MatchRequest) -> RuleResult:
    """Can the applicant still apply in time? Reads rounds, calls and the lead time."""
    lead = line.lead_time_months
    before = "de activiteit" if line.lead_time_reference == "activity" else "de start"
    if line.submission_mode == "rounds":
        deadlines = upcoming_yearly(line.yearly_deadlines, req.reference)
        nxt = deadlines[0]
        if req.start is None:
            extra = f" De activiteiten mogen pas {months_word(lead)} na de aanvraag starten." if lead else ""
            return RuleResult("timing", UNKNOWN, f"De eerstvolgende indiendatum is {long_date(nxt)}.{extra} Geef een startdatum op om dit te controleren.")
        feasible = [d for d in deadlines if add_months(d, lead or 0) <= req.start]
        if feasible:
            best = feasible[-1]
            return RuleResult("timing", PASS, f"Dien in ten laatste op {long_date(best)}; het project kan dan op {long_date(req.start)} starten.")
        earliest = add_months(nxt, lead or 0)
        return RuleResult("timing", FAIL, f"Met de eerstvolgende indiendatum ({long_date(nxt)}) kan het project ten vroegste op {long_date(earliest)} starten, niet op {long_date(req.start)}.")
    if line.submission_mode == "call":
        open_calls = [c for c in line.call_rounds if c.closes_on >= req.reference]
        if open_calls:
            call = min(open_calls, key=lambda c: c.closes_on)
            return RuleResult("timing", PASS, f"{call.label}: indienen tot en met {long_date(call.closes_on)}.")
        last = max(line.call_rounds, key=lambda c: c.closes_on, default=None)
        tail = f" De laatste sloot op {long_date(last.closes_on)}." if last else ""
        return RuleResult("timing", UNKNOWN, f"Er is geen lopende oproep bekend.{tail}")
    if line.submission_mode == "continuous":
        if not lead:
            return RuleResult("timing", PASS, "Aanvragen kan het hele jaar door.")
        if req.start is None:
            return RuleResult("timing", UNKNOWN, f"Aanvragen kan het hele jaar door, ten laatste {months_word(lead)} voor {before}. Geef een startdatum op om dit te controleren.")
        latest = add_months(req.start, -lead)
        if req.reference <= latest:
            return RuleResult("timing", PASS, f"Aanvragen moet ten laatste {months_word(lead)} voor {before}: dat is {long_date(latest)}.")
        return RuleResult("timing", FAIL, f"Aanvragen moet ten laatste {months_word(lead)} voor {before}: dat was {long_date(latest)}.")
    reason = line.to_verify.get("submission", "Er is geen indienmoment bekend.")
    return RuleResult("timing", UNKNOWN, reason)


def duration_rule(line: LineFacts, req: MatchRequest) -> RuleResult | None:
    limit = line.max_duration_months
    if not limit:
        return None
    if req.start is None or req.end is None:
        return RuleResult("duration", UNKNOWN, f"Het project mag hoogstens {months_word(limit)} lopen; geef start- en einddatum op.")
    if req.end <= add_months(req.start, limit):
        return RuleResult("duration", PASS, f"Het project loopt niet langer dan {months_word(limit)}.")
    return RuleResult("duration", FAIL, f"Het project loopt langer dan de toegelaten {months_word(limit)}.")


# Relevance from which a project is taken to serve a line's stated purpose (tuned with make eval).
PURPOSE_FIT = 0.35


def purpose_rules(line: LineFacts, req: MatchRequest, relevance: float) -> list[RuleResult]:
    """Does the project serve the aim of the line? Judged from its description, never assumed."""
    if relevance >= PURPOSE_FIT:
        return [RuleResult("purpose", PASS, f"Het project sluit aan bij het doel: {text}") for text in line.purposes]
    return [RuleResult("purpose", UNKNOWN, f"Ga na of het project past bij het doel: {text}") for text in line.purposes]


def check_rules(line: LineFacts, req: MatchRequest) -> list[RuleResult]:
    return [RuleResult("condition", UNKNOWN, f"Na te gaan: {text}") for text in line.checks]


@lru_cache(maxsize=4096)
def upcoming_yearly(days: tuple[tuple[int, int], ...], reference: dt.date, years: int = 3) -> tuple[dt.date, ...]:
    last = dt.date(reference.year + years, 12, 31)
    return tuple(sorted(date for month, day in days for date in yearly(month, day, reference, last)))


def next_deadline(line: LineFacts, req: MatchRequest) -> dt.date | None:
    """The next date by which to apply, given the rounds, calls, lead time and window."""
    if line.submission_mode == "rounds":
        return upcoming_yearly(line.yearly_deadlines, req.reference)[0]
    if line.submission_mode == "call":
        closing = [c.closes_on for c in line.call_rounds if c.closes_on >= req.reference]
        return min(closing, default=None)
    if line.submission_mode != "continuous" or not line.lead_time_months:
        return None
    lead = line.lead_time_months
    if req.start is not None:
        latest = add_months(req.start, -lead)
        return latest if latest >= req.reference else None
    if line.window is None:
        return None
    for year in range(req.reference.year, req.reference.year + 3):
        first, last = _window_in_year(line, year)
        # Apply in time for an activity on the window's first day, else at least for its last day.
        for day in (first, last):
            if add_months(day, -lead) >= req.reference:
                return add_months(day, -lead)
    return None


def _unsure(line: LineFacts, result: RuleResult) -> RuleResult:
    """A pass that rests on a fact marked 'to verify' is not a pass."""
    if result.outcome != PASS:
        return result
    reasons = [line.to_verify[f] for f in RULE_FIELDS.get(result.rule, ()) if f in line.to_verify]
    if not reasons:
        return result
    return RuleResult(result.rule, UNKNOWN, f"{result.explanation} Te verifiëren: {' '.join(reasons)}")


def evaluate(line: LineFacts, req: MatchRequest, relevance: float = 0.0) -> list[RuleResult]:
    results = [status_rule(line, req), applicant_rule(line, req), territory_rule(line, req)]
    results += flag_rules(line, req)
    results += [r for r in (window_rule(line, req), timing_rule(line, req), duration_rule(line, req)) if r]
    results += purpose_rules(line, req, relevance)
    results += check_rules(line, req)
    return [_unsure(line, r) for r in results]


def verdict(results: list[RuleResult]) -> str:
    outcomes = {r.outcome for r in results}
    if FAIL in outcomes:
        return "ineligible"
    if UNKNOWN in outcomes:
        return "uncertain"
    return "eligible"
