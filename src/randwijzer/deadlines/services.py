"""Deadlines and windows of the catalogue between two dates, for pages, API, CLI and feeds.

Input is checked here once (`parse_query`) and refused with an `InvalidFilter` carrying a
Dutch reason: the API answers 422, the CLI exits with status 2, the page shows the message.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import timezone

from randwijzer.catalogue import filters
from randwijzer.catalogue.filters import InvalidFilter, shown
from randwijzer.catalogue import limits
from randwijzer.catalogue import timing
from randwijzer.catalogue.models import ApplicantType, FundingLine, Municipality, Status, Theme

DEFAULT_DAYS = 90
# Long enough for three years of rounds, short enough that a typo (20277) is caught.
MAX_DAYS = 3 * 366
# The one range of every date a user gives (catalogue.limits); year arithmetic stays in range.
EARLIEST, LATEST = limits.FIRST_DAY, limits.LAST_DAY
# What the "everything" calendar feed holds: recent past (still in a client) and a year ahead.
FEED_PAST_DAYS, FEED_FUTURE_DAYS = 30, 365
# How far ahead the home page and a funding line's page look for upcoming dates.
UPCOMING_DAYS = 366

KIND_NL = {"deadline": "uiterste indiendatum", "window": "periode"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def today() -> dt.date:
    """Today in Brussels; tests replace this function to fix the reference date."""
    return timezone.localdate()


@dataclass(frozen=True)
class DeadlineQuery:
    start: dt.date
    end: dt.date
    municipality: Municipality | None = None
    applicant_type: str | None = None
    theme: str | None = None


@dataclass(frozen=True)
class Item:
    """One date of one funding line: a deadline (start == end) or a window."""

    line: FundingLine
    kind: str  # "deadline" or "window"
    start: dt.date
    end: dt.date
    label: str

    @property
    def date(self) -> dt.date:
        return self.start

    @property
    def kind_nl(self) -> str:
        return KIND_NL[self.kind]

    @property
    def uid(self) -> str:
        """Stable per line, kind and day, so calendar clients update instead of duplicating."""
        return f"{self.line.pk}-{self.kind}-{self.start.isoformat()}@randwijzer"

    @property
    def doubts(self) -> list[str]:
        """Why the date may not hold: an unsure status or a timing fact marked "to verify"."""
        line = self.line
        notes = []
        if line.status == Status.ONZEKER:
            notes.append(f"Het is onzeker of deze steunmaatregel nog loopt. {line.status_reason}".strip())
        for field in ("status", "timing", "submission", "yearly_deadlines", "call_rounds", "lead_time_months", "activity_window"):
            if line.to_verify.get(field):
                notes.append(f"Niet bevestigd: {line.to_verify[field]}")
        return notes


def parse_date(parameter: str, value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    text = value.strip()
    if not text:
        return None
    try:
        if not ISO_DATE.fullmatch(text):
            raise ValueError
        date = dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidFilter(parameter, f"Ongeldige datum '{shown(value)}' (parameter {parameter}): "
                                       "geef een datum als JJJJ-MM-DD, bijvoorbeeld 2027-02-01.") from None
    if not EARLIEST <= date <= LATEST:
        raise InvalidFilter(parameter, f"De datum {text} (parameter {parameter}) ligt buiten het bereik "
                                       f"{EARLIEST.isoformat()} tot {LATEST.isoformat()}.")
    return date


def parse_query(start=None, end=None, municipality=None, applicant_type=None, theme=None,
                reference: dt.date | None = None, days: int = DEFAULT_DAYS) -> DeadlineQuery:
    """From what a user typed to a query; defaults: from today, `days` days ahead."""
    first = parse_date("from", start) or reference or today()
    last = parse_date("to", end)
    if last is None:
        last = min(first + dt.timedelta(days=days), LATEST)
    if last < first:
        raise InvalidFilter("to", f"De einddatum {last.isoformat()} (parameter to) ligt voor de begindatum "
                                  f"{first.isoformat()} (parameter from).")
    if (last - first).days > MAX_DAYS:
        raise InvalidFilter("to", f"De periode van {first.isoformat()} tot {last.isoformat()} is te lang: "
                                  f"hoogstens {MAX_DAYS} dagen (3 jaar) tussen from en to.")
    return DeadlineQuery(
        first, last,
        municipality=filters.municipality(municipality),
        applicant_type=filters.choose("applicant_type", applicant_type, dict(ApplicantType.objects.values_list("id", "label"))),
        theme=filters.choose("theme", theme, dict(Theme.objects.values_list("id", "label"))),
    )


def matching_lines(query: DeadlineQuery, line_id: str | None = None):
    """The lines the filters select; closed lines have no dates to keep."""
    lines = FundingLine.objects.exclude(status=Status.AFGESLOTEN)
    if line_id is not None:
        lines = lines.filter(pk=line_id)
    if query.theme:
        lines = lines.with_theme(query.theme)
    if query.applicant_type:
        lines = lines.for_applicant_type(query.applicant_type)
    if query.municipality is not None:
        lines = lines.for_municipality(query.municipality)
    return lines.distinct()


def find(query: DeadlineQuery, line_id: str | None = None) -> list[Item]:
    """Every deadline in the period and every window overlapping it, by date."""
    lines = matching_lines(query, line_id).with_details()
    items = []
    for found in timing.dates_between(lines, query.start, query.end):
        if isinstance(found, timing.Deadline):
            items.append(Item(found.line, "deadline", found.date, found.date, found.label))
        else:
            items.append(Item(found.line, "window", found.start, found.end, found.label))
    return items


def continuous_lines(query: DeadlineQuery) -> list[FundingLine]:
    """Lines without dates that one can apply to any day: shown beside the dates, not lost."""
    open_lines = matching_lines(query).open_on(query.start).filter(submission_mode="continuous")
    return list(open_lines.order_by("title"))


def feed_query(municipality=None, applicant_type=None, theme=None, reference: dt.date | None = None) -> DeadlineQuery:
    reference = reference or today()
    return parse_query(reference - dt.timedelta(days=FEED_PAST_DAYS), reference + dt.timedelta(days=FEED_FUTURE_DAYS),
                       municipality=municipality, applicant_type=applicant_type, theme=theme)


def upcoming(reference: dt.date | None = None, line_id: str | None = None, limit: int | None = None,
             days: int = UPCOMING_DAYS) -> list[Item]:
    """The upcoming dates (deadlines and windows) from `reference` on: the one list the home page, a
    funding line's page and /indiendata/ (through `find`) show, so they never disagree."""
    items = find(parse_query(reference=reference, days=days), line_id)
    return items[:limit] if limit is not None else items


def next_deadline(items: list[Item]) -> dt.date | None:
    """The first submission deadline among upcoming items (a window is not a deadline)."""
    return next((item.date for item in items if item.kind == "deadline"), None)


def line_feed(line_id: str, reference: dt.date | None = None) -> list[Item]:
    """What a funding line's calendar feed holds; empty means there is nothing to put in a calendar."""
    return find(feed_query(reference=reference), line_id=line_id)
