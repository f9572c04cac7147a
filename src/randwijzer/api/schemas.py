"""Shapes of the JSON API. The CLI prints the same objects, so both always agree.

Money is in whole euros and null when the sources do not say; dates are YYYY-MM-DD and
yearly days MM-DD.
"""
import datetime as dt

from ninja import Field, Schema

# ---------------------------------------------------------------- errors


class ErrorOut(Schema):
    detail: str = Field(description="Uitleg in het Nederlands")


class InvalidInputOut(Schema):
    detail: str = Field(description="Uitleg in het Nederlands, met de naam van de parameter")
    parameter: str | None = Field(None, description="De parameter met de ongeldige waarde")
    suggestions: list[str] = Field([], description="Waarden die er dicht bij liggen")


# ---------------------------------------------------------------- filters

FILTER = {"max_length": 100}


class CommonFilters(Schema):
    theme: str | None = Field(None, description="Thema (id of naam)", **FILTER)
    applicant_type: str | None = Field(None, description="Type aanvrager (id of naam)", **FILTER)
    municipality: str | None = Field(None, description="Gemeente: naam (Nederlands of Frans), deelgemeente, postcode of NIS-code", **FILTER)
    q: str | None = Field(None, description="Zoektekst", max_length=200)


class FundingFilters(CommonFilters):
    status: str | None = Field(None, description="open, doorlopend, afgesloten of onzeker", **FILTER)
    level: str | None = Field(None, description="vlaams, provinciaal, intergemeentelijk, lokaal, federaal of europees", **FILTER)


class PartnerFilters(CommonFilters):
    kind: str | None = Field(None, description="Soort partner (agentschap, vzw, ...)", **FILTER)


# ---------------------------------------------------------------- shared parts


class Ref(Schema):
    id: str
    name: str


class AdministratorRef(Schema):
    id: str | None = Field(description="Id van de partner; null als de bron geen organisatie noemt die we kennen")
    name: str


class SourceOut(Schema):
    key: str
    title: str
    url: str
    published: str
    verified_on: dt.date | None = Field(description="Wanneer een redacteur de feiten bij deze bron het laatst naging; "
                                                    "null voor een gedrukte bron die alleen gelezen is (de gids van 2024)")


# ---------------------------------------------------------------- funding lines


class ProvenanceOut(Schema):
    source: str = Field(description="redactie, subsidiepunt of ipdc")
    iri: str = Field(description="IRI van het record in de feed (leeg als er geen is)")
    imported_on: dt.date | None = Field(description="Datum waarop de feed werd ingelezen")
    curated: bool = Field(description="Een redacteur heeft het laatste woord over de gegevens")


class FundingItem(Schema):
    id: str
    title: str
    summary: str
    status: str
    level: str
    themes: list[str]
    applicant_types: list[str]
    applicant_types_to_verify: list[str]
    territory: str
    administrator: str | None = Field(description="Id van de beheerder (een partner); null als de bron geen organisatie "
                                                  "noemt die we kennen (IPDC: zie to_verify)")
    url: str = Field(description="Pagina van de steunmaatregel op de site")
    provenance: ProvenanceOut


class FinancialOut(Schema):
    cost_share_pct: int | None
    max_amount: int | None
    total_budget: int | None
    budget_period: str


class CallRoundOut(Schema):
    label: str
    opens_on: dt.date | None
    closes_on: dt.date


class ActivityWindowOut(Schema):
    start: str = Field(description="MM-DD")
    end: str = Field(description="MM-DD")


class TimingOut(Schema):
    submission_mode: str
    yearly_deadlines: list[str] = Field(description="MM-DD")
    call_rounds: list[CallRoundOut]
    lead_time_months: int | None
    lead_time_reference: str
    activity_window: ActivityWindowOut | None
    next_deadline: dt.date | None = Field(description="Eerstvolgende vaste indiendatum vanaf vandaag")


class LimitOut(Schema):
    max_count: int
    scope: str
    text: str
    source: str | None


class ConditionOut(Schema):
    text: str
    kind: str
    as_of: str = Field(description="Het jaar waarop de uitspraak slaat ('Stand van zaken 2024'); leeg: niet aan een tijd gebonden")
    source: str | None


class ExampleOut(Schema):
    title: str
    description: str
    beneficiary: str
    municipality: str | None = Field(description="NIS-code")
    amount: int | None
    year: int | None
    source: str | None


class FigurePointOut(Schema):
    label: str
    value: int
    at_least: bool
    computed: str = Field(description="Niet gedrukt in de bron maar berekend: hoe; leeg: zo in de bron")


class FigureOut(Schema):
    slug: str
    title: str
    unit: str
    note: str
    source: str | None
    points: list[FigurePointOut]


class ContactOut(Schema):
    name: str
    email: str
    url: str
    phone: str
    address: str


class ContactDetailsOut(Schema):
    name: str
    partner: str | None = Field(description="Id van de partner, als het contact een partner is")
    email: str
    phone: str = Field(description="Leeg: de bronnen geven geen telefoonnummer")
    address: str = Field(description="Leeg: de bronnen geven geen adres")
    website: str


class HowToApplyOut(Schema):
    channel: str = Field(description="e-loket, form, email, other of unknown (de bronnen zeggen het niet)")
    channel_note: str = Field(description="Bij unknown: 'De bron zegt niet hoe u aanvraagt; vraag het na bij …'")
    url: str
    email: str
    prepare: list[str] = Field(description="Wat u voorbereidt, zoals de bron het zegt")
    decides: str = Field(description="Wie beslist (leeg: niet bekend)")
    decision_timing: str = Field(description="Wanneer er beslist wordt (leeg: niet bekend)")
    contact: ContactDetailsOut = Field(description="Wie u belt of schrijft")
    source: str | None = Field(description="Sleutel van de bron in sources")


class FundingDetail(Schema):
    id: str
    title: str
    summary: str
    description: str
    url: str
    administrator: AdministratorRef
    related_partners: list[str]
    level: str
    status: str
    status_reason: str
    status_as_of: str = Field(description="Het jaar waarop status_reason slaat ('Stand van zaken 2024'); leeg: niet aan een tijd gebonden")
    themes: list[str]
    applicant_types: list[str]
    applicant_types_to_verify: list[str]
    territory: Ref
    territory_basis: str
    required_municipality_flags: list[str]
    financial: FinancialOut
    max_duration_months: int | None
    timing: TimingOut
    limits: list[LimitOut]
    conditions: list[ConditionOut]
    examples: list[ExampleOut]
    figures: list[FigureOut]
    contact: ContactOut
    how_to_apply: HowToApplyOut
    sources: list[SourceOut]
    field_sources: dict[str, str]
    to_verify: dict[str, str] = Field(description="Wat de bronnen open laten, per veld, als voorbehoud voor de lezer")
    verified_on: dt.date
    provenance: ProvenanceOut
    data_changed_on: dt.date | None = Field(description="Wanneer de gegevens van deze steunmaatregel het laatst wijzigden")


# ---------------------------------------------------------------- partners


class PartnerItem(Schema):
    id: str
    name: str
    kind: str
    summary: str
    themes: list[str]
    territory: str
    website: str
    email: str
    url: str = Field(description="Pagina van de partner op de site")


class ServiceOut(Schema):
    title: str
    description: str
    themes: list[str]
    audiences: list[str]


class PartnerDetail(Schema):
    id: str
    name: str
    kind: str
    summary: str
    description: str
    website: str
    email: str
    phone: str = Field(description="Leeg: de bronnen geven geen telefoonnummer")
    address: str = Field(description="Leeg: de bronnen geven geen adres")
    url: str = Field(description="Pagina van de partner op de site")
    themes: list[str]
    territory: Ref
    services: list[ServiceOut]
    administers: list[str] = Field(description="Steunmaatregelen die deze partner beheert")
    related_lines: list[str] = Field(description="Steunmaatregelen waarbij deze partner helpt")
    sources: list[SourceOut]
    field_sources: dict[str, str]
    to_verify: dict[str, str] = Field(description="Wat de bronnen open laten, per veld, als voorbehoud voor de lezer")
    verified_on: dt.date
    data_changed_on: dt.date | None = Field(description="Wanneer de gegevens van deze partner het laatst wijzigden")


# ---------------------------------------------------------------- municipalities


class MunicipalityDetail(Schema):
    nis_code: str
    name_nl: str
    name_fr: str
    arrondissement: str
    province: str
    region: str
    uri: str = Field(description="URI van de gemeente bij de Vlaamse overheid")
    url: str = Field(description="Pagina van de gemeente op de site")
    in_vlaamse_rand: bool
    facility_municipality: bool
    wies_status: str = Field(description="yes, no of to_verify")
    wies_note: str
    merged_into: str | None = Field(description="NIS-code van de gemeente waarin ze opging")
    merged_on: dt.date | None
    nis_code_to_verify: bool
    territories: list[str] = Field(description="Werkingsgebieden (bij een fusie: die van de nieuwe gemeente)")
    funding: list[str] = Field(description="Steunmaatregelen waarvan het werkingsgebied de gemeente omvat")
    partners: list[str] = Field(description="Partners die er actief zijn")
