"""At most LIMIT_PER_HOUR suggestions per client IP and per e-mail address in each clock hour.

Clients are counted under a salted hash (HMAC with SECRET_KEY): the raw IP address or e-mail is
never stored. Counting happens in RateBucket rows, so every web worker sees the same counts."""
from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import RateBucket

LIMIT_PER_HOUR = 5
KEEP_BUCKETS = timedelta(days=1)


class RateLimited(Exception):
    def __init__(self, retry_at: datetime):
        super().__init__(f"limit reached until {retry_at.isoformat()}")
        self.retry_at = retry_at


def client_key(kind: str, value: str) -> str:
    digest = salted_hmac("randwijzer.suggestions.ratelimit", f"{kind}:{value.strip().lower()}", algorithm="sha256").hexdigest()
    return f"{kind}:{digest}"


def hit(keys: list[str], now: datetime | None = None) -> None:
    """Count one submission for each key; RateLimited when any key is over the limit.

    Call inside transaction.atomic: the UPDATE locks each bucket row until the end of the
    transaction, so concurrent workers count one after the other, and a refused submission
    (the exception rolls the transaction back) does not count."""
    now = now or timezone.now()
    window_start = now.replace(minute=0, second=0, microsecond=0)
    RateBucket.objects.filter(window_start__lt=now - KEEP_BUCKETS).delete()
    over = False
    for key in keys:
        bucket, _ = RateBucket.objects.get_or_create(key=key, window_start=window_start)
        RateBucket.objects.filter(pk=bucket.pk).update(hits=F("hits") + 1)
        hits = RateBucket.objects.values_list("hits", flat=True).get(pk=bucket.pk)
        over = over or hits > LIMIT_PER_HOUR
    if over:
        raise RateLimited(window_start + timedelta(hours=1))
