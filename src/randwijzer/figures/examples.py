"""Funded examples ("inspiratie"): search, filters, and the one example a matcher answer shows.

Search uses the matcher's Dutch text analysis (stems, compound parts, thesaurus) over a small
index of the examples' own texts, so 'leesproject' finds 'Leeshelden' and a French or
English word finds its Dutch neighbours, as in the Projectwijzer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import reverse

from randwijzer.catalogue.models import FundedExample, FundingLine, Municipality
from randwijzer.matching.relevance import TextIndex
from randwijzer.matching.service import get_matcher
from randwijzer.text.dutch import format_euro

# A title says most; the place and the line help a search for "Dilbeek" or "taal".
EXAMPLE_WEIGHTS = {"title": 3.0, "description": 2.0, "beneficiary": 1.5, "place": 1.5, "line": 1.0}
# A hit below this share of the best one only shares a common word with the query.
RELATIVE_CUTOFF = 0.25
MAX_QUERY = 200


def example_fields(example: FundedExample) -> dict[str, str]:
    place = example.municipality
    return {
        "title": example.title,
        "description": example.description,
        "beneficiary": example.beneficiary,
        "place": f"{place.name_nl} {place.name_fr}" if place else "",
        "line": example.funding_line.title,
    }


def places_covered(municipality: Municipality) -> list[Municipality]:
    """The municipality and those that merged into it: their examples belong to it today."""
    return [municipality, *municipality.merged_from.all()]


def all_examples():
    return (FundedExample.objects.select_related("funding_line", "municipality")
            .prefetch_related("funding_line__sources").order_by("funding_line__title", "position"))


def search_examples(q: str = "", line: FundingLine | None = None, municipality: Municipality | None = None) -> list[FundedExample]:
    """Examples that fit the filters; with a query only those that match it, best first."""
    examples = all_examples()
    if line is not None:
        examples = examples.filter(funding_line=line)
    if municipality is not None:
        examples = examples.filter(municipality__in=places_covered(municipality))
    examples = list(examples)
    q = (q or "").strip()[:MAX_QUERY]
    if not q or not examples:
        return examples
    matcher = get_matcher()
    index = TextIndex(matcher.lexicon)
    for i, example in enumerate(examples):
        index.add(i, example_fields(example), EXAMPLE_WEIGHTS)
    index.freeze()
    scores = index.scores(matcher.query(q))
    best = max(scores.values(), default=0.0)
    kept = [i for i, score in scores.items() if best and score >= RELATIVE_CUTOFF * best]
    kept.sort(key=lambda i: (-scores[i], examples[i].title))
    return [examples[i] for i in kept]


def short_title(example: FundedExample) -> str:
    """'Leeshelden (Dilbeek)' in a sentence that already names Dilbeek: 'Leeshelden'."""
    if example.municipality:
        suffix = re.compile(rf"\s*\({re.escape(example.municipality.name_nl)}\)\s*$", re.IGNORECASE)
        return suffix.sub("", example.title) or example.title
    return example.title


@dataclass(frozen=True)
class ExampleHint:
    """One funded example for a matcher's line card: 'Zo deed Dilbeek het: Leeshelden, € 1.965'."""

    who: str  # the municipality or the beneficiary; "" when the source names neither
    title: str
    amount_text: str
    year: int | None
    url: str
    in_your_municipality: bool

    @property
    def sentence(self) -> str:
        lead = f"Zo deed {self.who} het" if self.who else "Een voorbeeld"
        text = f"{lead}: {self.title}"
        if self.amount_text:
            text += f", {self.amount_text}"
        if self.year:
            text += f" ({self.year})"
        return text


def _preference(example: FundedExample, nis_code: str | None) -> tuple:
    place = example.municipality
    here = bool(nis_code and place and nis_code in (place.nis_code, place.merged_into_id))
    return (not here, place is None, example.amount is None, example.position)


def example_hints(line_ids, nis_code: str | None = None) -> dict[str, ExampleHint]:
    """Per funding line one example, preferring one in the given municipality, then one with a place and an amount."""
    line_ids = list(line_ids)
    if not line_ids:
        return {}
    found: dict[str, list[FundedExample]] = {}
    for example in FundedExample.objects.filter(funding_line_id__in=line_ids).select_related("municipality"):
        found.setdefault(example.funding_line_id, []).append(example)
    hints = {}
    for line_id, examples in found.items():
        example = min(examples, key=lambda e: _preference(e, nis_code))
        place = example.municipality
        hints[line_id] = ExampleHint(
            who=place.name_nl if place else example.beneficiary,
            title=short_title(example),
            amount_text=format_euro(example.amount),
            year=example.year,
            url=f"{reverse('figures:inspiration')}?line={line_id}#voorbeeld-{example.pk}",
            in_your_municipality=not _preference(example, nis_code)[0],
        )
    return hints
