"""Dutch wording of catalogue facts: money, dates and the rules of a funding line.

Plain functions over model instances, so the website, the CLI and other pages say the
same thing in the same words. Nothing here touches the request or the templates.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from randwijzer.text.dutch import add_months, format_date_nl, format_euro, format_month_day, format_number, join_nl, months_nl

from .models import FundingLine, LeadTimeReference, Municipality, ShareBase, Source, SubmissionMode, WiesStatus

FLAG_SENTENCES = {
    "wies": "De gemeente moet een WIES-gemeente (Wonen in Eigen Streek) zijn.",
    "in_vlaamse_rand": "De gemeente moet in de Vlaamse Rand liggen.",
    "facility_municipality": "De gemeente moet een faciliteitengemeente zijn.",
}

# Dutch names of the entry fields that `to_verify` and `field_sources` may name.
FIELD_LABELS = {
    "title": "titel", "summary": "samenvatting", "description": "omschrijving", "administrator": "beheerder",
    "related_partners": "verwante partners", "level": "niveau", "status": "status", "status_reason": "reden status",
    "themes": "thema's", "applicant_types": "wie mag aanvragen", "applicant_types_to_verify": "aanvragers te verifiëren",
    "territory": "werkingsgebied", "territory_basis": "gebied geldt voor",
    "required_municipality_flags": "vereiste gemeentekenmerken", "financial": "financiële voorwaarden",
    "cost_share_pct": "aandeel van de kosten", "share_base": "aandeel van", "co_financing": "cofinanciering",
    "max_amount": "maximumbedrag", "total_budget": "totaal budget",
    "budget_period": "budgetperiode", "max_duration_months": "maximale looptijd", "timing": "timing",
    "submission": "indienen", "yearly_deadlines": "indiendata", "call_rounds": "oproepen",
    "lead_time_months": "aanlooptijd", "lead_time_reference": "aanlooptijd", "activity_window": "periode van de activiteit",
    "limits": "beperkingen", "conditions": "voorwaarden", "examples": "voorbeelden", "figures": "cijfers",
    "contact": "contact", "verified_on": "geverifieerd op", "name": "naam", "kind": "soort", "website": "website",
    "email": "e-mail", "services": "diensten", "phone": "telefoon", "address": "adres",
    "how_to_apply": "hoe aanvragen",
}


@dataclass(frozen=True)
class Fact:
    """One rule of a funding line in Dutch, with the source that states it and any doubt."""

    field: str
    text: str
    source: Source | None = None
    to_verify: str = ""


def _fact(line: FundingLine, field: str, text: str, source: Source | None = None, also: tuple[str, ...] = ()) -> Fact:
    """`also`: fields stated in the same sentence, whose doubts belong to it too."""
    doubts = [line.to_verify[f] for f in (field, *also) if line.to_verify.get(f)]
    return Fact(field, text, source or line.source_for(field), " ".join(doubts))


# Said when the catalogue doubts a fact it does not state, so the doubt still has a place.
UNKNOWN_SENTENCES = {
    "cost_share_pct": "Welk deel van de kosten de steun dekt, is niet bekend.",
    "max_amount": "Een maximumbedrag per project is niet bekend.",
    "total_budget": "Het totale budget is niet bekend.",
    "max_duration_months": "Een maximale looptijd is niet bekend.",
    "call_rounds": "Er zijn geen oproepen bekend.",
    "lead_time_months": "Een minimale aanlooptijd is niet bekend.",
    "activity_window": "Een vaste periode voor de activiteit is niet bekend.",
}


def _doubted_unknowns(line: FundingLine, fields, stated: list[Fact]) -> list[Fact]:
    shown = {f.field for f in stated}
    return [Fact(f, UNKNOWN_SENTENCES[f], None, line.to_verify[f]) for f in fields if f not in shown and line.to_verify.get(f)]


def submission_in_dutch(line: FundingLine) -> str:
    if line.submission_mode == SubmissionMode.ROUNDS:
        days = join_nl(format_month_day(d.month, d.day) for d in line.yearlydeadlines.all())
        return f"Indienen kan elk jaar tot een vaste datum: ten laatste op {days}."
    if line.submission_mode == SubmissionMode.CONTINUOUS and line.lead_time_months and line.has_activity_window:
        return window_submission_in_dutch(line)
    if line.submission_mode == SubmissionMode.CONTINUOUS:
        return "Aanvragen kan het hele jaar door."
    if line.submission_mode == SubmissionMode.CALL:
        return "Aanvragen kan alleen binnen een projectoproep."
    return "Er is geen indienmoment bekend."


def window_submission_in_dutch(line: FundingLine) -> str:
    """An activity in a yearly window with a lead time: the two last days to apply, as the date engine
    (timing.lead_time_deadlines_between) computes them; never 'het hele jaar door'."""
    lead = line.lead_time_months
    start = dt.date(2001, line.window_start_month, line.window_start_day)
    end = dt.date(2001, line.window_end_month, line.window_end_day)
    first, last = add_months(start, -lead), add_months(end, -lead)
    return (f"Voor een activiteit tussen {format_month_day(start.month, start.day)} en {format_month_day(end.month, end.day)}: "
            f"vraag aan ten laatste {months_nl(lead)} vooraf, dus uiterlijk {format_month_day(first.month, first.day)} "
            f"voor een activiteit op {format_month_day(start.month, start.day)} en uiterlijk "
            f"{format_month_day(last.month, last.day)} voor een activiteit op {format_month_day(end.month, end.day)}.")


def lead_time_in_dutch(line: FundingLine) -> str:
    if not line.lead_time_months:
        return ""
    before = "de activiteit" if line.lead_time_reference == LeadTimeReference.ACTIVITY else "de start van het project"
    return f"Dien de aanvraag in ten laatste {months_nl(line.lead_time_months)} voor {before}."


def activity_window_in_dutch(line: FundingLine) -> str:
    if not line.has_activity_window:
        return ""
    start = format_month_day(line.window_start_month, line.window_start_day)
    end = format_month_day(line.window_end_month, line.window_end_day)
    return f"De activiteit moet elk jaar plaatsvinden tussen {start} en {end}."


def call_round_in_dutch(call) -> str:
    if call.opens_on:
        return f"{call.label}: indienen van {format_date_nl(call.opens_on)} tot en met {format_date_nl(call.closes_on)}."
    return f"{call.label}: indienen tot en met {format_date_nl(call.closes_on)}."


def timing_facts(line: FundingLine) -> list[Fact]:
    # With fixed dates the dates are the fact: prefer their source over the mode's.
    field = "yearly_deadlines" if "yearly_deadlines" in line.field_sources else "submission"
    facts = [_fact(line, "submission", submission_in_dutch(line), line.source_for(field), also=("yearly_deadlines",))]
    for i, call in enumerate(line.callrounds.all()):
        fact = _fact(line, "call_rounds", call_round_in_dutch(call), call.source)
        # A doubt about the calls is said once, at the first call.
        facts.append(fact if i == 0 else Fact(fact.field, fact.text, fact.source))
    if line.lead_time_months:
        facts.append(_fact(line, "lead_time_months", lead_time_in_dutch(line), also=("lead_time_reference",)))
    if line.has_activity_window:
        facts.append(_fact(line, "activity_window", activity_window_in_dutch(line)))
    return facts + _doubted_unknowns(line, ("call_rounds", "lead_time_months", "activity_window"), facts)


def financial_facts(line: FundingLine) -> list[Fact]:
    facts = []
    if line.cost_share_pct is not None:
        facts.append(_fact(line, "cost_share_pct", share_in_dutch(line), also=("share_base",)))
    if line.co_financing:
        facts.append(_fact(line, "co_financing", "Cofinanciering: een deel van de kosten komt uit eigen of andere middelen."))
    if line.max_amount is not None:
        facts.append(_fact(line, "max_amount", f"Maximaal {format_euro(line.max_amount)} per project."))
    if line.total_budget is not None:
        period = f" voor {line.budget_period}" if line.budget_period else ""
        text = f"Totaal beschikbaar budget{period}: {format_euro(line.total_budget)}."
        facts.append(_fact(line, "total_budget", text, also=("budget_period",)))
    if line.max_duration_months:
        facts.append(_fact(line, "max_duration_months", f"Een project duurt maximaal {months_nl(line.max_duration_months)}."))
    return facts + _doubted_unknowns(line, ("cost_share_pct", "max_amount", "total_budget", "max_duration_months"), facts)


def share_in_dutch(line: FundingLine) -> str:
    """'Tot 80% van de kosten'; a share of something else says what, and that it is not of the cost."""
    if line.share_base == ShareBase.PROJECT_COST:
        return f"De steun dekt tot {line.cost_share_pct}% van de kosten."
    part = "de helft" if line.cost_share_pct == 50 else f"{line.cost_share_pct}%"
    return f"De steun dekt {part} van {line.get_share_base_display()}, niet van de kosten van het project."


def rules_in_dutch(line: FundingLine) -> list[str]:
    """The structured rules of a line as plain Dutch sentences (for pages, CLI and exports)."""
    sentences = [f.text for f in financial_facts(line) + timing_facts(line)]
    sentences += [FLAG_SENTENCES[f] for f in line.required_municipality_flags if f in FLAG_SENTENCES]
    sentences += [limit.text for limit in line.applicationlimits.all()]
    return sentences


def next_deadline_in_dutch(deadline: dt.date | None) -> str:
    return f"Volgende uiterste indiendatum: {format_date_nl(deadline)}." if deadline else ""


def figure_value(point, unit: str) -> str:
    value = format_euro(point.value) if unit == "EUR" else format_number(point.value)
    return f"meer dan {value}" if point.at_least else value


def wies_in_dutch(municipality: Municipality) -> str:
    return {WiesStatus.YES: "ja", WiesStatus.NO: "nee"}.get(municipality.wies_status, "te verifiëren")


def yes_no(value: bool) -> str:
    return "ja" if value else "nee"


FLAG_NAMES = {"wies": "WIES-gemeenten", "in_vlaamse_rand": "gemeenten in de Vlaamse Rand", "facility_municipality": "faciliteitengemeenten"}


def flag_notes(line: FundingLine, municipality: Municipality) -> list[str]:
    """Why a line whose territory covers the municipality may still not apply there."""
    notes = []
    for flag in line.required_municipality_flags:
        who = FLAG_NAMES.get(flag, flag)
        if flag == "wies" and municipality.wies_status == WiesStatus.TO_VERIFY:
            notes.append(f"Niet bevestigd: alleen voor {who}; of {municipality.name_nl} er een is, zeggen de bronnen niet. "
                         f"Vraag het na bij {line.administrator.name}.")
        elif flag == "wies" and municipality.wies_status == WiesStatus.NO or flag != "wies" and not getattr(municipality, flag, True):
            notes.append(f"Niet voor {municipality.name_nl}: alleen voor {who}.")
    return notes


def other_to_verify(entry, shown: set[str]) -> list[tuple[str, str]]:
    """to_verify notes of fields the page does not show next to a fact, with a Dutch label."""
    return [(FIELD_LABELS.get(field, field), reason) for field, reason in entry.to_verify.items() if field not in shown]
