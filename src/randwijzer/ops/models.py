"""Counters for the rate limits (ops.ratelimit)."""
from django.db import models


class RateBucket(models.Model):
    """Hits of one client (a salted hash of an IP address or e-mail address) for one limit in one clock hour.

    In the database, not in memory, so a limit holds across every web worker and machine."""

    scope = models.CharField(max_length=40)  # which limit: "suggestions", "flash", "password-reset", "login-ip"
    key = models.CharField(max_length=80)
    window_start = models.DateTimeField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "key", "window_start"], name="one_bucket_per_scope_key_hour")]
        indexes = [models.Index(fields=["window_start"])]
