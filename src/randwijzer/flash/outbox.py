"""Send what waits in the outbox, one message at a time, through Django's e-mail backend.

Guarantees:
- a message is marked sent in its own commit right after the SMTP server accepted it, so
  a crash loses nothing and a re-run never sends an edition twice to one reader;
- a message is claimed (status "sending") before it is handed to SMTP, so two runs at the
  same time never send the same message; a claim left by a killed run is taken over after
  STALE_CLAIM;
- temporary failures (no connection, SMTP 4xx) are retried with exponential back-off,
  permanent ones (SMTP 5xx) are reported and not retried.
"""
from __future__ import annotations

import datetime as dt
import smtplib
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F, Q
from django.utils import timezone

from .models import Kind, Message, Status

MAX_ATTEMPTS = 8
BACKOFF_FIRST = dt.timedelta(minutes=5)
BACKOFF_MAX = dt.timedelta(hours=24)
STALE_CLAIM = dt.timedelta(minutes=15)
PROGRESS_EVERY = 100


@dataclass
class SendReport:
    total: int = 0
    sent: int = 0
    retry_later: int = 0
    failed: list[str] = field(default_factory=list)  # "address: reason" of permanent failures
    cancelled: int = 0
    stopped: str = ""  # why the run stopped early (server unreachable)

    def lines(self) -> list[str]:
        out = [f"{self.sent} van {self.total} berichten verstuurd."]
        if self.retry_later:
            out.append(f"{self.retry_later} tijdelijk mislukt: ze worden later opnieuw geprobeerd.")
        if self.cancelled:
            out.append(f"{self.cancelled} niet verstuurd: de lezer schreef zich uit.")
        if self.failed:
            out.append(f"{len(self.failed)} definitief mislukt (niet opnieuw geprobeerd):")
            out += [f"  - {item}" for item in self.failed]
        if self.stopped:
            out.append(self.stopped)
        return out


class ServerProblem(Exception):
    """The server as a whole is unusable (unreachable, refuses our login): stop the run."""


def backoff(attempts: int) -> dt.timedelta:
    """5 minutes after the first failure, then doubling: 10, 20, 40 minutes, ... at most a day."""
    return min(BACKOFF_FIRST * 2 ** max(attempts - 1, 0), BACKOFF_MAX)


def due(now: dt.datetime, edition=None, kind: str | None = None, ids=None):
    messages = Message.objects.filter(
        Q(status=Status.QUEUED)
        | Q(status=Status.FAILED_TEMPORARY, next_attempt_at__lte=now)
        | Q(status=Status.SENDING, claimed_at__lt=now - STALE_CLAIM)
    )
    if edition is not None:
        messages = messages.filter(edition=edition)
    if kind is not None:
        messages = messages.filter(kind=kind)
    if ids is not None:
        messages = messages.filter(pk__in=list(ids))
    return messages.order_by("id")


def email_for(message: Message, connection) -> EmailMultiAlternatives:
    sender = settings.DEFAULT_FROM_EMAIL
    # Our own Message-ID: Django's default asks the DNS for this machine's name.
    domain = sender.rsplit("@", 1)[-1].strip(" >") or "randwijzer.local"
    headers = {"Message-ID": make_msgid(domain=domain)}
    if message.unsubscribe_url:
        # RFC 8058: mail clients offer their own one-click "unsubscribe" button.
        headers["List-Unsubscribe"] = f"<{message.unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    email = EmailMultiAlternatives(message.subject, message.text, sender, [message.to], headers=headers, connection=connection)
    if message.html:
        email.attach_alternative(message.html, "text/html")
    return email


def deliver(message: Message, connection) -> None:
    """Hand one message to the SMTP server; raises what smtplib raises."""
    connection.send_messages([email_for(message, connection)])


def _reason(text) -> str:
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)


def classify(exc: smtplib.SMTPException | OSError) -> tuple[bool, str]:
    """(temporary?, reason). Raises ServerProblem when no message can get through now."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(exc.recipients.values()))
        return code < 500, f"{code} {_reason(text)}"
    if isinstance(exc, (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, smtplib.SMTPHeloError,
                        smtplib.SMTPAuthenticationError, smtplib.SMTPSenderRefused, smtplib.SMTPNotSupportedError)):
        # Not this reader's fault: the server or our configuration. Nothing is given up on.
        raise ServerProblem(f"De SMTP-server weigert of is onbereikbaar ({_describe(exc)}).") from exc
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code < 500, f"{exc.smtp_code} {_reason(exc.smtp_error)}"
    raise ServerProblem(f"De SMTP-server is onbereikbaar ({_describe(exc)}).") from exc


def _describe(exc: Exception) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_reason(exc.smtp_error)}"
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _claim(pk: int, now: dt.datetime) -> bool:
    """Take the message for this run; False if another run took or sent it meanwhile."""
    return due(now).filter(pk=pk).update(status=Status.SENDING, claimed_at=now) == 1


def _release(pk: int) -> None:
    Message.objects.filter(pk=pk, status=Status.SENDING).update(status=Status.QUEUED, claimed_at=None)


def _temporary(message: Message, reason: str, now: dt.datetime) -> bool:
    """Record a temporary failure; True if it will be retried, False if we gave up."""
    attempts = message.attempts + 1
    if attempts >= MAX_ATTEMPTS:
        Message.objects.filter(pk=message.pk).update(
            status=Status.FAILED_PERMANENT, attempts=attempts, claimed_at=None,
            last_error=f"opgegeven na {attempts} pogingen; laatste fout: {reason}")
        return False
    Message.objects.filter(pk=message.pk).update(
        status=Status.FAILED_TEMPORARY, attempts=attempts, claimed_at=None,
        next_attempt_at=now + backoff(attempts), last_error=reason)
    return True


def send_due(edition=None, kind: str | None = None, ids=None, now: dt.datetime | None = None,
             progress: Callable[[int, int], None] | None = None, every: int = PROGRESS_EVERY) -> SendReport:
    """Send every message that is due; `now` is for tests that jump past a back-off."""
    clock = (lambda: now) if now is not None else timezone.now
    ids = list(due(clock(), edition, kind, ids).values_list("id", flat=True))
    report = SendReport(total=len(ids))
    connection = get_connection(fail_silently=False)
    try:
        for done, pk in enumerate(ids, 1):
            if not _claim(pk, clock()):
                continue
            message = Message.objects.select_related("subscriber").get(pk=pk)
            if message.kind != Kind.CONFIRMATION and not message.subscriber.active:
                Message.objects.filter(pk=pk).update(status=Status.CANCELLED, claimed_at=None)
                report.cancelled += 1
                continue
            try:
                deliver(message, connection)
            except (smtplib.SMTPException, OSError) as exc:
                try:
                    temporary, reason = classify(exc)
                except ServerProblem as problem:
                    _temporary(message, str(problem), clock())
                    report.retry_later += 1
                    left = report.total - done
                    report.stopped = f"{problem} Gestopt; nog {left} bericht(en) in de wachtrij voor een volgende run."
                    break
                if temporary and _temporary(message, reason, clock()):
                    report.retry_later += 1
                elif temporary:
                    report.failed.append(f"{message.to}: opgegeven na {MAX_ATTEMPTS} pogingen: {reason}")
                else:
                    Message.objects.filter(pk=pk).update(status=Status.FAILED_PERMANENT, attempts=F("attempts") + 1,
                                                         claimed_at=None, last_error=reason)
                    report.failed.append(f"{message.to}: {reason}")
            except BaseException:
                # Interrupted (Ctrl-C, a bug) before the server accepted it: leave it for the next run.
                _release(pk)
                raise
            else:
                # Its own commit, right after the server's "250 OK".
                Message.objects.filter(pk=pk).update(status=Status.SENT, sent_at=timezone.now(), claimed_at=None,
                                                     attempts=F("attempts") + 1, last_error="")
                report.sent += 1
            if progress and (done % every == 0 or done == report.total):
                progress(done, report.total)
    finally:
        try:
            connection.close()
        except (smtplib.SMTPException, OSError):
            pass
    return report
