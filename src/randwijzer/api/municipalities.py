"""Route for one municipality, looked up as people write their place (catalogue.places)."""
from ninja import Router, Status
from ninja.decorators import decorate_view

from randwijzer.catalogue.inputs import AmbiguousPlace, InputError, resolve_municipality
from randwijzer.catalogue.page_cache import cached_page

from . import serializers
from .schemas import InvalidInputOut, MunicipalityDetail

router = Router(tags=["gemeenten"])


@router.get("/{path:nis_code_or_name}", response={200: MunicipalityDetail, 404: InvalidInputOut, 409: InvalidInputOut},
            summary="Eén gemeente")
@decorate_view(cached_page)  # catalogue reads: cached, and 304 when unchanged
def get_municipality(request, nis_code_or_name: str):
    """Op NIS-code, postcode, Nederlandse of Franse naam, deelgemeente of een eenduidige korte vorm
    ("Wezembeek"). Een fusiegemeente die opging in een andere (bv. Gooik) geeft haar eigen gegevens
    plus `merged_into`. Onbekend: 404 met `suggestions`. Een postcode of deelgemeente van meer dan
    één gemeente: 409 met die gemeenten als `suggestions`, om uit te kiezen."""
    try:
        municipality = resolve_municipality(nis_code_or_name[:200], "nis_code_or_name")
    except InputError as error:
        status = 409 if isinstance(error, AmbiguousPlace) else 404
        return Status(status, {"detail": error.message, "parameter": error.field, "suggestions": error.suggestions})
    if municipality is None:
        return Status(404, {"detail": "Geef een gemeente op.", "parameter": "nis_code_or_name", "suggestions": []})
    return serializers.municipality_detail(municipality)
