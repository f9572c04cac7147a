"""Every ranking knob of the Projectwijzer in one table.

Each knob has a name, a value and why it is what it is. The modules that rank read their
values from here; docs/matching.md lists every knob with its value (a test keeps the two equal).
Values were chosen with `make eval` on the regression and tuning sets, never on the held-out set.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Knob:
    name: str
    value: object
    help: str


KNOBS = (
    Knob("compound_part_weight", 0.7, "weight of each part of a split compound word (taalcafé -> taal + cafe)"),
    Knob("thesaurus_weight", 0.5, "weight of a thesaurus neighbour added to the query"),
    Knob("saturation", 1.2, "BM25-style term-frequency saturation within a field"),
    Knob("idf_full_words", 80, "funding lines: analysed words from which a line counts fully for the idf; a shorter one counts (words / 80)²"),
    Knob("funding_field_weights", {"title": 3.0, "summary": 2.0, "themes": 1.5, "description": 1.0, "examples": 1.0},
         "how much a word counts per field of a funding line"),
    Knob("partner_field_weights", {"name": 3.0, "summary": 2.0, "themes": 2.0, "services": 1.5, "description": 1.0},
         "how much a word counts per field of a partner"),
    Knob("service_field_weights", {"title": 3.0, "description": 2.0, "themes": 1.0},
         "how much a word counts per field of one partner service"),
    Knob("topic_fits", 0.4, "relevance from which a line's topic fits the project"),
    Knob("topic_partly", 0.1, "relevance from which a line's topic fits partly; below it the line is off topic"),
    Knob("topic_partly_terms", 2, "different words a line must share with the project to be 'partly' on topic"),
    Knob("topic_relative", 0.25, "a line scoring below this share of the best line is at most 'partly' on topic"),
    Knob("purpose_fit", 0.4, "relevance from which the project is taken to serve a line's stated purpose"),
    Knob("service_fit", 0.5, "service relevance from which a partner's service is named as fitting"),
    Knob("partner_page_share", 0.3, "share of the partner's whole-page relevance added to its best service"),
    Knob("partner_administers_bonus", 0.5, "added when the partner administers a line that fits"),
    Knob("partner_helps_bonus", 0.25, "added when the partner helps with a line that fits"),
    Knob("partner_audience_factor", 1.2, "multiplies the score when a service serves the applicant's type"),
    Knob("partner_other_audience_factor", 0.5, "multiplies a service's score when it serves only other kinds of applicant"),
    Knob("search_relative_cutoff", 0.25, "catalogue search: a hit below this share of the best one only shares a common word"),
    Knob("candidates_per_result", 5, "with a result limit, the rules run on this many relevant lines per result"),
)

_BY_NAME = {knob.name: knob.value for knob in KNOBS}


def knob(name: str):
    return _BY_NAME[name]


COMPOUND_PART_WEIGHT = knob("compound_part_weight")
THESAURUS_WEIGHT = knob("thesaurus_weight")
SATURATION = knob("saturation")
IDF_FULL_WORDS = knob("idf_full_words")
FUNDING_WEIGHTS = knob("funding_field_weights")
PARTNER_WEIGHTS = knob("partner_field_weights")
SERVICE_WEIGHTS = knob("service_field_weights")
TOPIC_FITS = knob("topic_fits")
TOPIC_PARTLY = knob("topic_partly")
TOPIC_RELATIVE = knob("topic_relative")
TOPIC_PARTLY_TERMS = knob("topic_partly_terms")
PURPOSE_FIT = knob("purpose_fit")
SERVICE_FIT = knob("service_fit")
PARTNER_PAGE_SHARE = knob("partner_page_share")
PARTNER_ADMINISTERS_BONUS = knob("partner_administers_bonus")
PARTNER_HELPS_BONUS = knob("partner_helps_bonus")
PARTNER_AUDIENCE_FACTOR = knob("partner_audience_factor")
PARTNER_OTHER_AUDIENCE_FACTOR = knob("partner_other_audience_factor")
CANDIDATES_PER_RESULT = knob("candidates_per_result")
