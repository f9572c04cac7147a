"""Subscribing, confirming, unsubscribing and preferences: plain functions for views, CLI and tests.

The answer to "subscribe" is the same whether the address is new, pending or already
confirmed, so the form never tells a stranger who reads the Subsidieflash; what differs
is the mail, which only the owner of the address reads.
"""
from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from randwijzer.ops import ratelimit

from . import mails, tokens
from .models import Kind, Message, Reminder, Status, Subscriber

LIMIT_PER_HOUR = 5  # sign-ups per client IP address and per e-mail address (docs/security.md)
ONE_MAIL_PER = dt.timedelta(hours=1)  # at most one confirmation mail per address in this time


def normalise_email(email: str) -> str:
    # The domain is case-insensitive; the local part is kept as typed (the constraint is case-insensitive anyway).
    local, _, domain = email.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def find(email: str) -> Subscriber | None:
    return Subscriber.objects.filter(email__iexact=normalise_email(email)).first()


@transaction.atomic
def subscribe(email: str, municipality=None, applicant_type=None, themes=(), client_ip: str | None = None) -> Message:
    """Create or renew a subscription and queue the mail that goes with it.

    Raises ratelimit.RateLimited (nothing changed, nothing queued) when this client or address
    signed up too often this hour. For an address that is not confirmed yet, no new confirmation
    mail is queued within an hour of the last one: its link confirms the subscription just as well.
    A confirmed reader who signs up again gets the "al ingeschreven" mail (within the limit above)."""
    email = normalise_email(email)
    ratelimit.hit("flash", ratelimit.client_keys(ip=client_ip, email=email), LIMIT_PER_HOUR)
    subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
    if subscriber is not None and subscriber.active:
        # Someone else may have typed this address: keep the reader's preferences, tell the owner.
        return mails.queue(subscriber, Kind.CONFIRMATION, "U bent al ingeschreven op de Subsidieflash",
                           "already_subscribed", {})
    recent = _recent_confirmation(subscriber)
    if recent is not None:
        return recent
    if subscriber is None:
        subscriber = Subscriber(email=email)
    subscriber.municipality, subscriber.applicant_type = municipality, applicant_type
    subscriber.save()
    subscriber.themes.set(themes)
    return mails.queue(subscriber, Kind.CONFIRMATION, "Bevestig uw inschrijving op de Subsidieflash", "confirm",
                       {"confirm_url": tokens.url(subscriber, tokens.CONFIRM)})


def _recent_confirmation(subscriber: Subscriber | None) -> Message | None:
    if subscriber is None:
        return None
    since = timezone.now() - ONE_MAIL_PER
    return subscriber.messages.filter(kind=Kind.CONFIRMATION, created_at__gte=since).order_by("-id").first()


def confirm(subscriber: Subscriber) -> None:
    """Confirming twice is harmless; confirming after unsubscribing renews the subscription."""
    now = timezone.now()
    if subscriber.active:
        return
    Subscriber.objects.filter(pk=subscriber.pk).update(confirmed_at=now, unsubscribed_at=None)
    subscriber.confirmed_at, subscriber.unsubscribed_at = now, None


def unsubscribe(subscriber: Subscriber) -> None:
    """Unsubscribing twice is harmless. Queued mails of this reader are not sent any more."""
    with transaction.atomic():
        if subscriber.unsubscribed_at is None:
            subscriber.unsubscribed_at = timezone.now()
            Subscriber.objects.filter(pk=subscriber.pk).update(unsubscribed_at=subscriber.unsubscribed_at)
        Reminder.objects.filter(subscriber=subscriber).delete()
        Message.objects.filter(subscriber=subscriber, kind__in=[Kind.EDITION, Kind.REMINDER],
                               status__in=[Status.QUEUED, Status.FAILED_TEMPORARY]).update(status=Status.CANCELLED)


@transaction.atomic
def set_preferences(subscriber: Subscriber, municipality=None, applicant_type=None, themes=()) -> None:
    subscriber.municipality, subscriber.applicant_type = municipality, applicant_type
    subscriber.save(update_fields=["municipality", "applicant_type"])
    subscriber.themes.set(themes)


def set_reminder(subscriber: Subscriber, line, days_before: int) -> Reminder:
    reminder, _ = Reminder.objects.update_or_create(subscriber=subscriber, funding_line=line,
                                                    defaults={"days_before": days_before})
    return reminder


def remove_reminder(subscriber: Subscriber, reminder_id: int) -> None:
    Reminder.objects.filter(subscriber=subscriber, pk=reminder_id).delete()
