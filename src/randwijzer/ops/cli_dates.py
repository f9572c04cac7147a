"""The `--today` option of the daily cron commands (`reminders send`, `dossiers remind`), read in one place.

The range is the one of catalogue.limits: a date near the end of the calendar (9999-12-30) would
make "the next deadline after today" overflow, so it is refused up front with a Dutch message."""
from __future__ import annotations

import datetime as dt

from django.core.management.base import CommandError

from randwijzer.catalogue import limits


def parse_today(value: str, option: str = "--today") -> dt.date:
    """The date of `value` (JJJJ-MM-DD); CommandError with exit status 2 naming `option` otherwise."""
    text = value.strip()
    try:
        return limits.parse_day(text)
    except ValueError as exc:
        shown = "".join(c for c in text[:40] if c.isprintable())
        raise CommandError(f"Ongeldige datum voor {option} ‘{shown}’: {exc}, bijvoorbeeld 2027-04-17.", returncode=2) from None
