"""Signed links in the mails: confirm, unsubscribe and preferences, without login.

A token carries the subscriber's id and secret, signed with the site's SECRET_KEY and a
salt per purpose, so a confirmation token cannot be used to change preferences.
"""
from __future__ import annotations

from functools import lru_cache

from django.core import signing
from django.urls import reverse

from randwijzer.ops.links import absolute_url

from .models import Subscriber

CONFIRM, UNSUBSCRIBE, PREFERENCES = "confirm", "unsubscribe", "preferences"

# How long a link works. Unsubscribing must always work, even from a mail of years ago.
MAX_AGE = {CONFIRM: 7 * 24 * 3600, PREFERENCES: 366 * 24 * 3600, UNSUBSCRIBE: None}
ROUTES = {CONFIRM: "flash:confirm", UNSUBSCRIBE: "flash:unsubscribe", PREFERENCES: "flash:preferences"}


class BadToken(Exception):
    def __init__(self, expired: bool = False):
        self.expired = expired


def make(subscriber: Subscriber, purpose: str) -> str:
    return signing.dumps({"s": subscriber.pk, "k": subscriber.secret}, salt=f"randwijzer.flash.{purpose}", compress=False)


def read(token: str, purpose: str) -> Subscriber:
    """The subscriber a token names; BadToken if it is forged, expired or no longer valid."""
    try:
        data = signing.loads(token, salt=f"randwijzer.flash.{purpose}", max_age=MAX_AGE[purpose])
    except signing.SignatureExpired:
        raise BadToken(expired=True) from None
    except signing.BadSignature:
        raise BadToken() from None
    if not isinstance(data, dict):
        raise BadToken()
    subscriber = Subscriber.objects.filter(pk=data.get("s"), secret=data.get("k")).first()
    if subscriber is None:
        raise BadToken()
    return subscriber


PLACEHOLDER = "TOKEN"


def url(subscriber: Subscriber, purpose: str) -> str:
    """The absolute link for a mail: the site's address comes from settings, not from a request."""
    path = _path(purpose).replace(PLACEHOLDER, make(subscriber, purpose))
    return absolute_url(path)


@lru_cache
def _path(purpose: str) -> str:
    # reverse() once per purpose rather than per reader: an edition builds thousands of links.
    return reverse(ROUTES[purpose], args=[PLACEHOLDER])
