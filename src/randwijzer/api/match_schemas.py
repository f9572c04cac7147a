"""Shapes of POST /api/v1/match, and the input checks the CLI `match` command shares."""
import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import BeforeValidator

from randwijzer.text.normalize import printable, without_surrogates

from .fields import STRICT_BODY, Day, WholeEuros

MAX_TEXT = 50_000  # characters of project text accepted; the matcher reads the first part
MAX_NAME = 200  # characters of a municipality or applicant type


Name = Annotated[str, BeforeValidator(printable), Field(max_length=MAX_NAME)]


class MatchIn(Schema):
    model_config = STRICT_BODY

    text: Annotated[str, BeforeValidator(without_surrogates)] = Field("", max_length=MAX_TEXT, description="Het projectidee in eigen woorden (mag leeg zijn)")
    municipality: Name = Field("", description="Gemeente: naam (Nederlands of Frans, ook 'St-Genesius-Rode' of een deelgemeente), postcode of NIS-code; leeg: gelezen uit de tekst")
    applicant_type: Name = Field("", description="Type aanvrager (id of naam), bv. vzw of lokaal-bestuur; leeg: gelezen uit de tekst")
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
    estimated_amount: int | None = Field(description="Geschatte steun in hele euro, alleen als het aandeel op de projectkost slaat")
    topic: Literal["fits", "partly", "off_topic"] = Field(description="Past het onderwerp van het project bij de steunmaatregel")
    group: Literal["fits", "check", "later", "not_eligible", "off_topic"] = Field(
        description="past, na te gaan, later (alleen de timing faalt), komt niet in aanmerking, past niet bij het project")
    max_amount: int | None = Field(description="Maximumbedrag per project in hele euro")
    share_pct: int | None = Field(description="Aandeel (%) dat de steun dekt")
    apply_by: dt.date | None = Field(description="Laatste dag om voor dit project aan te vragen, anders de eerstvolgende indiendatum")
    days_left: int | None = Field(description="Dagen tot apply_by")
    earliest_start: dt.date | None = Field(description="Bij 'later': de vroegste startdatum die wel kan")


class PartnerMatchOut(Schema):
    id: str
    name: str
    score: float
    why: str
    service: str | None = Field(description="De dienst van de partner die bij het project past")


class MunicipalityRefOut(Schema):
    nis_code: str
    name: str


class UnderstoodOut(Schema):
    municipality: MunicipalityRefOut | None
    applicant_type: str | None
    start: dt.date | None
    end: dt.date | None
    cost: int | None
    from_text: list[Literal["municipality", "applicant_type", "start", "end", "cost"]] = Field(
        description="Velden die uit de omschrijving gelezen zijn")


class MatchOut(Schema):
    understood: UnderstoodOut = Field(description="Waarop het antwoord steunt: de velden, aangevuld uit de tekst")
    text_recognised: bool = Field(description="Herkenden we iets in de omschrijving")
    funding: list[FundingMatchOut] = Field(description="Alle steunmaatregelen, per groep: past, na te gaan, later, niet, past niet")
    partners: list[PartnerMatchOut]
    notes: list[str]
