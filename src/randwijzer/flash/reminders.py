"""Reminders: a mail N days before the next deadline of a line the reader chose.

Safe to run every day (and twice a day): a reminder is queued once the deadline is N
days away or closer, and the database refuses a second reminder for the same reader, line
and deadline date. A day the job did not run is caught up the next day, before the deadline.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.urls import reverse

from randwijzer.catalogue.models import Status as LineStatus
from randwijzer.catalogue.timing import next_deadline
from randwijzer.text.dutch import format_date_nl

from . import mails
from .models import Kind, Reminder

MAX_DAYS_BEFORE = 90


@dataclass
class ReminderReport:
    queued: int = 0
    already: int = 0

    def __str__(self) -> str:
        return f"{self.queued} herinnering(en) in de wachtrij gezet; {self.already} waren al verstuurd of in de wachtrij."


def queue_due(today: dt.date) -> ReminderReport:
    report = ReminderReport()
    reminders = (Reminder.objects.filter(subscriber__confirmed_at__isnull=False, subscriber__unsubscribed_at__isnull=True)
                 .exclude(funding_line__status=LineStatus.AFGESLOTEN)
                 .select_related("subscriber", "funding_line").prefetch_related("funding_line__yearlydeadlines",
                                                                                "funding_line__callrounds"))
    for reminder in reminders:
        deadline = next_deadline(reminder.funding_line, today)
        if deadline is None or (deadline - today).days > reminder.days_before:
            continue
        if reminder.last_sent_for == deadline:
            report.already += 1
            continue
        try:
            with transaction.atomic():
                line = reminder.funding_line
                days = (deadline - today).days
                mails.queue(reminder.subscriber, Kind.REMINDER,
                            f"Herinnering: {line.title} – uiterste indiendatum {format_date_nl(deadline)}",
                            "reminder", {"line": line, "deadline": deadline, "days": days,
                                         "line_url": mails.links(reminder.subscriber)["site_url"] + line_path(line)},
                            reminder=reminder, funding_line=line, deadline=deadline)
                Reminder.objects.filter(pk=reminder.pk).update(last_sent_for=deadline)
        except IntegrityError:
            # Queued before (perhaps under a reminder that was removed and asked again).
            report.already += 1
        else:
            report.queued += 1
    return report


def line_path(line) -> str:
    return reverse("catalogue:funding", args=[line.id])
