"""The shape of the catalogue's YAML files, checked before anything is written.

Cross-file checks (references to partners, vocabulary ids, source keys) live in the
loader, which sees all files at once.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, PositiveInt, field_validator, model_validator

Slug = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=2, max_length=80)
MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")


# String lengths are the database columns' (catalogue/models.py): SQLite would store a longer text
# silently, PostgreSQL would refuse it in the middle of a load.


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def month_day_code(month: int, day: int) -> str:
    """The files' way of writing a yearly day: 1 May is "05-01" (the inverse of parse_month_day)."""
    return f"{month:02d}-{day:02d}"


def parse_month_day(value: str) -> tuple[int, int]:
    match = MONTH_DAY.match(value)
    if not match:
        raise ValueError(f"'{value}' is geen datum van de vorm MM-DD")
    month, day = int(match.group(1)), int(match.group(2))
    try:
        dt.date(2024, month, day)  # a leap year, so 02-29 is accepted
    except ValueError:
        raise ValueError(f"'{value}' is geen bestaande dag") from None
    return month, day


class VocabularyItem(Strict):
    id: str = Slug
    label: str = Field(min_length=1, max_length=120)
    description: str = ""


class VocabulariesFile(Strict):
    themes: list[VocabularyItem] = Field(min_length=1)
    applicant_types: list[VocabularyItem] = Field(min_length=1)


class TerritoryRule(Strict):
    nis_codes: list[str] = []
    arrondissement: str | None = None
    province: str | None = None
    region: str | None = None

    @model_validator(mode="after")
    def one_rule(self):
        given = [bool(self.nis_codes), self.arrondissement, self.province, self.region]
        if sum(1 for g in given if g) != 1:
            raise ValueError("geef precies één regel: nis_codes, arrondissement, province of region")
        return self


class TerritoryItem(Strict):
    id: str = Slug
    name: str = Field(max_length=120)
    phrase: str = Field(pattern=r"^in ", max_length=120)
    description: str = ""
    rule: TerritoryRule


class TerritoriesFile(Strict):
    territories: list[TerritoryItem] = Field(min_length=1)


class NewMunicipality(Strict):
    nis_code: str = Field(pattern=r"^\d{5}$")
    name_nl: str = Field(min_length=1, max_length=120)
    name_fr: str = Field(default="", max_length=120)
    arrondissement: str = Field(max_length=80)
    province: str = Field(max_length=80)
    region: str = Field(max_length=80)
    nis_code_to_verify: bool = False
    note: str = ""


class Merger(Strict):
    into: str = Field(pattern=r"^\d{5}$")
    merged_on: dt.date
    nis_codes: list[str] = Field(min_length=1)


class WiesDesignation(Strict):
    designated: list[str] = []
    not_designated: list[str] = []
    to_verify: dict[str, str] = {}
    # Public: shown on the municipality's page when its designation is open.
    default_note: str
    # Editors only (staleness page): what the catalogue still lacks.
    editor_todo: str = ""


class MunicipalitiesFile(Strict):
    csv: str
    source_url: str
    verified_on: dt.date
    added: list[NewMunicipality] = []
    mergers: list[Merger] = []
    wies: WiesDesignation


class SourceItem(Strict):
    key: str = Slug
    title: str = Field(min_length=1, max_length=300)
    url: str = Field(default="", pattern=r"^(https?://\S+|mailto:\S+)?$", max_length=800)
    published: str = Field(default="", max_length=40)
    # The day an editor last checked the facts at this source. Left out for a printed document
    # that was only read (the 2024 guide): reading it in 2026 is no check of the facts.
    verified_on: dt.date | None = None


class SourcedItem(Strict):
    source: str | None = None


EMAIL = r"^([^@\s]+@[^@\s]+\.[a-z]{2,})?$"
PHONE = r"^(\+?[0-9][0-9 ./-]{5,30})?$"


class Contact(Strict):
    name: str = Field(default="", max_length=200)
    email: str = Field(default="", pattern=EMAIL)
    url: str = Field(default="", pattern=r"^(https?://\S+)?$", max_length=500)
    phone: str = Field(default="", pattern=PHONE, max_length=40)
    address: str = Field(default="", max_length=300)


class HowToApply(SourcedItem):
    """How to apply, only as far as the sources say it: `unknown` where they do not."""

    channel: Literal["e-loket", "form", "email", "other", "unknown"] = "unknown"
    url: str = Field(default="", pattern=r"^(https?://\S+)?$", max_length=500)
    email: str = Field(default="", pattern=EMAIL)
    # What to prepare, one item a line, each from the source.
    prepare: list[str] = []
    decides: str = Field(default="", max_length=300)
    decision_timing: str = Field(default="", max_length=300)
    # The partner to call or write; empty: the line's administrator.
    contact_partner: str = ""

    @model_validator(mode="after")
    def channel_has_address(self):
        if self.channel == "email" and not self.email:
            raise ValueError("kanaal 'email' vraagt een e-mailadres in email")
        if self.channel in ("e-loket", "form") and not self.url:
            raise ValueError(f"kanaal '{self.channel}' vraagt een adres in url")
        return self


class Entry(Strict):
    """Fields shared by funding lines and partners."""

    id: str = Slug
    description: str = Field(min_length=1)
    territory: str
    verified_on: dt.date
    sources: list[SourceItem] = Field(min_length=1)
    field_sources: dict[str, str] = {}
    # Public caveats: facts the sources leave open, shown to readers ("Niet bevestigd: …").
    to_verify: dict[str, str] = {}
    # Editors' to-dos: shown on the staleness page and in the admin only, never to the public.
    editor_todos: dict[str, str] = {}

    @model_validator(mode="after")
    def source_keys_unique(self):
        keys = [s.key for s in self.sources]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ValueError(f"bronsleutel dubbel gebruikt: {', '.join(duplicates)}")
        return self


class ServiceItem(Strict):
    title: str = Field(min_length=1, max_length=200)
    description: str = ""
    themes: list[str] = []
    audiences: list[str] = []


class PartnerFile(Entry):
    name: str = Field(min_length=1, max_length=200)
    kind: str
    summary: str = Field(min_length=1, max_length=400)
    website: str = Field(default="", pattern=r"^(https?://\S+)?$", max_length=500)
    email: str = Field(default="", pattern=EMAIL)
    phone: str = Field(default="", pattern=PHONE, max_length=40)
    address: str = Field(default="", max_length=300)
    themes: list[str] = []
    services: list[ServiceItem] = []


class Financial(Strict):
    cost_share_pct: int | None = Field(default=None, ge=1, le=100)
    share_base: Literal["project_cost", "municipal_land_contribution"] = "project_cost"
    co_financing: bool = False
    max_amount: NonNegativeInt | None = None
    total_budget: NonNegativeInt | None = None
    budget_period: str = Field(default="", max_length=40)


class CallRoundItem(SourcedItem):
    label: str = Field(max_length=200)
    opens_on: dt.date | None = None
    closes_on: dt.date

    @model_validator(mode="after")
    def ordered(self):
        if self.opens_on and self.opens_on > self.closes_on:
            raise ValueError("opens_on ligt na closes_on")
        return self


class ActivityWindow(Strict):
    start: str
    end: str

    @field_validator("start", "end")
    @classmethod
    def month_day(cls, value: str) -> str:
        parse_month_day(value)
        return value


class Timing(Strict):
    submission: Literal["rounds", "continuous", "call", "unknown"]
    yearly_deadlines: list[str] = []
    call_rounds: list[CallRoundItem] = []
    lead_time_months: PositiveInt | None = None
    lead_time_reference: Literal["project_start", "activity", ""] = ""
    activity_window: ActivityWindow | None = None

    @field_validator("yearly_deadlines")
    @classmethod
    def month_days(cls, values: list[str]) -> list[str]:
        for value in values:
            parse_month_day(value)
        return values

    @model_validator(mode="after")
    def consistent(self):
        if self.submission == "rounds" and not self.yearly_deadlines:
            raise ValueError("submission 'rounds' vraagt minstens één datum in yearly_deadlines")
        if bool(self.lead_time_months) != bool(self.lead_time_reference):
            raise ValueError("lead_time_months en lead_time_reference horen samen")
        return self


class LimitItem(SourcedItem):
    max_count: PositiveInt
    scope: Literal["per-applicant", "per-municipality-per-year", "per-project-per-beneficiary"]
    text: str = Field(min_length=1, max_length=300)


class ConditionItem(SourcedItem):
    text: str = Field(min_length=1)
    kind: Literal["info", "check", "purpose"] = "info"
    # A statement true at a time ("de volgende Vlaamse Regering beslist …"): the year it describes.
    as_of: str = Field(default="", pattern=r"^(\d{4})?$")


class ExampleItem(SourcedItem):
    title: str = Field(min_length=1, max_length=300)
    description: str = ""
    beneficiary: str = Field(default="", max_length=200)
    municipality: str | None = None
    amount: NonNegativeInt | None = None
    year: int | None = Field(default=None, ge=1990, le=2100)


class FigurePointItem(Strict):
    label: str = Field(max_length=120)
    value: NonNegativeInt
    at_least: bool = False
    # Worked out by the editors, not printed in the source: how ("20 miljoen + 4 × 1,5 miljoen").
    computed: str = Field(default="", max_length=200)


class FigureItem(SourcedItem):
    slug: str = Slug
    title: str = Field(max_length=300)
    unit: Literal["EUR", "count"]
    note: str = ""
    points: list[FigurePointItem] = Field(min_length=1)


class FundingFile(Entry):
    title: str = Field(min_length=1, max_length=200)
    summary: str = Field(min_length=1, max_length=500)
    administrator: str
    related_partners: list[str] = []
    level: str
    status: Literal["open", "doorlopend", "afgesloten", "onzeker"]
    status_reason: str = ""
    status_as_of: str = Field(default="", pattern=r"^(\d{4})?$")
    themes: list[str] = Field(min_length=1)
    applicant_types: list[str] = []
    applicant_types_to_verify: list[str] = []
    territory_basis: Literal["seat", "project"] = "seat"
    required_municipality_flags: list[Literal["wies", "in_vlaamse_rand", "facility_municipality"]] = []
    financial: Financial = Financial()
    max_duration_months: PositiveInt | None = None
    timing: Timing
    limits: list[LimitItem] = []
    conditions: list[ConditionItem] = []
    examples: list[ExampleItem] = []
    figures: list[FigureItem] = []
    contact: Contact = Contact()
    how_to_apply: HowToApply = HowToApply()

    @model_validator(mode="after")
    def applicants_given(self):
        both = set(self.applicant_types) & set(self.applicant_types_to_verify)
        if both:
            raise ValueError(f"aanvrager zowel zeker als te verifiëren: {', '.join(sorted(both))}")
        if not self.applicant_types and not self.applicant_types_to_verify:
            raise ValueError("geef applicant_types of applicant_types_to_verify")
        return self
