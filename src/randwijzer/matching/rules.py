"""The eligibility engine: one set of rules, read from each line's structured facts.

Every rule returns `pass`, `fail` or `unknown` with a Dutch explanation, or None when it
does not concern the line. No rule knows any funding line by name.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from randwijzer.catalogue import timing
from randwijzer.catalogue.timing import apply_before, start_after, upcoming_yearly
from randwijzer.text.dutch import format_date_nl as long_date, format_month_day as day_month, join_nl, months_nl as months_word

from .facts import LineFacts, MunicipalityFacts
from .weights import PURPOSE_FIT

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
    condition: str = ""  # the catalogue's own condition text, for a `purpose` or `condition` rule


def applicant_phrase(label: str) -> str:
    """'Vzw' -> 'een vzw', 'Lokaal bestuur' -> 'een lokaal bestuur'."""
    return f"een {label[:1].lower()}{label[1:]}" if label else "deze aanvrager"


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


def dated(text: str, year: str) -> str:
    """A statement about one moment says when, as the line's page does: "Stand van zaken 2024: …"
    (in a sentence, the statement goes on in lower case after the colon)."""
    return f"Stand van zaken {year}: {_lower_first(text)}" if year and text else text


def status_rule(line: LineFacts, req: MatchRequest) -> RuleResult:
    reason = dated(line.status_reason, line.status_as_of)
    if line.status == "afgesloten":
        return RuleResult("status", FAIL, f"Deze steunmaatregel is afgesloten. {reason}".strip())
    if line.status == "onzeker":
        return RuleResult("status", UNKNOWN, f"Of deze steunmaatregel nog loopt, is onzeker. {reason}".strip())
    return RuleResult("status", PASS, "Deze steunmaatregel loopt.")


def applicant_rule(line: LineFacts, req: MatchRequest) -> RuleResult:
    if not req.applicant_type:
        return RuleResult("applicant_type", UNKNOWN, "Zeg wie aanvraagt, dan kijken we na of die mag aanvragen.")
    who = applicant_phrase(req.applicant_labels.get(req.applicant_type, req.applicant_type))
    if req.applicant_type in line.applicant_types:
        return RuleResult("applicant_type", PASS, f"{who[:1].upper()}{who[1:]} mag aanvragen.")
    if req.applicant_type in line.applicant_types_to_verify:
        reason = line.to_verify.get("applicant_types", "")
        return RuleResult("applicant_type", UNKNOWN, f"Of {who} mag aanvragen, is niet bevestigd. {reason}".strip())
    allowed = join_nl(applicant_phrase(req.applicant_labels.get(a, a)) for a in sorted(line.applicant_types)) or "niet bekend"
    return RuleResult("applicant_type", FAIL, f"{who[:1].upper()}{who[1:]} kan dit niet aanvragen; wel {allowed}.")


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


def window_rule(line: LineFacts, req: MatchRequest) -> RuleResult | None:
    if line.window is None:
        return None
    (sm, sd), (em, ed) = line.window
    period = f"de periode van {day_month(sm, sd)} tot {day_month(em, ed)}"
    if req.start is None:
        return RuleResult("activity_window", UNKNOWN, f"Zeg wanneer de activiteit plaatsvindt: die moet vallen in {period}.")
    if timing.in_window(line.window, req.start, req.end or req.start):
        return RuleResult("activity_window", PASS, f"De activiteit valt binnen {period}.")
    return RuleResult("activity_window", FAIL, f"De activiteit valt buiten {period}.")


def timing_rule(line: LineFacts, req: MatchRequest) -> RuleResult:
    """Can the applicant still apply in time? Reads rounds, calls and the lead time."""
    lead = line.lead_time_months
    before = "de activiteit" if line.lead_time_reference == "activity" else "de start van het project"
    if line.submission_mode == "rounds":
        nxt = upcoming_yearly(line.yearly_deadlines, req.reference)[0]
        if req.start is None:
            # Not a doubt about the project: an instruction that holds for any start date.
            extra = f" Het project mag dan ten vroegste op {long_date(start_after(nxt, lead))} starten." if lead else ""
            return RuleResult("timing", PASS, f"Dien in ten laatste op {long_date(nxt)}, de eerstvolgende indiendatum.{extra}")
        best = _last_round_for(line, req)
        if best:
            return RuleResult("timing", PASS, f"Dien in ten laatste op {long_date(best)}; het project kan dan op {long_date(req.start)} starten.")
        earliest = start_after(nxt, lead)
        return RuleResult("timing", FAIL, f"Met de eerstvolgende indiendatum ({long_date(nxt)}) kan het project ten vroegste op {long_date(earliest)} starten, niet op {long_date(req.start)}.")
    if line.submission_mode == "call":
        open_calls = [c for c in line.call_rounds if c.closes_on >= req.reference]
        if open_calls:
            call = min(open_calls, key=lambda c: c.closes_on)
            if call.opens_on and call.opens_on > req.reference:
                return RuleResult("timing", PASS, f"{call.label}: u kunt indienen van {long_date(call.opens_on)} "
                                                  f"tot en met {long_date(call.closes_on)}.")
            return RuleResult("timing", PASS, f"{call.label}: u kunt indienen tot en met {long_date(call.closes_on)}.")
        last = max(line.call_rounds, key=lambda c: c.closes_on, default=None)
        tail = f" De laatste sloot op {long_date(last.closes_on)}." if last else ""
        return RuleResult("timing", UNKNOWN, f"Er is geen lopende oproep bekend.{tail}")
    if line.submission_mode == "continuous":
        if not lead:
            return RuleResult("timing", PASS, "U kunt het hele jaar door aanvragen.")
        if req.start is None and line.window is None:
            # Not a doubt about the project: an instruction that holds for any start date.
            first = start_after(req.reference, lead)
            return RuleResult("timing", PASS, f"U kunt het hele jaar door aanvragen, ten laatste {months_word(lead)} voor {before}: "
                                              f"wie vandaag aanvraagt, kan ten vroegste op {long_date(first)} starten.")
        if req.start is None:
            hint = f"U kunt het hele jaar door aanvragen, ten laatste {months_word(lead)} voor {before}."
            if line.window is not None:
                hint = f"Dien de aanvraag ten laatste {months_word(lead)} voor {before} in."
            ask = "de datum van de activiteit" if line.lead_time_reference == "activity" else "de startdatum"
            return RuleResult("timing", UNKNOWN, f"{hint} Geef {ask} op om dit na te kijken.")
        latest = apply_before(req.start, lead)
        if req.reference <= latest:
            return RuleResult("timing", PASS, f"Dien de aanvraag ten laatste {months_word(lead)} voor {before} in: uiterlijk op {long_date(latest)}.")
        return RuleResult("timing", FAIL, f"De aanvraag moest ten laatste {months_word(lead)} voor {before} binnen zijn: uiterlijk op {long_date(latest)}.")
    reason = line.to_verify.get("submission", "Er is geen indienmoment bekend.")
    return RuleResult("timing", UNKNOWN, reason)


def _last_round_for(line: LineFacts, req: MatchRequest) -> dt.date | None:
    """The last yearly deadline that still lets the project start on its start date."""
    return _last_round(line.yearly_deadlines, line.lead_time_months, req.reference, req.start)


@lru_cache(maxsize=8192)  # the rule and the schedule both ask; lines share their rounds
def _last_round(days: tuple, lead: int | None, reference: dt.date, start: dt.date) -> dt.date | None:
    feasible = [d for d in upcoming_yearly(days, reference) if start_after(d, lead) <= start]
    return feasible[-1] if feasible else None


def duration_rule(line: LineFacts, req: MatchRequest) -> RuleResult | None:
    limit = line.max_duration_months
    if not limit:
        return None
    if req.start is None or req.end is None:
        return RuleResult("duration", UNKNOWN, f"Het project mag hoogstens {months_word(limit)} lopen; geef start- en einddatum op.")
    if req.end <= start_after(req.start, limit):
        return RuleResult("duration", PASS, f"Het project loopt niet langer dan {months_word(limit)}.")
    return RuleResult("duration", FAIL, f"Het project loopt langer dan de toegelaten {months_word(limit)}.")


def purpose_rules(line: LineFacts, req: MatchRequest, relevance: float) -> list[RuleResult]:
    """Does the project serve the aim of the line? Judged from its description, never assumed."""
    said = "Het project sluit aan bij het doel" if relevance >= PURPOSE_FIT else "Ga na of het project past bij het doel"
    outcome = PASS if relevance >= PURPOSE_FIT else UNKNOWN
    return [RuleResult("purpose", outcome, _about_aim(said, text, line.conditions_as_of.get(text, "")), text)
            for text in line.purposes]


def _about_aim(said: str, text: str, year: str) -> str:
    # A dated aim says its year as the page does: "… bij het doel. Stand van zaken 2024: het project …".
    return f"{said}. {dated(text, year)}" if year else f"{said}: {_lower_first(text)}"


def check_rules(line: LineFacts, req: MatchRequest) -> list[RuleResult]:
    return [RuleResult("condition", UNKNOWN, dated(text, line.conditions_as_of.get(text, "")), text) for text in line.checks]


def _lower_first(text: str) -> str:
    # "Het project moet ..." reads on after a colon as "het project moet ..."; names stay as they are.
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[:1].isupper() and first[1:].islower() else text


def next_deadline(line: LineFacts, req: MatchRequest) -> dt.date | None:
    """The next date by which to apply, given the rounds, calls, lead time and window."""
    if line.submission_mode == "rounds":
        return upcoming_yearly(line.yearly_deadlines, req.reference)[0]
    if line.submission_mode == "call":
        closing = [c.closes_on for c in line.call_rounds if c.closes_on >= req.reference]
        return min(closing, default=None)
    if line.submission_mode != "continuous" or not line.lead_time_months:
        return None
    if req.start is not None:
        latest = apply_before(req.start, line.lead_time_months)
        return latest if latest >= req.reference else None
    if line.window is None:
        return None
    return timing.next_window_deadline(line.window, line.lead_time_months, req.reference)


@dataclass(frozen=True)
class Schedule:
    apply_by: dt.date | None  # the last day to apply for this project, else the next deadline
    earliest_start: dt.date | None  # when only the timing fails: the first start date that works


def schedule(line: LineFacts, req: MatchRequest) -> Schedule:
    lead = line.lead_time_months
    if line.submission_mode == "rounds":
        if req.start is not None:
            best = _last_round_for(line, req)
            if best:
                return Schedule(best, None)
            nxt = upcoming_yearly(line.yearly_deadlines, req.reference)[0]
            return Schedule(nxt, start_after(nxt, lead))
        return Schedule(next_deadline(line, req), None)
    if line.submission_mode == "continuous" and lead and req.start is not None:
        latest = apply_before(req.start, lead)
        if latest >= req.reference:
            return Schedule(latest, None)
        earliest = start_after(req.reference, lead)
        if line.window is None:
            return Schedule(None, earliest)  # no date to meet: the card says from when a start works
        earliest = timing.first_window_day_from(line.window, earliest)
        # Months are counted on the calendar: 30 June - 3 months can fall before 31 March itself.
        return Schedule(max(apply_before(earliest, lead), req.reference), earliest)
    return Schedule(next_deadline(line, req), None)


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
