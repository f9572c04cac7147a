""""Vandaag geverifieerd": an editor checked an entry against its sources today.

The entry's verified date and that of each of its sources become today (Europe/Brussels):
the sources are what was checked, so every fact keeps a source with a verified date. The
edit is one history moment and, for funding lines, a sentence in the change log.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from randwijzer.catalogue.editing import catalogue_edit, editor_source

REASON = "Vandaag geverifieerd"


@dataclass
class Verified:
    entries: int
    sources: int
    on: dt.date


def _printed_and_only_read(source) -> bool:
    """The 2024 guide: a checked entry does not make the printed text checked (docs/catalogue.md)."""
    return source.verified_on is None and not source.url and bool(source.published)


def verify_today(entries, user=None, today: dt.date | None = None) -> Verified:
    """Mark funding lines or partners (and all their sources) as verified on `today`."""
    today = today or timezone.localdate()
    entries = list(entries)
    sources = 0
    with catalogue_edit(user, REASON, source=editor_source(user, "vandaag geverifieerd"), entries=entries):
        for entry in entries:
            entry.verified_on = today
            entry.save()
            for source in entry.sources.all():
                if _printed_and_only_read(source):
                    continue
                source.verified_on = today
                source.save()
                sources += 1
    return Verified(len(entries), sources, today)
