"""The proposer's e-mails, in Dutch and plain text (user input is never rendered as HTML)."""
from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from randwijzer.ops.links import absolute_url

from .links import public_target
from .models import Status, Suggestion

SUBJECTS = {
    "received": "Uw voorstel aan Randwijzer is goed ontvangen",
    Status.ACCEPTED: "Uw voorstel aan Randwijzer is verwerkt",
    Status.DECLINED: "Uw voorstel aan Randwijzer: niet overgenomen",
}


def _send(suggestion: Suggestion, subject: str, template: str) -> None:
    path = public_target(suggestion)
    context = {"suggestion": suggestion, "target_url": absolute_url(path) if path else "", "site_url": absolute_url()}
    body = render_to_string(f"suggestions/mail/{template}.txt", context).strip() + "\n"
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [suggestion.email]).send()


def send_received(suggestion: Suggestion) -> None:
    _send(suggestion, SUBJECTS["received"], "received")


def send_outcome(suggestion: Suggestion) -> None:
    _send(suggestion, SUBJECTS[suggestion.status], suggestion.status)
