"""Route for the project matcher: validate the idea, call the matching service, wrap the result."""
from ninja import Router

from randwijzer.matching.service import match_project

from .match_schemas import MatchIn, MatchOut
from randwijzer.matching.serializers import match_to_dict
from .schemas import InvalidInputOut

router = Router(tags=["matcher"])


@router.post("", response={200: MatchOut, 422: InvalidInputOut}, summary="Steun en partners voor een projectidee")
def match(request, payload: MatchIn):
    """Elke steunmaatregel met een oordeel en redenen (in aanmerking, onzeker, niet), en de partners die kunnen helpen."""
    result = match_project(
        payload.text, payload.municipality, payload.applicant_type,
        reference=payload.date, start=payload.start, end=payload.end, cost=payload.cost,
    )
    return match_to_dict(result)
