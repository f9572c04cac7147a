"""What an importer makes of one feed record: a funding line's facts, or the reason it is skipped.

Both importers (Subsidiepunt, IPDC) produce these; `sync.py` writes them. Only the fields here
are the feed's: anything else on a line (shares, caps, limits, examples, ...) is the editors'.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Round:
    label: str
    opens_on: dt.date | None
    closes_on: dt.date


@dataclass
class Record:
    iri: str  # the record's identity in the feed (Subsidiepunt: the offer; IPDC: the product, not the snapshot)
    title: str
    summary: str = ""
    description: str = ""
    url: str = ""
    level: str = "vlaams"
    status: str = "onzeker"
    status_reason: str = ""
    submission_mode: str = "unknown"
    rounds: list[Round] = field(default_factory=list)
    applicant_types: list[str] = field(default_factory=list)
    applicant_types_to_verify: list[str] = field(default_factory=list)
    applicant_note: str = ""  # the feed's own words for who may apply, when we cannot map them
    conditions: list[str] = field(default_factory=list)  # prose the applicant checks ("na te gaan")
    themes: list[str] = field(default_factory=list)
    area_codes: list[str] = field(default_factory=list)  # the feed's LAU/NUTS codes (areas.py); none: all of Flanders
    administrator: "Administrator | None" = None
    administrator_note: str = ""  # the feed's words for the competent authority, when it names no partner
    notes: list[str] = field(default_factory=list)  # what was left out of the record, for the report (Dutch)


@dataclass(frozen=True)
class Administrator:
    """The organisation that runs the offer, with only what the feed says about it."""

    iri: str
    name: str
    summary: str
    website: str = ""


@dataclass(frozen=True)
class Skip:
    iri: str
    title: str
    reason: str  # Dutch, for the report


def label(record_or_skip) -> str:
    """How the report names a record: its title, else its IRI."""
    return f"'{record_or_skip.title}'" if record_or_skip.title else record_or_skip.iri
