"""Route for the funding plan: the matcher's input plus a required cost, answered with a plan."""
from typing import Literal

from ninja import Field, Router, Schema

from randwijzer.figures.plan import plan_project, plan_to_dict

from .fields import WholeEuros
from .match_schemas import MatchIn
from .schemas import InvalidInputOut

router = Router(tags=["plan"])


class PlanIn(MatchIn):
    cost: WholeEuros = Field(description="Totale kostprijs van het project in hele euro (verplicht, 1 tot 1.000.000.000)")


class PlanLineOut(Schema):
    id: str
    title: str
    eligibility: Literal["eligible", "uncertain"]
    estimated_amount: int | None = Field(description="Geschatte steun in hele euro; null als het aandeel onbekend is")
    share_pct: int | None = Field(description="Deel van de kosten dat de steun dekt, in procent")
    max_amount: int | None = Field(description="Maximum per project in hele euro")
    warnings: list[str] = Field(description="Waarschuwingen in het Nederlands: cofinanciering, bedrag onbekend, onzeker, ...")
    to_check: list[str] = Field(description="Voorwaarden die de aanvrager nog moet nagaan")


class PlanOut(Schema):
    cost: int
    lines: list[PlanLineOut] = Field(description="De steunmaatregelen die in aanmerking komen, dan de onzekere")
    total_estimated_eligible: int = Field(description="Som van de geschatte bedragen die in aanmerking komen")
    total_estimated_with_uncertain: int = Field(description="Idem, met de onzekere steunmaatregelen erbij")
    own_part: int = Field(description="Kostprijs min de geschatte steun die in aanmerking komt, nooit onder 0")
    own_part_with_uncertain: int = Field(description="Eigen deel als ook de onzekere steun toegekend wordt")
    warnings: list[str]


@router.post("", response={200: PlanOut, 422: InvalidInputOut}, summary="Financieringsplan voor een project")
def plan(request, payload: PlanIn):
    """De steunmaatregelen die in aanmerking komen of onzeker zijn, met hun geschatte bedrag, het eigen deel en waarschuwingen."""
    result = plan_project(
        payload.text, payload.municipality, payload.applicant_type, payload.cost,
        reference=payload.date, start=payload.start, end=payload.end,
    )
    return plan_to_dict(result)
