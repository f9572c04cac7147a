"""Fetch one catalogue entry by id, with everything its detail view shows.

Ids are slugs: anything else is unknown without asking the database, so strange input
(NUL bytes, megabytes of text) cannot upset it.
"""
import difflib
import re

from randwijzer.catalogue.models import PLACEHOLDER_PARTNERS, FundingLine, Partner

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _is_slug(value: str) -> bool:
    return len(value) <= 80 and bool(SLUG.match(value))


def funding_line(id_: str) -> FundingLine | None:
    if not _is_slug(id_):
        return None
    return FundingLine.objects.with_details().filter(id=id_).first()


def partner(id_: str) -> Partner | None:
    if not _is_slug(id_):
        return None
    return (
        Partner.objects.exclude(pk__in=PLACEHOLDER_PARTNERS).select_related("territory")
        .prefetch_related("themes", "services__themes", "services__audiences", "sources", "administered_lines", "related_lines")
        .filter(id=id_)
        .first()
    )


def similar_ids(value: str, limit: int = 3) -> list[str]:
    """Ids of funding lines and partners close to a mistyped one."""
    value = value.strip().lower()[:100]
    ids = [*FundingLine.objects.values_list("id", flat=True), *Partner.objects.values_list("id", flat=True)]
    # A typed prefix ("subsidie-taal") is as good a clue as a typo.
    found = [i for i in ids if len(value) >= 3 and value in i]
    found += [i for i in difflib.get_close_matches(value, ids, n=limit, cutoff=0.6) if i not in found]
    return found[:limit]
