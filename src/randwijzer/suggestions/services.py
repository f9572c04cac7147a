"""Submitting a suggestion and handling it: plain functions, used by the pages and the tests."""
from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from randwijzer.accounts.access import can_edit

from randwijzer.ops import ratelimit

from . import mails
from .models import Status, Suggestion

log = logging.getLogger(__name__)
LIMIT_PER_HOUR = 5  # suggestions per client IP address and per e-mail address


class AlreadyHandled(Exception):
    def __init__(self, suggestion: Suggestion):
        super().__init__(f"suggestion {suggestion.pk} is already {suggestion.status}")
        self.suggestion = suggestion


def can_review(user) -> bool:
    """Editors (the one check in accounts.access); they also need staff rights to reach the admin."""
    return bool(can_edit(user) and user.is_staff)


def submit(*, kind: str, text: str, email: str, client_ip: str, name: str = "", source_url: str = "",
           funding_line=None, partner=None) -> Suggestion:
    """Store a suggestion with status nieuw and confirm it to the proposer by e-mail.

    Raises ratelimit.RateLimited (nothing stored, nothing sent) when this IP address or e-mail
    address sent too many in the current hour."""
    email = email.strip()
    with transaction.atomic():
        ratelimit.hit("suggestions", ratelimit.client_keys(ip=client_ip, email=email), LIMIT_PER_HOUR)
        suggestion = Suggestion.objects.create(
            kind=kind, text=text, email=email, name=name.strip(), source_url=source_url,
            funding_line=funding_line, partner=partner,
        )
    _mail(mails.send_received, suggestion)
    return suggestion


def accept(suggestion_id: int, editor, note: str = "") -> Suggestion:
    return _handle(suggestion_id, editor, Status.ACCEPTED, note.strip())


def decline(suggestion_id: int, editor, reason: str) -> Suggestion:
    reason = reason.strip()
    if not reason:
        raise ValueError("a declined suggestion needs a reason")
    return _handle(suggestion_id, editor, Status.DECLINED, reason)


def _handle(suggestion_id: int, editor, status: str, note: str) -> Suggestion:
    # One conditional UPDATE: of two editors handling the same suggestion at once, exactly one
    # changes the row; the other gets AlreadyHandled and sends no mail.
    with transaction.atomic():
        changed = Suggestion.objects.filter(pk=suggestion_id, status=Status.NEW).update(
            status=status, handled_by=editor, handled_at=timezone.now(), outcome_note=note,
        )
        suggestion = Suggestion.objects.select_related("funding_line", "partner", "handled_by").get(pk=suggestion_id)
    if not changed:
        raise AlreadyHandled(suggestion)
    _mail(mails.send_outcome, suggestion)
    return suggestion


def _mail(send, suggestion: Suggestion) -> None:
    # The suggestion is stored either way; a mail server that is down must not lose it or fail the page.
    try:
        send(suggestion)
    except Exception:
        log.exception("Mail over voorstel %s niet verstuurd", suggestion.pk)
