"""Deadline reminders for dossiers still being prepared (idee, in voorbereiding).

`randwijzer dossiers remind` runs daily: a dossier whose deadline is N days away or closer
gets one e-mail per recipient (its responsible member, or every member when nobody is
responsible). A DossierReminder row per dossier and deadline is claimed first, so the same
reminder never goes out twice; if the mail server refuses, the claim is dropped and the
next run tries again (a recipient the server refused while others got it is reported, not retried).
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from randwijzer.catalogue.models import Status as LineStatus
from randwijzer.catalogue.timing import next_deadline
from randwijzer.ops.links import absolute_url
from randwijzer.text.dutch import format_date_nl

from .models import Dossier, DossierEvent, DossierReminder, EventKind
from .pipeline import BEFORE_SUBMISSION
from .values import members

log = logging.getLogger(__name__)
DEFAULT_DAYS = 14


def deadline_for(dossier: Dossier, today: dt.date) -> dt.date | None:
    """The deadline the dossier works towards: its call's closing date, else the line's next deadline.

    None when the catalogue knows no fixed date (continuous lines, unknown timing, closed lines).
    """
    line = dossier.funding_line
    if line.status == LineStatus.AFGESLOTEN:
        return None
    if dossier.call_round_id:
        closes = dossier.call_round.closes_on
        return closes if closes >= today else None
    return next_deadline(line, today)


def recipients(dossier: Dossier) -> list[str]:
    responsible = dossier.responsible
    if responsible is not None and responsible.is_active and responsible.email:
        return [responsible.email]
    return [user.email for user in members(dossier.organisation) if user.email]


@dataclass
class RemindReport:
    sent: list[str] = field(default_factory=list)
    already: int = 0
    failed: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{len(self.sent)} herinnering(en) verstuurd; {self.already} waren al verstuurd."]
        out += [f"verstuurd: {line}" for line in self.sent]
        out += [f"niet verstuurd: {line}" for line in self.failed]
        return out


def _message(dossier: Dossier, deadline: dt.date, today: dt.date, to: str) -> EmailMessage:
    context = {"dossier": dossier, "deadline": format_date_nl(deadline), "days": (deadline - today).days,
               "dossier_url": absolute_url(reverse("dossiers:detail", args=[dossier.pk])),
               "line_url": absolute_url(reverse("catalogue:funding", args=[dossier.funding_line_id]))}
    subject = f"Herinnering: {dossier.title} – uiterste indiendatum {format_date_nl(deadline)}"
    body = render_to_string("dossiers/mail/reminder.txt", context)
    return EmailMessage(subject=subject[:250], body=body, to=[to])


# A run that died between claiming a reminder and sending it leaves a claim without sent_at; after
# this long a later run takes the claim over instead of counting the reminder as sent.
STALE_CLAIM = dt.timedelta(hours=1)


def _claim(dossier: Dossier, deadline: dt.date, to: list[str]) -> DossierReminder | None:
    try:
        with transaction.atomic():
            return DossierReminder.objects.create(dossier=dossier, deadline=deadline, recipients="\n".join(to))
    except IntegrityError:
        pass
    now = timezone.now()
    # One conditional UPDATE: of two runs meeting the same stale claim, only one takes it over.
    taken = DossierReminder.objects.filter(dossier=dossier, deadline=deadline, sent_at__isnull=True,
                                           claimed_at__lt=now - STALE_CLAIM).update(claimed_at=now)
    return DossierReminder.objects.get(dossier=dossier, deadline=deadline) if taken else None


def send_due(today: dt.date, days: int = DEFAULT_DAYS) -> RemindReport:
    report = RemindReport()
    dossiers = (Dossier.objects.filter(status__in=BEFORE_SUBMISSION)
                .select_related("organisation", "funding_line", "call_round", "responsible")
                .prefetch_related("funding_line__yearlydeadlines", "funding_line__callrounds"))
    connection = get_connection()
    for dossier in dossiers:
        deadline = deadline_for(dossier, today)
        if deadline is None or (deadline - today).days > days:
            continue
        to = recipients(dossier)
        if not to:
            continue
        claim = _claim(dossier, deadline, to)
        if claim is None:
            report.already += 1
            continue
        label = f"{dossier.organisation.name} – {dossier.title} ({format_date_nl(deadline)})"
        sent_to = []
        for address in to:
            try:
                connection.send_messages([_message(dossier, deadline, today, address)])
            except Exception:  # the mail server said no; the report and the log say to whom
                log.exception("Herinnering voor dossier %s aan %s niet verstuurd", dossier.pk, address)
                report.failed.append(f"{label} aan {address}")
            else:
                sent_to.append(address)
        if not sent_to:
            claim.delete()  # nobody got it: tomorrow's run tries again
            continue
        now = timezone.now()
        DossierReminder.objects.filter(pk=claim.pk).update(sent_at=now, recipients="\n".join(sent_to))
        DossierEvent.objects.create(dossier=dossier, kind=EventKind.REMINDER, at=now,
                                    summary=f"Herinnering voor {format_date_nl(deadline)} aan {', '.join(sent_to)}"[:500])
        label += f" aan {', '.join(sent_to)}"
        report.sent.append(label)
    return report
