"""Where a funding line comes from: the editors (redactie) or a feed, with the feed's IRI and reading date.

`curated` says whether an editor has the last word on the line's facts: always for the editors' own
lines (also when linked to a feed record); for an imported line, once an editor changed one of the
facts the feed last set (randwijzer.feeds keeps those values in `feed_values`).
"""
from __future__ import annotations

from dataclasses import dataclass

from .models import FeedSource, FundingLine

SOURCE_NAMES = dict(FeedSource.choices)
# The feed's facts that live on the line's own row: compared without a query.
_ROW_FACTS = {"title": "title", "summary": "summary", "description": "description", "status": "status",
              "status_reason": "status_reason", "level": "level", "url": "contact_url"}


@dataclass(frozen=True)
class Provenance:
    source: str
    iri: str
    imported_on: object  # a date or None
    curated: bool

    @property
    def source_name(self) -> str:
        return SOURCE_NAMES.get(self.source, self.source)


def provenance(line: FundingLine) -> Provenance:
    if line.feed_source == FeedSource.REDACTIE:
        curated = True
    else:
        last = line.feed_values or {}
        curated = any(name in last and getattr(line, attr) != last[name] for name, attr in _ROW_FACTS.items())
    return Provenance(line.feed_source, line.feed_iri, line.imported_on, curated)
