"""Mails asked for in a request, sent after the response has gone out (and by `randwijzer mail send`
from cron for whatever is left, e.g. when the mail server was down).

Why: a password reset that sent its mail inside the request took longer for an existing account
than for an unknown address, and so told who has an account. Now the request stores the address
only; the account lookup, the token and the SMTP conversation happen here.

Guarantees: a row is claimed before it is sent (two runs never send it twice; a claim left by a
killed run is taken over after STALE_CLAIM); it is deleted once the server accepted the mail, or
given up after MAX_ATTEMPTS or once a reset link sent now would be stale anyway."""
from __future__ import annotations

import datetime as dt
import logging
import smtplib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone

from .forms import DutchPasswordResetForm
from .mails import link_days, site_url
from .models import QueuedMail

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
STALE_CLAIM = dt.timedelta(minutes=15)


@dataclass
class SendReport:
    sent: int = 0
    retry_later: int = 0
    given_up: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{self.sent} mail(s) verstuurd."]
        if self.retry_later:
            out.append(f"{self.retry_later} tijdelijk mislukt: de volgende run probeert opnieuw.")
        out += [f"opgegeven: {item}" for item in self.given_up]
        return out


def queue_password_reset(email: str) -> QueuedMail:
    return QueuedMail.objects.create(kind=QueuedMail.Kind.PASSWORD_RESET, to=email.strip())


def _claim(pk: int, now: dt.datetime) -> bool:
    free = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - STALE_CLAIM)
    return QueuedMail.objects.filter(free, pk=pk).update(claimed_at=now, attempts=F("attempts") + 1) == 1


class _ResetForm(DutchPasswordResetForm):
    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):
        # Django's own logs and swallows an SMTP error; here it must reach send_queued, which retries.
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        EmailMultiAlternatives(subject, render_to_string(email_template_name, context), from_email, [to_email]).send()


def _send_password_reset(mail: QueuedMail) -> None:
    """Django's own reset mail (token, uid, templates) for every active account of this address; none for an unknown one."""
    form = _ResetForm({"email": mail.to})
    if not form.is_valid():
        return
    host = site_url().split("://", 1)[-1]
    form.save(domain_override=host, use_https=site_url().startswith("https://"),
              subject_template_name="accounts/mail/password_reset_subject.txt",
              email_template_name="accounts/mail/password_reset.txt",
              extra_email_context={"site_url": site_url(), "days": link_days()})


SENDERS = {QueuedMail.Kind.PASSWORD_RESET: _send_password_reset}


def send_queued(ids=None) -> SendReport:
    report = SendReport()
    now = timezone.now()
    too_old = now - dt.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
    rows = QueuedMail.objects.order_by("id")
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    for pk in list(rows.values_list("pk", flat=True)):
        if not _claim(pk, now):
            continue
        mail = QueuedMail.objects.get(pk=pk)
        if mail.created_at < too_old:
            mail.delete()  # the link would be stale on arrival; whoever asked has asked again
            report.given_up.append(f"{mail.to}: te oud")
            continue
        try:
            SENDERS[mail.kind](mail)
        except (smtplib.SMTPException, OSError) as exc:
            if mail.attempts >= MAX_ATTEMPTS:
                mail.delete()
                report.given_up.append(f"{mail.to}: {exc}")
            else:
                QueuedMail.objects.filter(pk=pk).update(claimed_at=None, last_error=str(exc)[:500])
                report.retry_later += 1
        else:
            mail.delete()
            report.sent += 1
    return report


def send_after_response(ids) -> None:
    """Called when the response has gone out; a failure leaves the mail for `randwijzer mail send`."""
    try:
        send_queued(ids)
    except Exception:
        log.exception("Mail(s) %s niet verstuurd na het antwoord; ze wachten op `randwijzer mail send`", list(ids))
