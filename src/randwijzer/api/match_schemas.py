"""Shapes of POST /api/v1/match, and the input checks the CLI `match` command shares."""
import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import BeforeValidator

from randwijzer.catalogue import limits

from .fields import STRICT_BODY, Day, WholeEuros

MAX_TEXT = 50_000  # characters of project text accepted; the matcher reads the first part
MAX_NAME = 200  # characters of a municipality or applicant type
FIRST_DAY, LAST_DAY = limits.FIRST_DAY, limits.LAST_DAY
parse_day = limits.parse_day  # the CLI `match` command checks its dates with the same function


def without_surrogates(value):
    """Lone surrogates (valid in JSON, not in UTF-8) are dropped rather than refused."""
    if not isinstance(value, str):
        return value
    return value.encode("utf-8", "ignore").decode("utf-8") if any("\ud800" <= c <= "\udfff" for c in value) else value


def printable(value):
    """Drop control characters and lone surrogates from a name: they never belong in one."""
    value = without_surrogates(value)
    return "".join(c for c in value if c.isprintable()) if isinstance(value, str) else value


Name = Annotated[str, BeforeValidator(printable), Field(max_length=MAX_NAME)]


class MatchIn(Schema):
    model_config = STRICT_BODY

    text: Annotated[str, BeforeValidator(without_surrogates)] = Field("", max_length=MAX_TEXT, description="Het projectidee in eigen woorden (mag leeg zijn)")
    municipality: Name = Field(description="Gemeente: NIS-code of naam (Nederlands of Frans)")
    applicant_type: Name = Field(description="Type aanvrager (id of naam), bv. vzw of lokaal-bestuur")
    date: Day = Field(None, description="Peildatum JJJJ-MM-DD (standaard vandaag)")
    start: Day = Field(None, description="Start van het project of de activiteit, JJJJ-MM-DD")
    end: Day = Field(None, description="Einde van het project, JJJJ-MM-DD")
    cost: WholeEuros = Field(None, description="Geraamde kostprijs in hele euro (0 tot 1.000.000.000)")


class ReasonOut(Schema):
    rule: str
    outcome: Literal["pass", "fail", "unknown"]
    explanation: str


class FundingMatchOut(Schema):
    id: str
    title: str
    score: float = Field(description="Hoe goed de omschrijving bij de steunmaatregel past")
    eligibility: Literal["eligible", "uncertain", "ineligible"]
    reasons: list[ReasonOut]
    next_deadline: dt.date | None
    estimated_amount: int | None = Field(description="Geschatte steun in hele euro")


class PartnerMatchOut(Schema):
    id: str
    name: str
    score: float
    why: str


class MatchOut(Schema):
    funding: list[FundingMatchOut] = Field(description="Alle steunmaatregelen: in aanmerking, onzeker, dan niet")
    partners: list[PartnerMatchOut]
    notes: list[str]
