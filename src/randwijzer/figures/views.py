"""Pages: /cijfers/ (every figure as a chart), /inspiratie/ (funded examples) and /plan/ (funding plan).

Views are thin: parse the request, call a service, render.
"""
from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse

from randwijzer.catalogue.page_cache import cached_page
from randwijzer.matching.forms import municipality_names
from randwijzer.matching.service import MatchInputError
from randwijzer.matching.views import error_summary

from . import examples, forms, services
from .plan import plan_project


@cached_page
def figures_page(request):
    return render(request, "figures/figures.html", {"lines": services.lines_with_figures()})


@cached_page
def inspiration_page(request):
    filters = forms.parse_example_filters(request.GET)
    found = examples.search_examples(filters.q, line=filters.line, municipality=filters.municipality)
    context = {
        "filters": filters,
        "examples": found,
        "line_choices": forms.line_choices(),
        "municipality_choices": forms.municipality_choices(),
        "total": examples.all_examples().count(),
    }
    return render(request, "figures/inspiration.html", context, status=400 if filters.problems else 200)


def suggestion_links(request, error: MatchInputError) -> list[dict]:
    """'Bedoelde u ...?' as links that ask for the same plan with the suggestion filled in."""
    links = []
    for value in error.suggestions:
        params = request.GET.copy()
        params[error.field] = value
        links.append({"label": value, "url": f"{reverse('figures:plan')}?{params.urlencode()}#plan"})
    return links


def plan_page(request):
    # Without a cost field the link came from the Projectwijzer's answer: fill in the form, ask for the cost.
    bound = "cost" in request.GET
    prefill = {name: request.GET[name][:500] for name in forms.PlanForm.base_fields if request.GET.get(name)}
    form = forms.PlanForm(request.GET) if bound else forms.PlanForm(initial=prefill)
    plan, suggestions, suggestions_for, match_url = None, [], "", ""
    if form.is_bound and form.is_valid():
        try:
            plan = plan_project(**form.service_args())
        except MatchInputError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            suggestions, suggestions_for = suggestion_links(request, error), error.field
        else:
            match_url = f"{reverse('matching:match')}?{urlencode(form.permalink_params())}#antwoord"
    context = {
        "form": form,
        "plan": plan,
        "match_url": match_url,
        "suggestions": suggestions,
        "suggestions_for": suggestions_for,
        "error_summary": error_summary(form),
        "municipality_names": municipality_names(),
        "more_options_open": form.more_options_open(),
    }
    return render(request, "figures/plan.html", context)
