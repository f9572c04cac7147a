"""Routes for Wonen in Eigen Streek: the calculator and the buyer check.

The services raise WiesInputError for bad input (answered 422 in Dutch) and
WiesDataError when the catalogue or data file lacks what they need (503).
"""
from typing import Any, Literal

from ninja import Field, Router, Schema

from randwijzer.wies.buyer import check_buyer
from randwijzer.wies.calculator import calculate
from randwijzer.wies.errors import WiesDataError, WiesInputError

from .fields import STRICT_BODY
from .schemas import ErrorOut, InvalidInputOut

router = Router(tags=["wies"])


class CalculateIn(Schema):
    model_config = STRICT_BODY

    municipality: Any = Field(description="Gemeente: naam (Nederlands of Frans), deelgemeente, postcode of NIS-code")
    units: Any = Field(description="Aantal WIES-woningen of -kavels (geheel getal, minstens 1)")
    land_share: Any = Field(description="Grondaandeel per woning of kavel, in hele euro")
    contribution_pct: Any = Field(description="Tussenkomst van de gemeente in % van het grondaandeel, 50 tot 100")


class CalculateOut(Schema):
    municipality: str
    wies_municipality: Literal["yes", "no", "unknown"]
    fund_applies: bool
    municipal_contribution: int = Field(description="Hele euro")
    fund_share: int = Field(description="Hele euro; 0 als het WIES-fonds niet van toepassing is")
    municipality_net: int = Field(description="Hele euro")
    steps: list[str] = Field(description="Elke stap van de berekening in het Nederlands, met de bron")


class BuyerIn(Schema):
    model_config = STRICT_BODY

    years_lived: Any = Field(description="Opeenvolgende jaren gewoond in de gemeente of een buurgemeente, van de laatste 10 (0 tot 10)")
    owns_other_property: Any = Field(description="Bezit het huishouden ander vastgoed? true of false")
    household_type: Any = Field(description="single of couple")
    income: Any = Field(description="Inkomen van het huishouden, in hele euro")


class SourceOut(Schema):
    title: str
    url: str


class CriterionOut(Schema):
    criterion: Literal["local_ties", "no_other_property", "income", "residence"]
    outcome: Literal["pass", "fail", "unknown", "info"]
    explanation: str
    year: int = Field(description="Het jaar van de bedragen")
    verified_on: str = Field(description="Wanneer de bron is nagekeken, JJJJ-MM-DD")
    sources: list[SourceOut]


class BuyerOut(Schema):
    verdict: Literal["meets", "does_not_meet", "uncertain"]
    summary: str
    criteria: list[CriterionOut]
    notes: list[str]


@router.post("/calculate", response={200: CalculateOut, 422: InvalidInputOut, 503: ErrorOut}, summary="WIES-rekenhulp")
def calculate_route(request, payload: CalculateIn):
    """De gemeentelijke tussenkomst in het grondaandeel, het deel van het WIES-fonds en de nettokost, stap voor stap."""
    return calculate(payload.municipality, payload.units, payload.land_share, payload.contribution_pct).to_dict()


@router.post("/buyer-check", response={200: BuyerOut, 422: InvalidInputOut, 503: ErrorOut}, summary="Voorwaarden van een WIES-koper")
def buyer_check_route(request, payload: BuyerIn):
    """Per voorwaarde voldaan, niet voldaan, na te gaan of ter info, met de bedragen van hun jaar en hun bron."""
    return check_buyer(payload.years_lived, payload.owns_other_property, payload.household_type, payload.income).to_dict()


def invalid_input(api, request, exc: WiesInputError):
    body = {"detail": exc.message, "parameter": exc.field, "suggestions": exc.suggestions}
    return api.create_response(request, body, status=422)


def data_missing(api, request, exc: WiesDataError):
    return api.create_response(request, {"detail": str(exc)}, status=503)


def register_errors(api) -> None:
    """Called by api.py: the Dutch answers to the WIES services' errors."""
    api.add_exception_handler(WiesInputError, lambda request, exc: invalid_input(api, request, exc))
    api.add_exception_handler(WiesDataError, lambda request, exc: data_missing(api, request, exc))
