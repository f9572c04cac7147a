"""The bad-input corpus: one table of hostile values, and the routes, forms and commands they are sent to.

A new route, form or command joins the hostile tests by a line in API_ROUTES, FORMS or COMMANDS:
its method, its path and a valid input, and the kind of each field. The kind says which hostile
values the field must refuse (REFUSES); the others it may accept (an RTL mark is text like any other),
but nothing may ever answer a 5xx, crash a command, or write anything when it refuses.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# name -> value as JSON would carry it
VALUES: dict[str, object] = {
    "lone surrogate": "taal \ud800 café",
    "NUL": "taal\x00café",
    "RTL override": "\u202etaalcafé",
    "10^30": 10**30,
    "negative": -1,
    "true": True,
    "list": ["taalcafé"],
    "day 0001": "0001-01-01",
    "day 9999": "9999-12-31",
}
HUGE = "x" * 5_000_000  # sent once per route, not per field
UNKNOWN_FIELD = "colour"

ALL = set(VALUES)
REFUSES: dict[str, set[str]] = {
    # Text that is stored: no character a database cannot hold, no number or list for text.
    "stored text": {"lone surrogate", "NUL", "10^30", "negative", "true", "list"},
    # Text that is only read (the matcher drops odd characters): still text, not a number or list.
    "free text": {"10^30", "negative", "true", "list"},
    # A name that must match something known (municipality, funding line, member, status...).
    "name": ALL,
    "amount": ALL,
    "count": ALL,
    "day": ALL,
    "flag": ALL - {"true"},
    # Query parameters of a GET: read only; they must simply never fail.
    "query": set(),
}

LINE = "impulssubsidie-vlaamse-rand"
TAALCAFE = {"text": "Een taalcafé voor anderstalige ouders", "municipality": "wemmel", "applicant_type": "vzw",
            "date": "2026-11-26", "start": "2027-03-01", "end": "2027-12-31", "cost": 4000}
MATCH_FIELDS = {"text": "free text", "municipality": "name", "applicant_type": "name", "date": "day", "start": "day",
                "end": "day", "cost": "amount"}
DOSSIER_FIELDS = {"title": "stored text", "round_label": "stored text", "notes": "stored text", "funding_line": "name",
                  "call_round": "name", "responsible": "name", "amount_requested": "amount", "amount_granted": "amount",
                  "planned_submission_on": "day", "submitted_on": "day", "decision_on": "day", "reporting_due_on": "day"}


@dataclass(frozen=True)
class Route:
    method: str
    path: str  # "{dossier}" is filled in with a dossier of the member
    base: dict  # a valid input; "{version}" is filled in with that dossier's version
    fields: dict[str, str]  # field -> kind
    auth: bool = False  # sent with a member's API key
    huge: str | None = None  # the field that gets the 5 MB value (default: the first)


API_ROUTES = [
    Route("POST", "/api/v1/match", TAALCAFE, MATCH_FIELDS),
    Route("POST", "/api/v1/plan", TAALCAFE, MATCH_FIELDS),
    Route("POST", "/api/v1/wies/calculate",
          {"municipality": "Grimbergen", "units": 10, "land_share": 150000, "contribution_pct": 60},
          {"municipality": "name", "units": "count", "land_share": "amount", "contribution_pct": "count"}),
    Route("POST", "/api/v1/wies/buyer-check",
          {"years_lived": 5, "owns_other_property": False, "household_type": "single", "income": 40000},
          {"years_lived": "count", "owns_other_property": "flag", "household_type": "name", "income": "amount"}),
    Route("POST", "/api/v1/dossiers", {"organisation": "wemmel", "title": "Taalcafé", "funding_line": LINE},
          {"organisation": "name", **DOSSIER_FIELDS}, auth=True, huge="notes"),
    Route("PATCH", "/api/v1/dossiers/{dossier}", {"version": "{version}"},
          {"version": "count", "status": "name", "reason": "stored text", **DOSSIER_FIELDS}, auth=True, huge="notes"),
    Route("GET", "/api/v1/funding", {}, {"q": "query", "municipality": "query", "applicant_type": "query",
                                         "theme": "query", "status": "query", "level": "query"}),
    Route("GET", "/api/v1/partners", {}, {"q": "query", "municipality": "query", "kind": "query"}),
    Route("GET", "/api/v1/deadlines", {}, {"from": "query", "to": "query", "municipality": "query"}),
    Route("GET", "/common-grants/opportunities", {}, {"page": "count", "pageSize": "count"}),
    Route("GET", "/api/v1/dossiers", {}, {"organisation": "query", "status": "query"}, auth=True),
]


@dataclass(frozen=True)
class Form:
    path: str  # "{dossier}" as above
    base: dict  # a valid form; "{version}" as above
    fields: dict[str, str]
    login: bool = False  # sent by a logged-in member
    saves: tuple[int, ...] = (302,)  # the status of a saved form
    method: str = "POST"  # a GET form stores nothing: it must only never fail


DOSSIER_FORM = {"title": "Taalcafé", "funding_line": LINE, "call_round": "", "round_label": "", "amount_requested": "",
                "amount_granted": "", "planned_submission_on": "", "submitted_on": "", "decision_on": "",
                "reporting_due_on": "", "responsible": "", "notes": ""}
FORMS = [
    Form("/dossiers/nieuw/", {"organisation": "wemmel", **DOSSIER_FORM}, {"organisation": "name", **DOSSIER_FIELDS},
         login=True),
    Form("/dossiers/{dossier}/bewerken/", {"version": "{version}", **DOSSIER_FORM}, {"version": "count", **DOSSIER_FIELDS},
         login=True),
    Form("/dossiers/{dossier}/status/", {"version": "{version}", "target": "in_voorbereiding", "reason": ""},
         {"version": "count", "target": "name", "reason": "stored text"}, login=True),
    Form("/voorstellen/nieuw/", {"kind": "correction", "text": "De deadline is verschoven.", "source_url": "",
                                 "name": "An", "email": "an@example.be"},
         {"kind": "name", "text": "stored text", "source_url": "name", "name": "stored text", "email": "name"}),
    Form("/match/", {k: str(v) for k, v in TAALCAFE.items() if k != "date"}, {**MATCH_FIELDS, "date": "query"},
         method="GET"),
    Form("/plan/", {k: str(v) for k, v in TAALCAFE.items() if k != "date"}, MATCH_FIELDS, method="GET"),
    Form("/wies/", {"municipality": "Grimbergen", "units": "10", "land_share": "150000", "contribution_pct": "60"},
         {"municipality": "name", "units": "count", "land_share": "amount", "contribution_pct": "count"}, method="GET"),
    Form("/wies/koper/", {"years_lived": "5", "owns_other_property": "nee", "household_type": "single", "income": "40000"},
         {"years_lived": "count", "owns_other_property": "flag", "household_type": "name", "income": "amount"},
         method="GET"),
]


@dataclass(frozen=True)
class Command:
    name: str
    args: list[str]  # a valid call
    options: dict[str, str] = field(default_factory=dict)  # option -> kind


COMMANDS = [
    Command("match", ["taalcafé", "--municipality", "wemmel", "--applicant-type", "vzw"],
            {"--municipality": "name", "--applicant-type": "name", "--date": "day", "--start": "day", "--end": "day",
             "--cost": "amount"}),
    Command("wies", ["--municipality", "Grimbergen", "--units", "10", "--land-share", "150000", "--contribution-pct", "60"],
            {"--municipality": "name", "--units": "count", "--land-share": "amount", "--contribution-pct": "count"}),
    Command("dossiers", ["remind", "--today", "2027-01-10"], {"--days": "count", "--today": "day"}),
]


def as_text(value) -> str:
    """A hostile value as a form or a command line carries it."""
    if value is True:
        return "true"
    if isinstance(value, list):
        return value[0]
    return str(value)


def cases(fields: dict[str, str]):
    """(field, kind, value name, value, must refuse) for every field and hostile value."""
    for name, kind in fields.items():
        for label, value in VALUES.items():
            yield name, kind, label, value, label in REFUSES[kind]
