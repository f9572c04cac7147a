"""The catalogue list: funding lines and partners, narrowed by GET filters, with facet counts.

Unknown filter values are not applied; the page says so in Dutch (status 400) instead of
failing, so a mistyped link or an old bookmark still leads somewhere useful.
"""
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.shortcuts import render

from randwijzer.matching.search import search_funding, search_partners

from ..audiences import group_labels, groups_of
from ..inputs import InputError, resolve_municipality
from ..models import ApplicantType, FeedSource, Level, Municipality, Status, Theme
from ..page_cache import cached_page

MAX_QUERY = 200


@dataclass
class Filters:
    q: str = ""
    theme: str = ""
    applicant_type: str = ""
    municipality: Municipality | None = None
    municipality_text: str = ""
    level: str = ""
    status: str = ""
    source: str = ""  # "Bron": redactie, subsidiepunt or ipdc (randwijzer.feeds)
    problems: list[str] = field(default_factory=list)

    def applied(self) -> dict[str, str]:
        """The filters that were applied, as GET parameters (unknown values left out)."""
        values = {"q": self.q, "theme": self.theme, "applicant_type": self.applicant_type,
                  "municipality": self.municipality_text if self.municipality else "",
                  "level": self.level, "status": self.status, "source": self.source}
        return {name: value for name, value in values.items() if value}

    def search_args(self) -> dict:
        return {"theme": self.theme or None, "applicant_type": self.applicant_type or None,
                "municipality": self.municipality}


def _choice(params, name: str, valid: dict[str, str], what: str, problems: list[str]) -> str:
    value = params.get(name, "").strip()
    if value and value not in valid:
        problems.append(f"{what} ‘{value[:60]}’ kennen we niet. Deze filter is niet toegepast; kies een waarde uit de lijst.")
        return ""
    return value


def parse_filters(params, vocab: dict[str, dict[str, str]]) -> Filters:
    problems: list[str] = []
    filters = Filters(q=params.get("q", "").strip()[:MAX_QUERY], problems=problems)
    filters.theme = _choice(params, "theme", vocab["theme"], "Het thema", problems)
    filters.applicant_type = _choice(params, "applicant_type", vocab["applicant_type"], "Het type aanvrager", problems)
    filters.level = _choice(params, "level", vocab["level"], "Het niveau", problems)
    filters.status = _choice(params, "status", vocab["status"], "De status", problems)
    filters.source = _choice(params, "source", vocab["source"], "De bron", problems)
    text = params.get("municipality", "").strip()[:MAX_QUERY]
    filters.municipality_text = text
    try:
        filters.municipality = resolve_municipality(text)
    except InputError as error:
        problems.append(f"{error.message} Deze filter is niet toegepast.")
    return filters


def vocabularies() -> dict[str, dict[str, str]]:
    return {
        "theme": dict(Theme.objects.values_list("id", "label")),
        # "Vereniging" (vzw or feitelijke vereniging) first, then every applicant type.
        "applicant_type": group_labels() | dict(ApplicantType.objects.values_list("id", "label")),
        "level": dict(Level.choices),
        "status": dict(Status.choices),
        "source": dict(FeedSource.choices),
    }


def facet_counts(lines) -> dict[str, Counter]:
    """Per facet, how many of the found lines have each value (few lines: counted in Python)."""
    counts = {name: Counter() for name in ("theme", "applicant_type", "level", "status", "source")}
    for line in lines:
        counts["theme"].update({t.id for t in line.themes.all()})
        # The applicant filter also finds lines where the type is still to verify: count those too.
        type_ids = {a.id for a in line.applicant_types.all()} | {a.id for a in line.applicant_types_to_verify.all()}
        counts["applicant_type"].update(type_ids | groups_of(type_ids))
        counts["level"][line.level] += 1
        counts["status"][line.status] += 1
        counts["source"][line.feed_source] += 1
    return counts


FACETS = [("theme", "Thema"), ("applicant_type", "Wie vraagt aan"), ("level", "Niveau"), ("status", "Status"), ("source", "Bron")]


def facets(vocab, counts, filters: Filters) -> list[dict]:
    return [
        {"name": name, "label": label, "selected": getattr(filters, name),
         # A value that finds nothing is left out ("(0)" helps nobody), unless it is the one selected.
         "options": [{"value": v, "label": text, "count": counts[name][v]} for v, text in vocab[name].items()
                     if counts[name][v] or v == getattr(filters, name)]}
        for name, label in FACETS
    ]


def active_filters(vocab, filters: Filters) -> list[dict]:
    """The filters in use, each with a link that drops only that filter."""
    applied = filters.applied()
    shown = {"q": ("Zoekterm", filters.q),
             "municipality": ("Gemeente", filters.municipality.name_nl if filters.municipality else "")}
    shown.update({name: (label, vocab[name].get(getattr(filters, name), "")) for name, label in FACETS})
    return [
        {"label": shown[name][0], "value": shown[name][1],
         "remove_url": "?" + urlencode({k: v for k, v in applied.items() if k != name})}
        for name in applied
    ]


@cached_page
def catalogue_list(request):
    vocab = vocabularies()
    filters = parse_filters(request.GET, vocab)
    lines = search_funding(filters.q, **filters.search_args(), status=filters.status or None, level=filters.level or None)
    if filters.source:
        lines = [line for line in lines if line.feed_source == filters.source]
    partners = search_partners(filters.q, **filters.search_args())
    context = {
        "filters": filters,
        "lines": lines,
        "partners": partners,
        "facets": facets(vocab, facet_counts(lines), filters),
        "active_filters": active_filters(vocab, filters),
    }
    return render(request, "catalogue/catalogue_list.html", context, status=400 if filters.problems else 200)
