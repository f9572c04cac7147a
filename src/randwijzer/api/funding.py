"""Routes for funding lines: validate the input, call the catalogue's search, wrap the result."""
from ninja import Query, Router
from ninja.decorators import decorate_view
from ninja.errors import HttpError

from randwijzer.catalogue.page_cache import cached_page
from randwijzer.matching import search

from . import lookups, serializers
from randwijzer.catalogue.filters import funding_filters, shown
from .schemas import ErrorOut, FundingDetail, FundingFilters, FundingItem, InvalidInputOut

router = Router(tags=["steunmaatregelen"])


@router.get("", response={200: list[FundingItem], 422: InvalidInputOut}, summary="Steunmaatregelen zoeken")
@decorate_view(cached_page)  # catalogue reads: cached, and 304 when unchanged
def list_funding(request, filters: Query[FundingFilters]):
    """Alle steunmaatregelen die aan de filters voldoen; met `q` de best passende eerst."""
    found = search.search_funding(
        filters.q or "",
        **funding_filters(filters.theme, filters.applicant_type, filters.municipality, filters.status, filters.level),
    )
    return [serializers.funding_item(line) for line in found]


# `path:` so that an id with a slash still gets a JSON 404 instead of Django's HTML page.
@router.get("/{path:id}", response={200: FundingDetail, 404: ErrorOut}, summary="Eén steunmaatregel")
@decorate_view(cached_page)  # catalogue reads: cached, and 304 when unchanged
def get_funding(request, id: str):
    line = lookups.funding_line(id)
    if line is None:
        raise HttpError(404, f"Geen steunmaatregel met id '{shown(id)}'.")
    return serializers.funding_detail(line)
