"""Dutch wording of numbers, money, dates and durations, shared by pages, CLI and matcher."""
from __future__ import annotations

import calendar
import datetime as dt

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")


def format_number(n: int) -> str:
    """Dutch thousands separator: 61461 -> '61.461'."""
    return f"{n:,}".replace(",", ".")


def format_euro(n: int | None) -> str:
    """'€ 15.000'; whole euros, as the sources state them."""
    return "" if n is None else f"€ {format_number(n)}"


def format_month_day(month: int, day: int) -> str:
    return f"{day} {MONTHS[month - 1]}"


def format_date_nl(d: dt.date | None) -> str:
    """'1 februari 2027'."""
    return "" if d is None else f"{format_month_day(d.month, d.day)} {d.year}"


def format_datetime_nl(at: dt.datetime) -> str:
    """'3 maart 2026 om 14:05', in the site's time zone."""
    from django.utils import timezone  # text stays importable without Django settings for dates alone

    local = timezone.localtime(at)
    return f"{format_date_nl(local.date())} om {local:%H:%M}"


def join_nl(items) -> str:
    """'a, b en c'."""
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def months_nl(n: int) -> str:
    return f"{n} maand" if n == 1 else f"{n} maanden"


def add_months(date: dt.date, months: int) -> dt.date:
    """Same day `months` later (or earlier); the 31st becomes the month's last day."""
    index = date.month - 1 + months
    year, month = date.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))
