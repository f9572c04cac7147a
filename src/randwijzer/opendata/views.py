"""Open-data routes: thin; the mapping lives in one module per standard."""
from __future__ import annotations

import re

from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from randwijzer.catalogue.models import FundingLine, Partner
from randwijzer.catalogue.page_cache import cached_page
from randwijzer.deadlines.services import today

from . import commongrants, cpsv, dcat, distributions, negotiation, oslo
from .serialise import BY_MEDIA_TYPE, MEDIA_TYPES, serialise

MAX_PAGE_SIZE = 100
MAX_PAGE = 2_147_483_647  # the protocol's own upper bound
WHOLE_NUMBER = re.compile(r"\d{1,10}")
JSON = "application/json"


def accepted(request) -> str:
    """What the cached page also depends on: the format the Accept header asks for."""
    return request.headers.get("Accept", "")


def not_acceptable(offered: list[str]) -> JsonResponse:
    return JsonResponse({"detail": "Dit formaat kunnen we niet leveren. U kunt kiezen uit: " + ", ".join(offered) + ".",
                         "supported": offered}, status=406)


def document(graph, suffix: str) -> HttpResponse:
    body, content_type = serialise(graph, suffix)
    response = HttpResponse(body, content_type=content_type)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def negotiated(request, build):
    """Turtle or JSON-LD as the Accept header prefers; 406 for anything else."""
    chosen = negotiation.choose(request.headers.get("Accept"), MEDIA_TYPES)
    if chosen is None:
        return not_acceptable(MEDIA_TYPES)
    response = document(build(), BY_MEDIA_TYPE[chosen])
    response["Vary"] = "Accept"
    return response


@require_safe
@cached_page(depends_on=accepted)
def index(request):
    changes = dcat.modified()
    datasets = [(dataset, distributions.of(dataset), changes[dataset.records] and timezone.localdate(changes[dataset.records]))
                for dataset in distributions.DATASETS]
    return render(request, "opendata/index.html", {
        "datasets": datasets, "licence_url": distributions.LICENCE_URL, "licence_name": distributions.LICENCE_NAME,
    })


@require_safe
@cached_page(depends_on=accepted)
def subsidies(request, suffix: str | None = None):
    def build():
        return oslo.graph(today())
    return document(build(), suffix) if suffix else negotiated(request, build)


@require_safe
@cached_page(depends_on=accepted)
def subsidy(request, pk: str, suffix: str):
    line = get_object_or_404(FundingLine, pk=pk)
    return document(oslo.graph(today(), line.pk), suffix)


@require_safe
@cached_page(depends_on=accepted)
def partners(request, suffix: str | None = None):
    return document(cpsv.graph(), suffix) if suffix else negotiated(request, cpsv.graph)


@require_safe
@cached_page(depends_on=accepted)
def catalogue(request):
    return document(dcat.graph(), "ttl")


@require_safe
def line_identity(request, pk: str):
    """A line's persistent IRI answers with its page (303: the IRI names the measure, not a page)."""
    line = get_object_or_404(FundingLine, pk=pk)
    return HttpResponseRedirect(reverse("catalogue:funding", args=[line.pk]), status=303)


@require_safe
def partner_identity(request, pk: str):
    partner = get_object_or_404(Partner, pk=pk)
    return HttpResponseRedirect(reverse("catalogue:partner", args=[partner.pk]), status=303)


# ---------------------------------------------------------------- CommonGrants


def grants_error(status: int, message: str, field: str | None = None) -> JsonResponse:
    errors = [{"field": field, "message": message}] if field else []
    return JsonResponse({"status": status, "message": message, "errors": errors}, status=status)


def grants_not_acceptable() -> JsonResponse:
    """406 in the protocol's own error shape: a CommonGrants client reads `status`, `message`, `errors`."""
    message = f"Dit formaat kunnen we niet leveren. U kunt kiezen uit: {JSON}."
    return grants_error(406, message, "Accept")


class BadParameter(ValueError):
    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name


def whole_number(request, name: str, default: int, largest: int) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not WHOLE_NUMBER.fullmatch(raw.strip()) or not 1 <= int(raw) <= largest:
        raise BadParameter(name, f"Ongeldige waarde '{raw[:40]}' voor {name}: geef een geheel getal van 1 tot en met {largest}.")
    return int(raw)


@require_safe
@cached_page(depends_on=accepted)
def opportunities(request):
    if negotiation.choose(request.headers.get("Accept"), [JSON]) is None:
        return grants_not_acceptable()
    try:
        page = whole_number(request, "page", 1, MAX_PAGE)
        page_size = whole_number(request, "pageSize", MAX_PAGE_SIZE, MAX_PAGE_SIZE)
    except BadParameter as error:
        return grants_error(400, str(error), error.name)
    items = commongrants.opportunities(today())
    total_pages = max(1, -(-len(items) // page_size))
    if page > total_pages:
        return grants_error(404, f"Pagina {page} bestaat niet: er zijn {total_pages} pagina's van {page_size}.", "page")
    return JsonResponse({
        "status": 200, "message": "Gelukt",
        "items": items[(page - 1) * page_size: page * page_size],
        "paginationInfo": {"page": page, "pageSize": page_size, "totalItems": len(items), "totalPages": total_pages},
    })


@require_safe
@cached_page(depends_on=accepted)
def opportunity(request, opportunity_id: str):
    if negotiation.choose(request.headers.get("Accept"), [JSON]) is None:
        return grants_not_acceptable()
    found = commongrants.find(opportunity_id.lower(), today())
    if found is None:
        return grants_error(404, f"Geen steunmaatregel met id '{opportunity_id[:60]}'.")
    return JsonResponse({"status": 200, "message": "Gelukt", "data": found})

