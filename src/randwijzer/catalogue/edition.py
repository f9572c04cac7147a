"""Part IV of the guide ("Ondersteuning") regenerated from the catalogue, for the printable page.

The guide's chapters and the order of the entries in them are data (data/guide/deel-iv.yaml);
every fact comes from the database, so next year's edition is this year's catalogue.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from django.conf import settings
from pydantic import BaseModel, ConfigDict

from . import howto, presenters
from .models import PLACEHOLDER_PARTNERS, FundingLine, Partner

# The fields the printed entry shows next to a fact; doubts about the others are listed apart.
LINE_FIELDS = {
    "title", "summary", "description", "status", "status_reason", "level", "administrator", "applicant_types",
    "applicant_types_to_verify", "territory", "territory_basis", "required_municipality_flags", "financial", "timing",
    "cost_share_pct", "share_base", "co_financing", "max_amount", "total_budget", "budget_period", "max_duration_months", "submission",
    "yearly_deadlines", "call_rounds", "lead_time_months", "lead_time_reference", "activity_window", "limits",
    "conditions", "contact", "how_to_apply",
}
PARTNER_FIELDS = {"name", "kind", "summary", "description", "services", "territory", "website", "email", "phone", "address"}
# The source key of the printed guide: its own examples and figures are reprinted in part IV.
GUIDE_SOURCE = "gids"


class ChapterSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    number: str
    title: str
    kind: Literal["funding", "partners"]
    intro: str = ""
    entries: list[str] = []
    # The guide's footnote to the chapter, and the address it gives for suggestions.
    footnote: str = ""
    suggestions_email: str = ""


class EditionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    source: str
    chapters: list[ChapterSpec]


@dataclass
class LineSection:
    line: FundingLine
    financial_facts: list
    timing_facts: list
    flag_sentences: list[str]
    other_to_verify: list[tuple[str, str]]
    howto: howto.HowToApply
    guide_examples: list
    guide_figures: list


@dataclass
class PartnerSection:
    partner: Partner
    other_to_verify: list[tuple[str, str]]
    contact: howto.ContactDetails


@dataclass
class Chapter:
    number: str
    title: str
    kind: str
    intro: str
    anchor: str
    sections: list = field(default_factory=list)
    footnote: str = ""
    suggestions_email: str = ""


@dataclass
class Edition:
    title: str
    source: str
    chapters: list[Chapter]


def spec_path() -> Path:
    return Path(getattr(settings, "GUIDE_DIR", settings.PROJECT_DIR / "data" / "guide")) / "deel-iv.yaml"


def read_spec(path: Path | None = None) -> EditionSpec:
    with (path or spec_path()).open(encoding="utf-8") as handle:
        return EditionSpec.model_validate(yaml.safe_load(handle))


def _in_guide_order(objects: dict, spec: EditionSpec, index: int, tiebreak) -> list:
    """The chapter's entries in the guide's order; entries no chapter of this kind lists
    (new in the catalogue) follow at the end of the last such chapter."""
    chapter = spec.chapters[index]
    same_kind = [i for i, c in enumerate(spec.chapters) if c.kind == chapter.kind]
    listed = [objects[pk] for pk in chapter.entries if pk in objects]
    if index != same_kind[-1]:
        return listed
    named = {pk for i in same_kind for pk in spec.chapters[i].entries}
    return listed + sorted((obj for pk, obj in objects.items() if pk not in named), key=tiebreak)


def _line_section(line: FundingLine) -> LineSection:
    return LineSection(
        line=line,
        financial_facts=presenters.financial_facts(line),
        timing_facts=presenters.timing_facts(line),
        flag_sentences=[presenters.FLAG_SENTENCES.get(f, f) for f in line.required_municipality_flags],
        other_to_verify=presenters.other_to_verify(line, LINE_FIELDS),
        howto=howto.how_to_apply(line),
        guide_examples=[e for e in line.fundedexamples.all() if e.source_key == GUIDE_SOURCE],
        guide_figures=[f for f in line.figures.all() if f.source_key == GUIDE_SOURCE],
    )


def build_edition(spec: EditionSpec | None = None) -> Edition:
    spec = spec or read_spec()
    lines = {line.pk: line for line in FundingLine.objects.with_details()}
    partners = {
        partner.pk: partner
        # A stand-in administrator (PLACEHOLDER_PARTNERS) is no organisation a reader can contact.
        for partner in Partner.objects.exclude(pk__in=PLACEHOLDER_PARTNERS).select_related("territory").prefetch_related(
            "themes", "services__themes", "services__audiences", "sources", "administered_lines",
        )
    }
    chapters = []
    for index, chapter_spec in enumerate(spec.chapters):
        chapter = Chapter(chapter_spec.number, chapter_spec.title, chapter_spec.kind, chapter_spec.intro,
                          anchor="deel-" + chapter_spec.number.lower().replace(".", "-"),
                          footnote=chapter_spec.footnote, suggestions_email=chapter_spec.suggestions_email)
        if chapter_spec.kind == "funding":
            chapter.sections = [_line_section(line) for line in _in_guide_order(lines, spec, index, lambda x: x.title)]
        else:
            chapter.sections = [
                PartnerSection(partner, presenters.other_to_verify(partner, PARTNER_FIELDS), howto.partner_contact(partner))
                for partner in _in_guide_order(partners, spec, index, lambda x: x.name)
            ]
        chapters.append(chapter)
    return Edition(spec.title, spec.source, chapters)
