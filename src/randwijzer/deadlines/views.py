"""The deadlines page and the calendar feeds; thin: parse the GET filters, call the service.

A filter the page cannot apply is left out and said in Dutch (status 400), like the
catalogue list; a feed with a bad filter answers 400 with the reason as plain text, since a
calendar client shows no HTML.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse

from randwijzer.catalogue.filters import InvalidFilter
from randwijzer.catalogue.page_cache import cached_page
from randwijzer.catalogue.inputs import InputError, resolve_municipality
from randwijzer.catalogue.models import ApplicantType, FundingLine, Theme

from . import feeds, services

HORIZONS = (7, 30, 90)
FILTER_NAMES = ("municipality", "applicant_type", "theme")
MAX_TEXT = 100


@dataclass
class PageFilters:
    horizon: int = services.DEFAULT_DAYS
    municipality_text: str = ""
    municipality_typed: str = ""  # shown back in the form, even when not found
    applicant_type: str = ""
    theme: str = ""
    problems: list[str] = field(default_factory=list)
    suggestions: list[dict] = field(default_factory=list)

    def applied(self) -> dict[str, str]:
        values = {"municipality": self.municipality_text, "applicant_type": self.applicant_type, "theme": self.theme}
        return {k: v for k, v in values.items() if v}


def _page_filters(params) -> PageFilters:
    found = PageFilters()
    raw = params.get("horizon", "").strip()
    if raw:
        if raw.isdigit() and int(raw) in HORIZONS:
            found.horizon = int(raw)
        else:
            found.problems.append(f"De periode ‘{raw[:20]}’ kennen we niet: kies 7, 30 of 90 dagen. We tonen de komende 90 dagen.")
    vocab = {"applicant_type": (dict(ApplicantType.objects.values_list("id", "label")), "Het type aanvrager"),
             "theme": (dict(Theme.objects.values_list("id", "label")), "Het thema")}
    for name, (choices, what) in vocab.items():
        value = params.get(name, "").strip()
        if value and value not in choices:
            found.problems.append(f"{what} ‘{value[:60]}’ kennen we niet. Deze filter is niet toegepast; kies een waarde uit de lijst.")
        elif value:
            setattr(found, name, value)
    text = params.get("municipality", "").strip()[:MAX_TEXT]
    found.municipality_typed = text
    try:
        if resolve_municipality(text):
            found.municipality_text = text
    except InputError as error:
        found.problems.append(f"{error.reason} Deze filter is niet toegepast.")
        # "Bedoelde u ...?" as links that keep the other filters.
        kept = found.applied() | ({"horizon": str(found.horizon)} if raw else {})
        found.suggestions = [{"name": name, "url": "?" + urlencode(kept | {"municipality": name})}
                             for name in error.suggestions]
    return found


@cached_page
def deadlines_page(request):
    chosen = _page_filters(request.GET)
    query = services.parse_query(days=chosen.horizon, **chosen.applied())
    applied = chosen.applied()
    items = services.find(query)
    dated = {item.line.pk for item in items}
    context = {
        "filters": chosen,
        "query": query,
        "horizons": HORIZONS,
        "items": items,
        # Open all year and without a date in the list (the feest line has dates: not repeated).
        "continuous": [line for line in services.continuous_lines(query) if line.pk not in dated],
        "themes": Theme.objects.all(),
        "applicant_types": ApplicantType.objects.all(),
        "calendar_url": reverse("deadlines:calendar") + ("?" + urlencode(applied) if applied else ""),
        # Offered only when the feed with these filters holds a date (it looks further than the page).
        "calendar_has_dates": bool(items) or bool(services.find(services.feed_query(**applied))),
    }
    return render(request, "deadlines/deadlines.html", context, status=400 if chosen.problems else 200)


def _ics(cal, filename: str) -> HttpResponse:
    response = HttpResponse(cal.to_ical(), content_type=feeds.CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _page_url(request):
    return lambda item: request.build_absolute_uri(reverse("catalogue:funding", args=[item.line.pk]))


@cached_page
def calendar_feed(request):
    params = {name: request.GET.get(name, "")[:MAX_TEXT] for name in FILTER_NAMES}
    try:
        query = services.feed_query(**params)
    except InvalidFilter as exc:
        return HttpResponseBadRequest(exc.detail, content_type="text/plain; charset=utf-8")
    cal = feeds.calendar(services.find(query), feeds.feed_name(), _page_url(request))
    return _ics(cal, "randwijzer.ics")


@cached_page
def line_calendar(request, pk):
    line = FundingLine.objects.filter(pk=pk).first()
    if line is None:
        raise Http404("Deze steunmaatregel bestaat niet.")
    cal = feeds.calendar(services.line_feed(line.pk), feeds.feed_name(line.title), _page_url(request))
    return _ics(cal, f"{line.pk}.ics")

