"""Routes for partners: organisations that help, advise or administer funding."""
from ninja import Query, Router
from ninja.errors import HttpError

from randwijzer.matching import search

from . import lookups, serializers
from randwijzer.catalogue.filters import partner_filters, shown
from .schemas import ErrorOut, InvalidInputOut, PartnerDetail, PartnerFilters, PartnerItem

router = Router(tags=["partners"])


@router.get("", response={200: list[PartnerItem], 422: InvalidInputOut}, summary="Partners zoeken")
def list_partners(request, filters: Query[PartnerFilters]):
    """Alle partners die aan de filters voldoen; met `q` de best passende eerst."""
    found = search.search_partners(
        filters.q or "", **partner_filters(filters.theme, filters.applicant_type, filters.municipality, filters.kind)
    )
    return [serializers.partner_item(p) for p in found]


@router.get("/{path:id}", response={200: PartnerDetail, 404: ErrorOut}, summary="Eén partner")
def get_partner(request, id: str):
    partner = lookups.partner(id)
    if partner is None:
        raise HttpError(404, f"Geen partner met id '{shown(id)}'.")
    return serializers.partner_detail(partner)
