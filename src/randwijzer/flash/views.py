"""The Subsidieflash pages: subscribe, confirm, unsubscribe, preferences and the archive. Thin:
the work is in subscriptions, outbox and editions."""
from __future__ import annotations

import logging

from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from randwijzer.catalogue.models import Municipality
from randwijzer.ops.clients import client_ip
from randwijzer.ops.ratelimit import RateLimited

from . import outbox, subscriptions, tokens
from .editions import month_label
from .forms import DATALIST_ID, PreferencesForm, ReminderForm, SubscribeForm
from .models import Edition, Message, Status

log = logging.getLogger(__name__)


def _send_now(message: Message) -> bool:
    """Send a confirmation at once; True when the mail server took it. If not, it waits in the outbox
    for `randwijzer flash send` and the reader is told so, not "we sent a mail"."""
    try:
        outbox.send_due(ids=[message.pk])
    except Exception:  # the page must not fail because of the mail server
        log.exception("Bevestigingsmail %s niet verstuurd; ze blijft in de wachtrij", message.pk)
    sent = Message.objects.filter(pk=message.pk, status=Status.SENT).exists()
    if not sent:
        log.warning("Bevestigingsmail %s niet verstuurd; ze blijft in de wachtrij", message.pk)
    return sent


def _municipality_names() -> list[str]:
    return sorted(set(Municipality.objects.values_list("name_nl", flat=True)), key=str.casefold)


def _bad_link(request, expired: bool):
    return render(request, "flash/bad_link.html", {"expired": expired}, status=400)


@require_http_methods(["GET", "POST"])
def subscribe(request):
    form, limited = SubscribeForm(request.POST or None), ""
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                message = subscriptions.subscribe(data["email"], data["municipality"], data["applicant_type"],
                                                  data["themes"], client_ip=client_ip(request))
            except RateLimited as exc:
                status = 429
                limited = (f"Er kwamen het afgelopen uur al {subscriptions.LIMIT_PER_HOUR} inschrijvingen binnen van uw "
                           f"internetverbinding of voor dit e-mailadres. Dat is het maximum. Probeer het opnieuw na "
                           f"{timezone.localtime(exc.retry_at):%H:%M} uur.")
            else:
                sent = _send_now(message)
                # Post/redirect/get; the page says the same for a new and a known address.
                return redirect("flash:check_mail" if sent else "flash:mail_delayed")
        else:
            status = 400
    else:
        status = 200
    context = {"form": form, "limited": limited, "datalist_id": DATALIST_ID, "municipalities": _municipality_names(),
               "latest": Edition.objects.first()}
    return render(request, "flash/subscribe.html", context, status=status)


def check_mail(request):
    return render(request, "flash/check_mail.html")


def mail_delayed(request):
    return render(request, "flash/mail_delayed.html")


def confirm(request, token):
    try:
        subscriber = tokens.read(token, tokens.CONFIRM)
    except tokens.BadToken as exc:
        return _bad_link(request, exc.expired)
    subscriptions.confirm(subscriber)
    return render(request, "flash/confirmed.html", {"preferences_url": tokens.url(subscriber, tokens.PREFERENCES)})


# Mail clients post here for RFC 8058 one-click unsubscribe, without a CSRF token.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscriber = tokens.read(token, tokens.UNSUBSCRIBE)
    except tokens.BadToken as exc:
        return _bad_link(request, exc.expired)
    subscriptions.unsubscribe(subscriber)
    return render(request, "flash/unsubscribed.html", {"subscriber": subscriber})


@require_http_methods(["GET", "POST"])
def preferences(request, token):
    try:
        subscriber = tokens.read(token, tokens.PREFERENCES)
    except tokens.BadToken as exc:
        return _bad_link(request, exc.expired)
    initial = {"municipality": subscriber.municipality.name_nl if subscriber.municipality else "",
               "applicant_type": subscriber.applicant_type_id or "",
               "themes": [t.id for t in subscriber.themes.all()]}
    form, reminder_form, saved, status = PreferencesForm(initial=initial), ReminderForm(), "", 200
    action = request.POST.get("action")
    if action == "preferences":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            subscriptions.set_preferences(subscriber, data["municipality"], data["applicant_type"], data["themes"])
            saved = "Uw voorkeuren zijn bewaard."
        else:
            status = 400
    elif action == "add_reminder":
        reminder_form = ReminderForm(request.POST)
        if reminder_form.is_valid():
            data = reminder_form.cleaned_data
            subscriptions.set_reminder(subscriber, data["funding_line"], data["days_before"])
            saved = "Uw herinnering is bewaard."
            reminder_form = ReminderForm()
        else:
            status = 400
    elif action == "remove_reminder":
        subscriptions.remove_reminder(subscriber, _int(request.POST.get("reminder")))
        saved = "De herinnering is verwijderd."
    context = {"form": form, "reminder_form": reminder_form, "subscriber": subscriber, "saved": saved,
               "reminders": subscriber.reminders.select_related("funding_line"),
               "datalist_id": DATALIST_ID, "municipalities": _municipality_names(),
               "unsubscribe_url": tokens.url(subscriber, tokens.UNSUBSCRIBE)}
    return render(request, "flash/preferences.html", context, status=status)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def archive(request):
    editions = [(e, month_label(e.month)) for e in Edition.objects.all()]
    return render(request, "flash/archive.html", {"editions": editions})


def edition_detail(request, month):
    edition = get_object_or_404(Edition, month=month)
    context = {"edition": edition, "label": month_label(month), "built": timezone.localdate(edition.built_at)}
    return render(request, "flash/edition.html", context)
