"""Route for deadlines and windows between two dates; the work is in deadlines.services."""
import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view

from randwijzer.catalogue.page_cache import cached_page
from randwijzer.deadlines import services

from .schemas import FILTER, InvalidInputOut

router = Router(tags=["indiendata"])


class DeadlineFilters(Schema):
    # `from` is a Python keyword: the field is named from_ and read as ?from=.
    from_: str | None = Field(None, alias="from", description="Begindatum JJJJ-MM-DD (standaard vandaag)", max_length=20)
    to: str | None = Field(None, description="Einddatum JJJJ-MM-DD (standaard 90 dagen na from; hoogstens 3 jaar na from)", max_length=20)
    municipality: str | None = Field(None, description="Gemeente: naam (Nederlands of Frans), deelgemeente, postcode of NIS-code", **FILTER)
    applicant_type: str | None = Field(None, description="Type aanvrager (id of naam)", **FILTER)
    theme: str | None = Field(None, description="Thema (id of naam)", **FILTER)


class DeadlineOut(Schema):
    funding_id: str
    title: str
    kind: Literal["deadline"] = "deadline"
    date: dt.date = Field(description="Uiterste indiendatum")
    label: str = Field(description="Wat deze datum is, in het Nederlands")
    to_verify: list[str] = Field(description="Waarom de datum onzeker is (leeg als niets te verifiëren is)")


class WindowOut(Schema):
    funding_id: str
    title: str
    kind: Literal["window"] = "window"
    start: dt.date = Field(description="Eerste dag van de periode")
    end: dt.date = Field(description="Laatste dag van de periode (inbegrepen)")
    label: str = Field(description="Wat deze periode is, in het Nederlands")
    to_verify: list[str] = Field(description="Waarom de periode onzeker is (leeg als niets te verifiëren is)")


DateItem = Annotated[DeadlineOut | WindowOut, Field(discriminator="kind")]


def serialize(item: services.Item) -> DeadlineOut | WindowOut:
    common = {"funding_id": item.line.pk, "title": item.line.title, "label": item.label, "to_verify": item.doubts}
    if item.kind == "deadline":
        return DeadlineOut(date=item.start, **common)
    return WindowOut(start=item.start, end=item.end, **common)


@router.get("", response={200: list[DateItem], 422: InvalidInputOut}, summary="Indiendata en periodes")
@decorate_view(cached_page)  # catalogue reads: cached, and 304 when unchanged
def list_deadlines(request, filters: Query[DeadlineFilters]):
    """Uiterste indiendata tussen `from` en `to` (beide inbegrepen) en de periodes die erin vallen of
    ermee overlappen, op datum. Afgesloten steunmaatregelen staan er niet in."""
    query = services.parse_query(filters.from_, filters.to, filters.municipality, filters.applicant_type, filters.theme)
    return [serialize(item) for item in services.find(query)]
