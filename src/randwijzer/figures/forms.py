"""The funding plan's form (the matcher's form with a required cost) and the inspiration filters."""
from __future__ import annotations

from dataclasses import dataclass, field

from randwijzer.catalogue.inputs import InputError, resolve_municipality
from randwijzer.catalogue.models import FundedExample, FundingLine, Municipality
from randwijzer.matching.forms import MatchForm

MAX_QUERY = 200


class PlanForm(MatchForm):
    """Like the Projectwijzer's form, but the total cost is what a plan is about: required."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cost = self.fields["cost"]
        cost.required = True
        cost.error_messages["required"] = "Geef de totale kostprijs van het project in hele euro, bijvoorbeeld 4000."
        cost.help_text = "Alle kosten samen, in hele euro, bijvoorbeeld 4000. Het plan verdeelt ze over de steun en uw eigen deel."


@dataclass
class ExampleFilters:
    q: str = ""
    line: FundingLine | None = None
    municipality: Municipality | None = None
    line_value: str = ""
    municipality_value: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return bool(self.q or self.line or self.municipality)


def parse_example_filters(params) -> ExampleFilters:
    """GET q, line (id) and municipality (slug, name or NIS code); unknown values are reported, not applied."""
    filters = ExampleFilters(q=params.get("q", "").strip()[:MAX_QUERY])
    line_value = params.get("line", "").strip()[:MAX_QUERY]
    if line_value:
        filters.line = FundingLine.objects.filter(pk=line_value).first()
        if filters.line is None:
            filters.problems.append(f"De steunmaatregel ‘{line_value[:60]}’ kennen we niet. Deze filter is niet toegepast; kies er een uit de lijst.")
        else:
            filters.line_value = line_value
    place_value = params.get("municipality", "").strip()[:MAX_QUERY]
    if place_value:
        try:
            filters.municipality = (Municipality.objects.filter(slug=place_value).first()
                                    or resolve_municipality(place_value))
            filters.municipality_value = filters.municipality.slug
        except InputError as error:
            filters.problems.append(f"{error.message} Deze filter is niet toegepast.")
    return filters


def line_choices() -> list[tuple[str, str]]:
    """Funding lines that have examples, by title."""
    return list(FundingLine.objects.filter(fundedexamples__isnull=False).distinct().order_by("title").values_list("id", "title"))


def municipality_choices() -> list[tuple[str, str]]:
    """Municipalities that have examples, by name."""
    ids = FundedExample.objects.exclude(municipality=None).values_list("municipality_id", flat=True)
    return list(Municipality.objects.filter(pk__in=ids).order_by("name_nl").values_list("slug", "name_nl"))
