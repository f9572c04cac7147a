"""iCalendar (RFC 5545) feeds of deadlines and windows, built with the `icalendar` library.

Every event is all-day: a deadline is one day (DTEND is the next day, as RFC 5545 wants
for DATE values), a window spans its days (DTEND is the day after its last day). UIDs are
stable per line, kind and day, and DTSTAMP is the moment the line last changed, so two
builds of the same catalogue are identical and a client updates events, never duplicates.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import icalendar
from django.utils import timezone

from randwijzer.text.dutch import format_date_nl

from .services import Item

PRODID = "-//Randwijzer//Indiendata en periodes//NL"
ALARM_DAYS = 14
REFRESH = dt.timedelta(hours=12)
CONTENT_TYPE = "text/calendar; charset=utf-8"


def summary(item: Item) -> str:
    return f"{item.label} – {item.line.title}"


def description(item: Item, page_url: str) -> str:
    if item.kind == "deadline":
        when = f"{item.label}: {format_date_nl(item.start)}."
    else:
        when = f"{item.label}: van {format_date_nl(item.start)} tot en met {format_date_nl(item.end)}."
    parts = [when, item.line.summary, *item.doubts,
             f"Voorwaarden en bronnen: {page_url}",
             "Controleer de voorwaarden altijd bij de beheerder voor u een aanvraag indient."]
    return "\n\n".join(p for p in parts if p)


def alarm(item: Item) -> icalendar.Alarm:
    reminder = icalendar.Alarm()
    reminder.add("action", "DISPLAY")
    reminder.add("trigger", dt.timedelta(days=-ALARM_DAYS))
    reminder.add("description", f"Over {ALARM_DAYS} dagen, op {format_date_nl(item.start)}: {summary(item)}")
    return reminder


def event(item: Item, page_url: str) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", item.uid)
    # iCalendar keeps whole seconds.
    vevent.add("dtstamp", timezone.localtime(item.line.updated_at, dt.timezone.utc).replace(microsecond=0))
    vevent.add("dtstart", item.start)
    vevent.add("dtend", item.end + dt.timedelta(days=1))
    vevent.add("summary", summary(item))
    vevent.add("description", description(item, page_url))
    vevent.add("url", page_url)
    vevent.add("categories", [item.kind_nl])
    # A date to keep in mind, not a busy day.
    vevent.add("transp", "TRANSPARENT")
    if item.kind == "deadline":
        vevent.add_component(alarm(item))
    return vevent


def calendar(items: Iterable[Item], name: str, page_url: Callable[[Item], str]) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("name", name)
    cal.add("x-wr-caldesc", "Indiendata en periodes van steunmaatregelen in de Vlaamse Rand, uit de Randwijzer-catalogus.")
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", f"PT{int(REFRESH.total_seconds()) // 3600}H")  # not known to icalendar: written as text
    for item in items:
        cal.add_component(event(item, page_url(item)))
    return cal


def feed_name(line_title: str | None = None) -> str:
    return f"Randwijzer – {line_title}" if line_title else "Randwijzer – indiendata en periodes"
