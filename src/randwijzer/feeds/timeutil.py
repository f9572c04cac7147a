"""Feed times are UTC; Randwijzer's dates are Brussels dates (2025-09-14T22:00:00Z is 15 September)."""
from __future__ import annotations

import datetime as dt

from django.utils import timezone


def brussels_date(value) -> dt.date | None:
    """The Brussels calendar day of an xsd:dateTime or xsd:date literal; None when it is not one."""
    try:
        python = value.toPython() if hasattr(value, "toPython") else value
    except Exception:  # noqa: BLE001 (rdflib leaves an unreadable date as text)
        return None
    if isinstance(python, str):
        try:
            python = dt.datetime.fromisoformat(python.replace("Z", "+00:00"))
        except ValueError:
            return None
    if isinstance(python, dt.datetime):
        if python.tzinfo is None:
            python = python.replace(tzinfo=dt.timezone.utc)
        return timezone.localtime(python, timezone.get_default_timezone()).date()  # settings.TIME_ZONE: Brussels
    if isinstance(python, dt.date):
        return python
    return None


def today() -> dt.date:
    return timezone.localdate(timezone=timezone.get_default_timezone())
