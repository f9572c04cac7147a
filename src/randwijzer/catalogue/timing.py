"""Dates that follow from a funding line's rounds, calls and activity window.

Yearly items (1 February, 20 June-20 July) are expanded per year; a 29 February falls on
28 February in other years.
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .models import FundingLine


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


def activity_window(line: FundingLine, year: int) -> tuple[dt.date, dt.date]:
    """The window that starts in `year` (it may run into the next year)."""
    start = on_day(year, line.window_start_month, line.window_start_day)
    end = on_day(year, line.window_end_month, line.window_end_day)
    if end < start:
        end = on_day(year + 1, line.window_end_month, line.window_end_day)
    return start, end


def next_deadline(line: FundingLine, reference: dt.date) -> dt.date | None:
    """The first fixed submission deadline on or after `reference`, if the line has any."""
    upcoming = deadlines_between([line], reference, reference + dt.timedelta(days=366))
    return upcoming[0].date if upcoming else None


def upcoming_deadlines(reference: dt.date, limit: int = 5, lines: Iterable[FundingLine] | None = None) -> list[Deadline]:
    if lines is None:
        lines = FundingLine.objects.with_details().exclude(status="afgesloten")
    return deadlines_between(lines, reference, reference + dt.timedelta(days=366))[:limit]
