"""The project matcher's page: a GET form (its URL is the answer's permalink) and the answer below it.

The view is thin: validate the form, call match_project (once per query and
catalogue version: memo.match_once), render. The helpers below only
reshape the result for the template (groups, Dutch wording, partner contacts).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse

from randwijzer.catalogue import version
from randwijzer.catalogue.page_cache import cached_page
from randwijzer.catalogue.models import ApplicantType, Partner
from randwijzer.figures.examples import example_hints

from .forms import MAX_NAME, MatchForm, municipality_names
from .memo import match_once
from .rules import FAIL, PASS, UNKNOWN
from . import wording
from .service import EXAMPLE_DESCRIPTIONS, GROUPS, FundingMatch, MatchInputError, MatchResult

PARTNERS_SHOWN = 5
OUTCOMES = {
    PASS: ("✓", "voldaan"),
    FAIL: ("✗", "niet voldaan"),
    UNKNOWN: ("?", "na te gaan"),
}


@cached_page
def match_page(request):
    # A link that only fills in the place or the applicant (from a municipality page) shows the form, no answer.
    asked = "text" in request.GET or any(name in request.GET for name in MatchForm.planning_fields)
    form = MatchForm(request.GET) if asked else MatchForm(initial=prefill(request.GET))
    answer, suggestions, suggestions_for = None, [], ""
    if form.is_bound and form.is_valid():
        try:
            result = match_once(version.for_request(request), **form.service_args())
        except MatchInputError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            suggestions, suggestions_for = suggestion_links(request, error), error.field
        else:
            answer = build_answer(result, form, request)
    context = {
        "form": form,
        "answer": answer,
        # The Projectwijzer and the financing plan are one journey: the same question, the plan one step on.
        "plan_url": f"{reverse('figures:plan')}?{urlencode(form.permalink_params())}#plan" if answer else "",
        "suggestions": suggestions,
        "suggestions_for": suggestions_for,
        "error_summary": error_summary(form),
        "municipality_names": municipality_names(),
        "more_options_open": form.more_options_open(),
    }
    return render(request, "matching/match.html", context)


def prefill(params) -> dict:
    return {name: params[name][:MAX_NAME] for name in ("municipality", "applicant_type") if params.get(name)}


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
    group: str
    apply_by: object
    apply_by_text: str
    money_text: str
    estimate_text: str
    earliest_start_text: str
    reasons: list[Reason] = field(default_factory=list)
    example: object = None  # a funded example of the line ("Zo deed Dilbeek het: ..."), see add_examples


def reason(result) -> Reason:
    mark, said = OUTCOMES.get(result.outcome, ("?", "na te gaan"))
    return Reason(result.outcome, mark, said, result.explanation)


# Which reasons a card shows: all for lines one can act on, the failures for the others.
SHOWN_OUTCOMES = {"not_eligible": (FAIL,), "off_topic": ()}


def line_card(match: FundingMatch) -> LineCard:
    only = SHOWN_OUTCOMES.get(match.group)
    reasons = [reason(r) for r in match.reasons if only is None or r.outcome in only]
    if match.group in ("check", "later"):
        reasons.sort(key=lambda r: {FAIL: 0, UNKNOWN: 1}.get(r.outcome, 2))  # what blocks or is still open comes first
    return LineCard(
        match.id, match.title, match.group, match.apply_by, wording.apply_by_sentence(match), wording.money_sentence(match),
        wording.estimate_sentence(match), wording.earliest_start_sentence(match), reasons,
    )


def count_words(n: int, one: str, many: str) -> str:
    return one.format(n=n) if n == 1 else many.format(n=n)


def summary_sentence(counts: dict[str, int]) -> str:
    if not sum(counts.values()):
        return "De catalogus bevat geen steunmaatregelen om mee te vergelijken."
    parts = []
    if counts.get("fits"):
        parts.append(count_words(counts["fits"], "1 steunmaatregel past bij uw project", "{n} steunmaatregelen passen bij uw project"))
    if counts.get("check"):
        parts.append(count_words(counts["check"], "1 kan passen maar is na te gaan", "{n} kunnen passen maar zijn na te gaan"))
    if counts.get("later"):
        parts.append(count_words(counts["later"], "1 past met een latere start", "{n} passen met een latere start"))
    if not parts:
        return "Geen enkele steunmaatregel uit de catalogus past bij uw project."
    sentence = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]
    return sentence[:1].upper() + sentence[1:] + "."


def partner_cards(result: MatchResult) -> list[dict]:
    """The partners with a reason to call them: a fitting service or a fitting line."""
    top = [p for p in result.partners if p.has_reason][:PARTNERS_SHOWN]
    contacts = Partner.objects.in_bulk([p.id for p in top])
    cards = []
    for match in top:
        partner = contacts.get(match.id)
        cards.append({"id": match.id, "name": match.name, "why": match.why, "service": match.service,
                      "website": partner.website if partner else "", "email": partner.email if partner else ""})
    return cards


def add_examples(result: MatchResult, cards: list[LineCard]) -> None:
    """One funded example per fitting line, preferring one in the user's municipality."""
    place = result.request.municipality
    hints = example_hints([card.id for card in cards], place.nis_code if place else None)
    for card in cards:
        card.example = hints.get(card.id)


def correction_link(result: MatchResult, form: MatchForm) -> str:
    """The form filled in with what was read from the text, so one click lets the user correct it."""
    u = result.understood
    params = form.permalink_params()
    if "municipality" in u.from_text and u.municipality:
        params["municipality"] = u.municipality.name
    if "applicant_type" in u.from_text:
        params["applicant_type"] = u.applicant_type
    for name in ("start", "end"):
        if name in u.from_text and getattr(u, name):
            params[name] = getattr(u, name).isoformat()
    if "cost" in u.from_text and u.cost is not None:
        params["cost"] = str(u.cost)
    return f"{reverse('matching:match')}?{urlencode(params)}#id_text"


def example_links(form: MatchForm) -> list[dict]:
    params = form.permalink_params()
    return [{"text": text, "url": f"{reverse('matching:match')}?{urlencode({**params, 'text': text})}#antwoord"}
            for text in EXAMPLE_DESCRIPTIONS]


def build_answer(result: MatchResult, form: MatchForm, request) -> dict:
    groups = {name: [line_card(f) for f in result.in_group(name)] for name in GROUPS}
    add_examples(result, [*groups["fits"], *groups["check"], *groups["later"]])
    permalink = request.build_absolute_uri(f"{reverse('matching:match')}?{urlencode(form.permalink_params())}")
    sections = [{"group": name, "heading": wording.GROUP_HEADINGS[name], "intro": wording.GROUP_INTROS[name],
                 "cards": groups[name], "folded": name in ("not_eligible", "off_topic")} for name in GROUPS]
    recognised = result.hint != "unrecognised"  # gibberish gets the hint, not a ranking
    return {
        "summary": summary_sentence({name: len(cards) for name, cards in groups.items()}) if recognised else "",
        "sections": sections if recognised else [],
        "hint": result.hint,
        "examples": [] if recognised else example_links(form),
        "understood": wording.understood_sentence(result),
        "correction_url": correction_link(result, form) if result.understood.from_text else "",
        "partners": partner_cards(result) if recognised else [],
        "notes": [n for n in result.notes if n != result.hint_note],  # the hint is shown as its own box
        "reference": form.reference_date(),
        "permalink": permalink,
    }
