"""The project matcher's page: a GET form (its URL is the answer's permalink) and the answer below it.

The view is thin: validate the form, call match_project, render. The helpers below only
reshape the result for the template (groups, Dutch wording, partner contacts).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse

from randwijzer.catalogue.models import ApplicantType, FundingLine, Partner
from randwijzer.catalogue.presenters import format_date_nl, format_euro
from randwijzer.figures.examples import example_hints

from .forms import MatchForm, municipality_names
from .rules import FAIL, PASS, UNKNOWN
from .service import FundingMatch, MatchInputError, MatchResult, match_project

PARTNERS_SHOWN = 5
OUTCOMES = {
    PASS: ("✓", "voldaan"),
    FAIL: ("✗", "niet voldaan"),
    UNKNOWN: ("?", "na te gaan"),
}


def match_page(request):
    form = MatchForm(request.GET) if any(name in request.GET for name in MatchForm.base_fields) else MatchForm()
    answer, suggestions, suggestions_for = None, [], ""
    if form.is_bound and form.is_valid():
        try:
            result = match_project(**form.service_args())
        except MatchInputError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            suggestions, suggestions_for = suggestion_links(request, error), error.field
        else:
            answer = build_answer(result, form, request)
    context = {
        "form": form,
        "answer": answer,
        "suggestions": suggestions,
        "suggestions_for": suggestions_for,
        "error_summary": error_summary(form),
        "municipality_names": municipality_names(),
        "more_options_open": form.more_options_open(),
    }
    return render(request, "matching/match.html", context)


# ---------------------------------------------------------------- errors


def error_summary(form: MatchForm) -> list[dict]:
    """One line per problem, linking to its field (non-field problems have no link)."""
    if not form.is_bound:
        return []
    items = [{"message": message, "href": ""} for message in form.non_field_errors()]
    for name in form.fields:
        for message in form[name].errors:
            items.append({"message": message, "href": f"#{form[name].auto_id}"})
    return items


def suggestion_links(request, error: MatchInputError) -> list[dict]:
    """'Bedoelde u ...?' as links that ask the same question with the suggestion filled in."""
    labels = dict(ApplicantType.objects.values_list("id", "label")) if error.field == "applicant_type" else {}
    links = []
    for value in error.suggestions:
        params = request.GET.copy()
        params[error.field] = value
        links.append({"label": labels.get(value, value), "url": f"{reverse('matching:match')}?{params.urlencode()}#antwoord"})
    return links


# ---------------------------------------------------------------- the answer


@dataclass
class Reason:
    outcome: str
    mark: str
    said: str
    text: str


@dataclass
class LineCard:
    id: str
    title: str
    deadline: object
    deadline_text: str
    amount_text: str
    reasons: list[Reason] = field(default_factory=list)
    example: object = None  # a funded example of the line ("Zo deed Dilbeek het: ..."), see add_examples


def reason(result) -> Reason:
    mark, said = OUTCOMES.get(result.outcome, ("?", "na te gaan"))
    text = result.explanation
    if result.outcome == UNKNOWN and text.lower().startswith("na te gaan:"):
        text = text[len("na te gaan:"):].strip()  # the page already says "Na te gaan"
    return Reason(result.outcome, mark, said, text)


def deadline_text(match: FundingMatch, submission_mode: str) -> str:
    if match.next_deadline:
        return format_date_nl(match.next_deadline)
    if submission_mode == "continuous":
        return "het hele jaar door"
    return "geen datum bekend"


def line_card(match: FundingMatch, modes: dict[str, str], only: tuple[str, ...] | None = None) -> LineCard:
    reasons = [reason(r) for r in match.reasons if only is None or r.outcome in only]
    if match.eligibility == "uncertain":
        reasons.sort(key=lambda r: r.outcome != UNKNOWN)  # what is still to check comes first
    amount = format_euro(match.estimated_amount) if match.estimated_amount else ""
    return LineCard(match.id, match.title, match.next_deadline, deadline_text(match, modes.get(match.id, "")),
                    amount, reasons)


def count_words(n: int, one: str, many: str) -> str:
    return one.format(n=n) if n == 1 else many.format(n=n)


def summary_sentence(eligible: int, uncertain: int, ineligible: int) -> str:
    if not (eligible or uncertain or ineligible):
        return "De catalogus bevat geen steunmaatregelen om mee te vergelijken."
    first = (count_words(eligible, "1 steunmaatregel past", "{n} steunmaatregelen passen") if eligible
             else "Geen steunmaatregel past zeker")
    parts = [first]
    if uncertain:
        parts.append(count_words(uncertain, "1 is onzeker", "{n} zijn onzeker"))
    if ineligible:
        parts.append(count_words(ineligible, "1 komt niet in aanmerking", "{n} komen niet in aanmerking"))
    if len(parts) == 1:
        return parts[0] + "."
    return ", ".join(parts[:-1]) + " en " + parts[-1] + "."


def partner_cards(result: MatchResult) -> list[dict]:
    top = result.partners[:PARTNERS_SHOWN]
    contacts = Partner.objects.in_bulk([p.id for p in top])
    cards = []
    for match in top:
        partner = contacts.get(match.id)
        cards.append({"id": match.id, "name": match.name, "why": match.why,
                      "website": partner.website if partner else "", "email": partner.email if partner else ""})
    return cards


def add_examples(result: MatchResult, cards: list[LineCard]) -> None:
    """One funded example per fitting line, preferring one in the user's municipality."""
    place = result.request.municipality
    hints = example_hints([card.id for card in cards], place.nis_code if place else None)
    for card in cards:
        card.example = hints.get(card.id)


def build_answer(result: MatchResult, form: MatchForm, request) -> dict:
    modes = dict(FundingLine.objects.filter(pk__in=[f.id for f in result.funding]).values_list("id", "submission_mode"))
    groups = {"eligible": [], "uncertain": [], "ineligible": []}
    for match in result.funding:
        groups.setdefault(match.eligibility, [])
        if match.eligibility == "ineligible":
            groups["ineligible"].append(line_card(match, modes, only=(FAIL,)))
        else:
            groups[match.eligibility].append(line_card(match, modes))
    add_examples(result, [*groups["eligible"], *groups["uncertain"]])
    permalink = request.build_absolute_uri(f"{reverse('matching:match')}?{urlencode(form.permalink_params())}")
    return {
        "summary": summary_sentence(len(groups["eligible"]), len(groups["uncertain"]), len(groups["ineligible"])),
        "eligible": groups["eligible"],
        "uncertain": groups["uncertain"],
        "ineligible": groups["ineligible"],
        "partners": partner_cards(result),
        "notes": result.notes,
        "reference": form.reference_date(),
        "permalink": permalink,
    }
