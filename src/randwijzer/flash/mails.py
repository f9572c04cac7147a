"""Render an e-mail's plain-text and HTML parts from templates, and queue it in the outbox."""
from __future__ import annotations

from django.template.loader import render_to_string

from randwijzer.ops.links import absolute_url

from . import tokens
from .models import Kind, Message, Subscriber


def links(subscriber: Subscriber) -> dict[str, str]:
    return {
        "unsubscribe_url": tokens.url(subscriber, tokens.UNSUBSCRIBE),
        "preferences_url": tokens.url(subscriber, tokens.PREFERENCES),
        "site_url": absolute_url(),
    }


def render(name: str, context: dict) -> tuple[str, str]:
    """(text, html) of templates flash/mail/<name>.txt and .html."""
    return (render_to_string(f"flash/mail/{name}.txt", context).strip() + "\n",
            render_to_string(f"flash/mail/{name}.html", context))


def queue(subscriber: Subscriber, kind: str, subject: str, template: str, context: dict, **fields) -> Message:
    context = {**links(subscriber), "subscriber": subscriber, "subject": subject, **context}
    text, html = render(template, context)
    unsubscribe = context["unsubscribe_url"] if kind != Kind.CONFIRMATION else ""
    return Message.objects.create(kind=kind, subscriber=subscriber, to=subscriber.email, subject=subject,
                                  text=text, html=html, unsubscribe_url=unsubscribe, **fields)
