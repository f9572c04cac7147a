"""The catalogue: funding lines, partners, municipalities, territories and vocabularies.

Rules that the matcher and the deadline engine read are structured fields here
(applicant types, territory, rounds, windows, lead times, shares and caps); only what
cannot be structured is kept as Dutch sentences (`Condition`).
"""
from django.db import models

from randwijzer.text.dutch import format_month_day

from .history import CatalogueHistory
from .managers import FundingLineQuerySet


class Theme(models.Model):
    id = models.SlugField(primary_key=True, max_length=60)
    label = models.CharField("naam", max_length=120)
    description = models.TextField("omschrijving", blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "thema"
        verbose_name_plural = "thema's"

    def __str__(self) -> str:
        return self.label


class ApplicantType(models.Model):
    id = models.SlugField(primary_key=True, max_length=60)
    label = models.CharField("naam", max_length=120)
    description = models.TextField("omschrijving", blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "type aanvrager"
        verbose_name_plural = "types aanvragers"

    def __str__(self) -> str:
        return self.label


class WiesStatus(models.TextChoices):
    YES = "yes", "ja"
    NO = "no", "nee"
    TO_VERIFY = "to_verify", "te verifiëren"


class Municipality(models.Model):
    nis_code = models.CharField("NIS-code", max_length=5, primary_key=True)
    slug = models.SlugField(unique=True, max_length=80)
    name_nl = models.CharField("naam (Nederlands)", max_length=120)
    name_fr = models.CharField("naam (Frans)", max_length=120, blank=True)
    arrondissement = models.CharField(max_length=80)
    province = models.CharField("provincie", max_length=80, blank=True)
    region = models.CharField("gewest", max_length=80)
    inhabitants = models.PositiveIntegerField("inwoners", null=True, blank=True)
    postcode = models.CharField(max_length=4, blank=True)
    in_vlaamse_rand = models.BooleanField("in de Vlaamse Rand", default=False)
    facility_municipality = models.BooleanField("faciliteitengemeente", default=False)
    wies_status = models.CharField("WIES-gemeente", max_length=12, choices=WiesStatus.choices, default=WiesStatus.TO_VERIFY)
    wies_note = models.TextField("toelichting WIES", blank=True)
    # What editors must still do about the designation; never shown on public pages.
    wies_editor_todo = models.TextField("WIES: te doen voor de redactie", blank=True)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from", verbose_name="opgegaan in")
    merged_on = models.DateField("fusiedatum", null=True, blank=True)
    nis_code_to_verify = models.BooleanField("NIS-code te verifiëren", default=False)
    source_url = models.URLField("bron", max_length=500, blank=True)
    verified_on = models.DateField("geverifieerd op", null=True, blank=True)

    class Meta:
        ordering = ["name_nl"]
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"

    def __str__(self) -> str:
        return self.name_nl

    @property
    def uri(self) -> str:
        return f"https://data.vlaanderen.be/id/gemeente/{self.nis_code}"

    @property
    def exists(self) -> bool:
        return self.merged_into_id is None


class Territory(models.Model):
    id = models.SlugField(primary_key=True, max_length=60)
    name = models.CharField("naam", max_length=120)
    # How a sentence says a place lies in it: "in de Vlaamse Rand".
    phrase = models.CharField("in een zin", max_length=120)
    description = models.TextField("omschrijving", blank=True)
    municipalities = models.ManyToManyField(Municipality, related_name="territories", blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "werkingsgebied"
        verbose_name_plural = "werkingsgebieden"

    def __str__(self) -> str:
        return self.name


class CatalogueEntry(models.Model):
    """What funding lines and partners share: identity, provenance and freshness."""

    id = models.SlugField(primary_key=True, max_length=80)
    description = models.TextField("omschrijving", blank=True)
    territory = models.ForeignKey(Territory, on_delete=models.PROTECT, verbose_name="werkingsgebied")
    verified_on = models.DateField("geverifieerd op")
    # {field name: source key}: which source states which structured fact.
    field_sources = models.JSONField("bron per veld", default=dict, blank=True)
    # {field name: Dutch reason}: facts the sources leave unsure; shown as "te verifiëren".
    to_verify = models.JSONField("te verifiëren", default=dict, blank=True)
    # {field name: Dutch to-do}: the editors' own notes; the staleness page and the admin only.
    editor_todos = models.JSONField("te doen voor de redactie", default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def source_for(self, field: str):
        key = self.field_sources.get(field)
        sources = list(self.sources.all())
        for source in sources:
            if source.key == key:
                return source
        return sources[0] if sources else None


class PartnerKind(models.TextChoices):
    AGENTSCHAP = "agentschap", "agentschap"
    EVA = "eva", "extern verzelfstandigd agentschap"
    VZW = "vzw", "vzw"
    INTERCOMMUNALE = "intercommunale", "intercommunale"
    PROVINCIE = "provincie", "provincie"
    PROVINCIEBEDRIJF = "provinciebedrijf", "autonoom provinciebedrijf"
    MEDIA = "media", "media"
    SAMENWERKINGSVERBAND = "samenwerkingsverband", "samenwerkingsverband"
    KOEPEL = "koepel", "koepelorganisatie"


# Stand-in administrators: IPDC names a product's competent authority by IRI only, and a funding line
# needs an administrator (feeds/sync.py). Not an organisation we know: no partner page, no place in the
# partner list, the matcher's partner suggestions or the open data; the feed's words stay "to verify".
PLACEHOLDER_PARTNERS = ("bevoegd-bestuur-volgens-ipdc",)


class Partner(CatalogueEntry):
    name = models.CharField("naam", max_length=200)
    kind = models.CharField("soort", max_length=30, choices=PartnerKind.choices)
    summary = models.CharField("samenvatting", max_length=400)
    website = models.URLField(max_length=500, blank=True)
    email = models.EmailField("e-mail", blank=True)
    phone = models.CharField("telefoon", max_length=40, blank=True)
    address = models.CharField("adres", max_length=300, blank=True)
    themes = models.ManyToManyField(Theme, related_name="partners", blank=True)
    # A partner that a feed names (the administrator of its offers) is kept by the importer, not the YAML.
    feed_source = models.CharField("bron", max_length=20, default="redactie", db_index=True)
    feed_iri = models.CharField("IRI in de feed", max_length=500, blank=True)

    history = CatalogueHistory(m2m_fields=["themes"])

    class Meta:
        ordering = ["name"]
        verbose_name = "partner"
        verbose_name_plural = "partners"

    def __str__(self) -> str:
        return self.name

    @property
    def is_placeholder(self) -> bool:
        return self.pk in PLACEHOLDER_PARTNERS


class Service(models.Model):
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="services")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField("dienst", max_length=200)
    description = models.TextField("omschrijving", blank=True)
    themes = models.ManyToManyField(Theme, related_name="services", blank=True)
    audiences = models.ManyToManyField(ApplicantType, related_name="services", blank=True, verbose_name="doelgroepen")

    history = CatalogueHistory(m2m_fields=["themes", "audiences"])

    class Meta:
        ordering = ["partner", "position"]
        verbose_name = "dienst"
        verbose_name_plural = "diensten"

    def __str__(self) -> str:
        return self.title


class Level(models.TextChoices):
    VLAAMS = "vlaams", "Vlaams"
    PROVINCIAAL = "provinciaal", "provinciaal"
    INTERGEMEENTELIJK = "intergemeentelijk", "intergemeentelijk"
    LOKAAL = "lokaal", "lokaal"
    FEDERAAL = "federaal", "federaal"
    EUROPEES = "europees", "Europees"


class Status(models.TextChoices):
    OPEN = "open", "open"
    DOORLOPEND = "doorlopend", "doorlopend"
    AFGESLOTEN = "afgesloten", "afgesloten"
    ONZEKER = "onzeker", "onzeker"


class ShareBase(models.TextChoices):
    PROJECT_COST = "project_cost", "de kosten"
    MUNICIPAL_LAND_CONTRIBUTION = "municipal_land_contribution", "de gemeentelijke tussenkomst in het grondaandeel"


class SubmissionMode(models.TextChoices):
    ROUNDS = "rounds", "vaste indiendata per jaar"
    CONTINUOUS = "continuous", "het hele jaar door"
    CALL = "call", "per projectoproep"
    UNKNOWN = "unknown", "geen indienmoment bekend"


class LeadTimeReference(models.TextChoices):
    PROJECT_START = "project_start", "de start van het project"
    ACTIVITY = "activity", "de activiteit"


class TerritoryBasis(models.TextChoices):
    SEAT = "seat", "zetel of werking van de aanvrager"
    PROJECT = "project", "plaats waar het project loopt"


class FeedSource(models.TextChoices):
    """Where a funding line comes from: the editors' YAML catalogue or an open-data feed (feeds app)."""

    REDACTIE = "redactie", "redactie"
    SUBSIDIEPUNT = "subsidiepunt", "Subsidiepunt"
    IPDC = "ipdc", "IPDC"


class FundingLine(CatalogueEntry):
    title = models.CharField("titel", max_length=200)
    summary = models.CharField("samenvatting", max_length=500)
    administrator = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="administered_lines", verbose_name="beheerder")
    related_partners = models.ManyToManyField(Partner, related_name="related_lines", blank=True, verbose_name="verwante partners")
    level = models.CharField("niveau", max_length=20, choices=Level.choices)
    status = models.CharField(max_length=12, choices=Status.choices)
    status_reason = models.TextField("reden status", blank=True)
    # The year the status reason describes ("Stand van zaken 2024"); empty: not tied to a time.
    status_as_of = models.CharField("reden status: stand van zaken in", max_length=4, blank=True)
    themes = models.ManyToManyField(Theme, related_name="funding_lines", blank=True)
    applicant_types = models.ManyToManyField(ApplicantType, related_name="funding_lines", blank=True, verbose_name="wie mag aanvragen")
    applicant_types_to_verify = models.ManyToManyField(ApplicantType, related_name="funding_lines_to_verify", blank=True, verbose_name="aanvragers te verifiëren")
    territory_basis = models.CharField("gebied geldt voor", max_length=10, choices=TerritoryBasis.choices, default=TerritoryBasis.SEAT)
    # Municipality flags that must hold, e.g. ["wies"]: read by the matcher's engine.
    required_municipality_flags = models.JSONField("vereiste gemeentekenmerken", default=list, blank=True)
    cost_share_pct = models.PositiveSmallIntegerField("aandeel van de kosten (%)", null=True, blank=True)
    # What the share is a share of: only a share of the project's cost gives an estimate for a project.
    share_base = models.CharField("aandeel van", max_length=30, choices=ShareBase.choices, default=ShareBase.PROJECT_COST)
    # The line never pays the whole cost: the applicant or another funder pays a part.
    co_financing = models.BooleanField("cofinanciering nodig", default=False)
    max_amount = models.PositiveBigIntegerField("maximum per project (EUR)", null=True, blank=True)
    total_budget = models.PositiveBigIntegerField("totaal budget (EUR)", null=True, blank=True)
    budget_period = models.CharField("jaar of periode van het budget", max_length=40, blank=True)
    max_duration_months = models.PositiveSmallIntegerField("maximale looptijd (maanden)", null=True, blank=True)
    submission_mode = models.CharField("indienen", max_length=12, choices=SubmissionMode.choices)
    lead_time_months = models.PositiveSmallIntegerField("minimale aanlooptijd (maanden)", null=True, blank=True)
    lead_time_reference = models.CharField("aanlooptijd voor", max_length=20, choices=LeadTimeReference.choices, blank=True)
    window_start_month = models.PositiveSmallIntegerField(null=True, blank=True)
    window_start_day = models.PositiveSmallIntegerField(null=True, blank=True)
    window_end_month = models.PositiveSmallIntegerField(null=True, blank=True)
    window_end_day = models.PositiveSmallIntegerField(null=True, blank=True)
    contact_name = models.CharField("contact", max_length=200, blank=True)
    contact_email = models.EmailField("contact e-mail", blank=True)
    contact_url = models.URLField("contactpagina", max_length=500, blank=True)
    contact_phone = models.CharField("contact telefoon", max_length=40, blank=True)
    contact_address = models.CharField("contact adres", max_length=300, blank=True)
    # How to apply as far as the sources say (schema.HowToApply): channel, what to prepare,
    # who decides and when, whom to call or write, and the source key.
    how_to_apply = models.JSONField("hoe aanvragen", default=dict, blank=True)

    # Provenance (randwijzer.feeds): which feed record this line comes from or is linked to, when it
    # was read, and the values the feed last gave, so a re-import can tell an editor's fact from the feed's.
    feed_source = models.CharField("bron", max_length=20, choices=FeedSource.choices, default=FeedSource.REDACTIE, db_index=True)
    feed_iri = models.CharField("IRI in de feed", max_length=500, blank=True, db_index=True)
    imported_on = models.DateField("ingelezen op", null=True, blank=True)
    feed_values = models.JSONField("laatste waarden uit de feed", default=dict, blank=True)

    objects = FundingLineQuerySet.as_manager()
    history = CatalogueHistory(m2m_fields=["themes", "applicant_types", "applicant_types_to_verify", "related_partners"])

    class Meta:
        ordering = ["title"]
        verbose_name = "steunmaatregel"
        verbose_name_plural = "steunmaatregelen"

    def __str__(self) -> str:
        return self.title

    @property
    def has_activity_window(self) -> bool:
        return self.window_start_month is not None


class Source(models.Model):
    """A page or document that states facts of one entry, with the date it was checked."""

    funding_line = models.ForeignKey(FundingLine, null=True, blank=True, on_delete=models.CASCADE, related_name="sources")
    partner = models.ForeignKey(Partner, null=True, blank=True, on_delete=models.CASCADE, related_name="sources")
    key = models.SlugField(max_length=60)
    title = models.CharField("titel", max_length=300)
    url = models.URLField(max_length=800, blank=True)
    published = models.CharField("verschenen", max_length=40, blank=True)
    # Empty for a printed document that was only read, never checked at the source.
    verified_on = models.DateField("nagekeken bij de bron op", null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    history = CatalogueHistory()

    class Meta:
        ordering = ["position"]
        verbose_name = "bron"
        verbose_name_plural = "bronnen"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(funding_line__isnull=False, partner__isnull=True)
                | models.Q(funding_line__isnull=True, partner__isnull=False),
                name="source_has_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.title


class FundingChild(models.Model):
    """Base of the facts that belong to one funding line, each with its source key."""

    funding_line = models.ForeignKey(FundingLine, on_delete=models.CASCADE, related_name="%(class)ss")
    position = models.PositiveSmallIntegerField(default=0)
    source_key = models.SlugField(max_length=60, blank=True)

    # One history table per kind of fact (deadlines, calls, conditions, ...).
    history = CatalogueHistory(inherit=True)

    class Meta:
        abstract = True
        ordering = ["position"]

    @property
    def source(self):
        for source in self.funding_line.sources.all():
            if source.key == self.source_key:
                return source
        return None


class YearlyDeadline(FundingChild):
    """A submission deadline that returns every year on the same day (1 February, ...)."""

    month = models.PositiveSmallIntegerField()
    day = models.PositiveSmallIntegerField()

    class Meta(FundingChild.Meta):
        verbose_name = "jaarlijkse indiendatum"
        verbose_name_plural = "jaarlijkse indiendata"

    def __str__(self) -> str:
        # "1 mei", as the pages say it
        return format_month_day(self.month, self.day) if 1 <= self.month <= 12 else f"{self.day}/{self.month}"


class CallRound(FundingChild):
    """A dated call ("Oproep 2023") with the period in which applications are accepted."""

    label = models.CharField("naam", max_length=200)
    opens_on = models.DateField("open vanaf", null=True, blank=True)
    closes_on = models.DateField("uiterste datum")

    class Meta(FundingChild.Meta):
        verbose_name = "oproep"
        verbose_name_plural = "oproepen"

    def __str__(self) -> str:
        return self.label


class ConditionKind(models.TextChoices):
    INFO = "info", "ter info"
    CHECK = "check", "na te gaan door de aanvrager"
    # The aim a project must serve; the matcher compares it with the project's description.
    PURPOSE = "purpose", "doel van de steun"


class Condition(FundingChild):
    text = models.TextField("voorwaarde")
    kind = models.CharField("soort", max_length=10, choices=ConditionKind.choices, default=ConditionKind.INFO)
    as_of = models.CharField("stand van zaken in", max_length=4, blank=True)

    class Meta(FundingChild.Meta):
        verbose_name = "voorwaarde"
        verbose_name_plural = "voorwaarden"

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"


class LimitScope(models.TextChoices):
    PER_APPLICANT = "per-applicant", "per aanvrager"
    PER_MUNICIPALITY_PER_YEAR = "per-municipality-per-year", "per gemeente per jaar"
    PER_PROJECT_PER_BENEFICIARY = "per-project-per-beneficiary", "per project per begunstigde"


class ApplicationLimit(FundingChild):
    max_count = models.PositiveSmallIntegerField("maximum aantal")
    scope = models.CharField(max_length=40, choices=LimitScope.choices)
    text = models.CharField("toelichting", max_length=300)

    class Meta(FundingChild.Meta):
        verbose_name = "beperking"
        verbose_name_plural = "beperkingen"

    def __str__(self) -> str:
        return self.text


class FundedExample(FundingChild):
    title = models.CharField("titel", max_length=300)
    description = models.TextField("omschrijving", blank=True)
    beneficiary = models.CharField("begunstigde", max_length=200, blank=True)
    municipality = models.ForeignKey(Municipality, null=True, blank=True, on_delete=models.SET_NULL, related_name="funded_examples")
    amount = models.PositiveBigIntegerField("bedrag (EUR)", null=True, blank=True)
    year = models.PositiveSmallIntegerField("jaar", null=True, blank=True)

    class Meta(FundingChild.Meta):
        verbose_name = "gesteund voorbeeld"
        verbose_name_plural = "gesteunde voorbeelden"


class FigureUnit(models.TextChoices):
    EUR = "EUR", "euro"
    COUNT = "count", "aantal"


class Figure(FundingChild):
    """A small data series from the sources: budget per call, build-up of a fund, ..."""

    slug = models.SlugField(max_length=80)
    title = models.CharField("titel", max_length=300)
    unit = models.CharField(max_length=10, choices=FigureUnit.choices)
    note = models.TextField("toelichting", blank=True)

    class Meta(FundingChild.Meta):
        verbose_name = "cijferreeks"
        verbose_name_plural = "cijferreeksen"


class FigurePoint(models.Model):
    figure = models.ForeignKey(Figure, on_delete=models.CASCADE, related_name="points")
    position = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(max_length=120)
    value = models.BigIntegerField()
    # The source says "meer dan": the value is a lower bound.
    at_least = models.BooleanField("minstens", default=False)
    # Not printed in the source but worked out from it: how (shown as "berekend: …").
    computed = models.CharField("berekend", max_length=200, blank=True)

    history = CatalogueHistory()

    class Meta:
        ordering = ["position"]


class CatalogueVersion(models.Model):
    """One row: a token that every catalogue write replaces (randwijzer.catalogue.version).

    Cached pages are keyed on it. It lives in the database, not in a per-process cache, so every
    worker on every host sees a write at once; a random token rather than a counter, so a restored
    backup can never meet cache entries of another state under the same number."""

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = "catalogusversie"
