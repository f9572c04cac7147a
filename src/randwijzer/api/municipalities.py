"""Route for one municipality, looked up by NIS code or by (Dutch or French) name."""
from ninja import Router
from ninja.errors import HttpError

from randwijzer.catalogue import places

from . import serializers
from .filters import shown
from .schemas import ErrorOut, MunicipalityDetail

router = Router(tags=["gemeenten"])


@router.get("/{path:nis_code_or_name}", response={200: MunicipalityDetail, 404: ErrorOut}, summary="Eén gemeente")
def get_municipality(request, nis_code_or_name: str):
    """Een fusiegemeente die opging in een andere (bv. Gooik) geeft haar eigen gegevens plus `merged_into`."""
    municipality = places.find_municipality(nis_code_or_name[:200])
    if municipality is None:
        detail = f"Geen gemeente gevonden voor '{shown(nis_code_or_name)}'."
        suggestions = places.suggest_municipalities(nis_code_or_name[:200])
        if suggestions:
            detail += f" Bedoelde u: {', '.join(suggestions)}?"
        raise HttpError(404, detail)
    return serializers.municipality_detail(municipality)
