"""A Projectwijzer answer computed once per query, catalogue version and day (the permalink's answer).

Kept in the shared cache (settings.CACHES, bounded by CACHE_MAX_ENTRIES or the server's own
limit), so the many visitors who open one shared permalink cost one match between them.
"""
from __future__ import annotations

import datetime as dt
import hashlib

from django.core.cache import cache
from django.utils import timezone

from randwijzer.catalogue import version

from .service import MatchResult, match_project

ANSWER_SECONDS = 24 * 60 * 60  # the day is in the key


def match_once(state: version.Version, **arguments) -> MatchResult:
    """match_project(**arguments) on the catalogue of `state`; errors (MatchInputError) are not kept."""
    key = answer_key(state, timezone.localdate(), arguments)
    result = cache.get(key)
    if result is None:
        result = match_project(**arguments)
        cache.set(key, result, ANSWER_SECONDS)
    return result


def answer_key(state: version.Version, today: dt.date, arguments: dict) -> str:
    query = repr(sorted(arguments.items()))
    return "match:" + hashlib.sha256(f"{state.token}|{today.isoformat()}|{query}".encode()).hexdigest()
