"""The `--today` option of the daily cron commands (`reminders send`, `dossiers remind`), read in one place.

The range is the deadlines API's: a date near the end of the calendar (9999-12-30) would make
"the next deadline after today" overflow, so it is refused up front with a Dutch message."""
from __future__ import annotations

import datetime as dt
import re

from django.core.management.base import CommandError

EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2999, 12, 31)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_today(value: str, option: str = "--today") -> dt.date:
    """The date of `value` (JJJJ-MM-DD); CommandError with exit status 2 naming `option` otherwise."""
    text = value.strip()
    try:
        if not ISO_DATE.fullmatch(text):
            raise ValueError
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"Ongeldige datum voor {option} ‘{value[:40]}’: schrijf JJJJ-MM-DD, bijvoorbeeld 2027-04-17.",
                           returncode=2) from None
    if not EARLIEST <= day <= LATEST:
        raise CommandError(f"Ongeldige datum voor {option} ‘{text}’: kies een datum van {EARLIEST.isoformat()} "
                           f"tot {LATEST.isoformat()}.", returncode=2)
    return day
