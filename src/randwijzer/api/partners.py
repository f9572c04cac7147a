"""Routes for partners: organisations that help, advise or administer funding."""
from ninja import Query, Router
from ninja.decorators import decorate_view
from ninja.errors import HttpError

from randwijzer.catalogue.page_cache import cached_page
from randwijzer.matching import search

from . import lookups, serializers
from randwijzer.catalogue.filters import partner_filters, shown
from .schemas import ErrorOut, InvalidInputOut, PartnerDetail, PartnerFilters, PartnerItem

router = Router(tags=["partners"])


@router.get("", response={200: list[PartnerItem], 422: InvalidInputOut}, summary="Partners zoeken")
@decorate_view(cached_page)  # catalogue reads: cached, and 304 when unchanged
def list_partners(request, filters: Query[PartnerFilters]):
    """Alle partners die aan de filters voldoen; met `q` de best passende eerst."""
    found = search.search_partners(
        filters.q or "", **partner_filters(filters.theme, filters.applicant_type, filters.municipality, filters.kind)
    )
    return [serializers.partner_item(p) for p in found]


@router.get("/{path:id}", response={200: PartnerDetail, 404: ErrorOut}, summary="Eén partner")
@decorate_view(cached_page)  # catalogue reads: cached, and 304 when unchanged
def get_partner(request, id: str):
    partner = lookups.partner(id)
    if partner is None:
        raise HttpError(404, f"Geen partner met id '{shown(id)}'.")
    return serializers.partner_detail(partner)
