"""Rate limits per client IP address and per e-mail address in each clock hour, shared by the readers'
suggestions, the Subsidieflash sign-up, password reset and the login (values in docs/security.md).

Clients are counted under a salted hash (HMAC with SECRET_KEY): the raw IP address or e-mail is
never stored. Counting happens in RateBucket rows, so every web worker sees the same counts."""
from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import F, Sum
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import RateBucket

KEEP_BUCKETS = timedelta(days=1)


class RateLimited(Exception):
    def __init__(self, retry_at: datetime):
        super().__init__(f"limit reached until {retry_at.isoformat()}")
        self.retry_at = retry_at


def client_key(kind: str, value: str) -> str:
    digest = salted_hmac("randwijzer.ops.ratelimit", f"{kind}:{value.strip().lower()}", algorithm="sha256").hexdigest()
    return f"{kind}:{digest}"


def client_keys(ip: str | None = None, email: str | None = None) -> list[str]:
    """The keys of one client: its IP address and/or the e-mail address it typed."""
    return [client_key(kind, value) for kind, value in (("ip", ip), ("email", email)) if value]


def _window(now: datetime) -> datetime:
    return now.replace(minute=0, second=0, microsecond=0)


def record(scope: str, keys: list[str], now: datetime | None = None) -> int:
    """Count one hit for each key in this clock hour; the highest count among them."""
    now = now or timezone.now()
    window_start = _window(now)
    RateBucket.objects.filter(window_start__lt=now - KEEP_BUCKETS).delete()
    highest = 0
    for key in keys:
        bucket, _ = RateBucket.objects.get_or_create(scope=scope, key=key, window_start=window_start)
        RateBucket.objects.filter(pk=bucket.pk).update(hits=F("hits") + 1)
        highest = max(highest, RateBucket.objects.values_list("hits", flat=True).get(pk=bucket.pk))
    return highest


def hit(scope: str, keys: list[str], limit: int, now: datetime | None = None) -> None:
    """Count one request for each key; RateLimited when any key is over `limit` this hour.

    Call inside transaction.atomic: the UPDATE locks each bucket row until the end of the
    transaction, so concurrent workers count one after the other, and a refused request
    (the exception rolls the transaction back) does not count."""
    now = now or timezone.now()
    if record(scope, keys, now) > limit:
        raise RateLimited(retry_at(now))


def retry_at(now: datetime) -> datetime:
    return _window(now) + timedelta(hours=1)


def count(scope: str, key: str, since: datetime) -> int:
    """The hits of one key since `since` (rounded down to its clock hour)."""
    total = RateBucket.objects.filter(scope=scope, key=key, window_start__gte=_window(since)).aggregate(n=Sum("hits"))["n"]
    return total or 0
