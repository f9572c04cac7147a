"""Dates that follow from a funding line's rounds, calls and activity window.

Yearly items (1 February, 20 June-20 July) are expanded per year; a 29 February falls on
28 February in other years.

`dates_between` is what the deadline pages, API, CLI and calendar feeds read: fixed
deadlines, the deadlines that follow from a lead time before an activity window, and the
windows themselves, once each.
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from randwijzer.text.dutch import add_months, format_date_nl

from .models import FundingLine, SubmissionMode


@dataclass(frozen=True)
class Deadline:
    line: FundingLine
    date: dt.date
    label: str


@dataclass(frozen=True)
class Window:
    line: FundingLine
    start: dt.date
    end: dt.date
    label: str


def on_day(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def yearly(month: int, day: int, start: dt.date, end: dt.date) -> Iterator[dt.date]:
    """Every occurrence of a yearly day between start and end, both included."""
    for year in range(start.year, end.year + 1):
        date = on_day(year, month, day)
        if start <= date <= end:
            yield date


# ---------------------------------------------------------------- plain values
# The matcher and the pages share these: one place that turns rounds, windows and lead
# times into dates. A window is ((start month, day), (end month, day)); it may cross new year.

MonthDay = tuple[int, int]


@lru_cache(maxsize=4096)
def upcoming_yearly(days: tuple[MonthDay, ...], reference: dt.date, years: int = 3) -> tuple[dt.date, ...]:
    """Every yearly (month, day) from `reference` on, for `years` more years, in order."""
    last = dt.date(reference.year + years, 12, 31)
    return tuple(sorted(date for month, day in days for date in yearly(month, day, reference, last)))


def window_dates(window: tuple[MonthDay, MonthDay], year: int) -> tuple[dt.date, dt.date]:
    """The window that starts in `year` (it may run into the next year)."""
    (sm, sd), (em, ed) = window
    end_year = year if (em, ed) >= (sm, sd) else year + 1
    return on_day(year, sm, sd), on_day(end_year, em, ed)


def in_window(window: tuple[MonthDay, MonthDay], start: dt.date, end: dt.date) -> bool:
    """Does [start, end] lie in one window (the one starting this year or, across new year, the last)?"""
    for year in (start.year, start.year - 1):
        first, last = window_dates(window, year)
        if first <= start and end <= last:
            return True
    return False


@lru_cache(maxsize=65_536)  # pure, and asked for the same few days by every line of a match
def apply_before(day: dt.date, lead_months: int | None) -> dt.date:
    """The last day to apply for something that starts on `day`, with a lead time in months."""
    return add_months(day, -(lead_months or 0))


@lru_cache(maxsize=65_536)
def start_after(applied_on: dt.date, lead_months: int | None) -> dt.date:
    """The first day a project may start when it applies on `applied_on`."""
    return add_months(applied_on, lead_months or 0)


def next_window_deadline(window: tuple[MonthDay, MonthDay], lead_months: int, reference: dt.date) -> dt.date | None:
    """For an activity in a yearly window: the next last day to apply, first for the window's
    first day, else for its last day (the deadline pages list both)."""
    for year in range(reference.year, reference.year + 3):
        for day in window_dates(window, year):
            if apply_before(day, lead_months) >= reference:
                return apply_before(day, lead_months)
    return None


def first_window_day_from(window: tuple[MonthDay, MonthDay], earliest: dt.date) -> dt.date:
    """The first day on or after `earliest` that lies in the window."""
    for year in range(earliest.year - 1, earliest.year + 2):
        first, last = window_dates(window, year)
        if last >= earliest:
            return max(first, earliest)
    return earliest  # unreachable for a real window


def deadlines_between(lines: Iterable[FundingLine], start: dt.date, end: dt.date) -> list[Deadline]:
    found = []
    for line in lines:
        for item in line.yearlydeadlines.all():
            found += [Deadline(line, d, "Uiterste indiendatum") for d in yearly(item.month, item.day, start, end)]
        for call in line.callrounds.all():
            if start <= call.closes_on <= end:
                found.append(Deadline(line, call.closes_on, f"{call.label}: uiterste indiendatum"))
    return sorted(found, key=lambda d: (d.date, d.line.title))


def windows_between(lines: Iterable[FundingLine], start: dt.date, end: dt.date) -> list[Window]:
    """Activity windows and call periods that overlap [start, end]."""
    found = []
    for line in lines:
        if line.has_activity_window:
            for year in range(start.year - 1, end.year + 1):
                window = activity_window(line, year)
                if window[0] <= end and window[1] >= start:
                    found.append(Window(line, *window, "Periode waarin de activiteit moet plaatsvinden"))
        for call in line.callrounds.all():
            if call.opens_on and call.opens_on <= end and call.closes_on >= start:
                found.append(Window(line, call.opens_on, call.closes_on, f"{call.label}: indienperiode"))
    return sorted(found, key=lambda w: (w.start, w.line.title))


def lead_time_deadlines_between(lines: Iterable[FundingLine], start: dt.date, end: dt.date) -> list[Deadline]:
    """Deadlines that follow from a lead time before an activity window (the feest line).

    A line one can apply to all year, but at least N months before an activity that must fall
    in a yearly window, has two dates per window: the last day to apply for an activity on
    the window's first day (window start minus the lead time) and the last day to apply at
    all for that window (its last day minus the lead time). The matcher's `next_deadline`
    answers the first of these that is not past, so both must be listed to agree with it.
    """
    found = []
    for line in lines:
        if line.submission_mode != SubmissionMode.CONTINUOUS or not line.lead_time_months or not line.has_activity_window:
            continue
        lead = line.lead_time_months
        # A window that starts the year before `start` can still end after it; a deadline in
        # `end`'s year can belong to a window up to `lead` months later.
        last_year = add_months(end, lead).year
        for year in range(start.year - 1, last_year + 1):
            first, last = activity_window(line, year)
            for day, which in ((first, "eerste"), (last, "laatste")):
                date = add_months(day, -lead)
                if start <= date <= end:
                    label = f"Uiterste indiendatum voor een activiteit op {format_date_nl(day)} ({which} dag van de periode)"
                    found.append(Deadline(line, date, label))
    return sorted(found, key=lambda d: (d.date, d.line.title))


def dates_between(lines: Iterable[FundingLine], start: dt.date, end: dt.date) -> list[Deadline | Window]:
    """Every deadline in [start, end] and every window overlapping it, by date.

    A deadline is listed once per line and day (two facts on one day share one entry, their
    labels joined), so a calendar feed can key events on line, kind and date.
    """
    lines = list(lines)
    merged: dict[tuple, Deadline | Window] = {}
    for item in deadlines_between(lines, start, end) + lead_time_deadlines_between(lines, start, end):
        key = (item.line.pk, "deadline", item.date)
        seen = merged.get(key)
        merged[key] = item if seen is None else Deadline(item.line, item.date, f"{seen.label}; {item.label}")
    for item in windows_between(lines, start, end):
        key = (item.line.pk, "window", item.start)
        seen = merged.get(key)
        merged[key] = item if seen is None else Window(item.line, item.start, max(seen.end, item.end), f"{seen.label}; {item.label}")
    return sorted(merged.values(), key=_date_order)


def _date_order(item: Deadline | Window):
    if isinstance(item, Deadline):
        return (item.date, 0, item.line.title, item.label)
    return (item.start, 1, item.line.title, item.label)


def activity_window(line: FundingLine, year: int) -> tuple[dt.date, dt.date]:
    """The window that starts in `year` (it may run into the next year)."""
    return window_dates(((line.window_start_month, line.window_start_day), (line.window_end_month, line.window_end_day)), year)


def all_deadlines_between(lines: Iterable[FundingLine], start: dt.date, end: dt.date) -> list[Deadline]:
    """Fixed rounds, calls and the deadlines a lead time sets before an activity window."""
    lines = list(lines)
    found = deadlines_between(lines, start, end) + lead_time_deadlines_between(lines, start, end)
    return sorted(found, key=lambda d: (d.date, d.line.title))


def next_deadline(line: FundingLine, reference: dt.date) -> dt.date | None:
    """The first submission deadline on or after `reference`, if the line has any."""
    upcoming = all_deadlines_between([line], reference, reference + dt.timedelta(days=366))
    return upcoming[0].date if upcoming else None
