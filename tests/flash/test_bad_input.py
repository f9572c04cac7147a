"""Bad input: a clear Dutch answer, status 400 or exit 2; nothing duplicated, nothing lost."""
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core import signing
from django.core.management import CommandError, call_command
from django.utils import timezone

from randwijzer.flash import tokens
from randwijzer.flash.models import Message, Subscriber

from .conftest import part
from .helpers import link_to, reader

pytestmark = pytest.mark.django_db


def test_malformed_email_is_refused_in_dutch(client, smtp):
    page = client.post("/flash/", {"email": "an.peeters@"})
    assert page.status_code == 400
    assert "Vul een geldig e-mailadres in" in page.content.decode()
    assert not Subscriber.objects.exists() and not smtp.messages


def test_unknown_municipality_gets_a_suggestion(client, smtp):
    page = client.post("/flash/", {"email": "a@voorbeeld.be", "municipality": "Wemel"})
    assert page.status_code == 400
    assert "Onbekende gemeente &#x27;Wemel&#x27;. Bedoelde u: Wemmel" in page.content.decode()


def test_subscribing_twice_does_not_duplicate_nor_tell_a_stranger(client, smtp):
    first = client.post("/flash/", {"email": "an@voorbeeld.be"}, follow=True).content.decode()
    client.get(link_to(part(smtp.messages[0], "plain"), "bevestigen"))
    # An hour later too (a confirmed reader gets this mail within the per-address limit)
    Message.objects.update(created_at=timezone.now() - timedelta(hours=1, minutes=1))
    # somebody types the same address again, in other capitals and with other preferences.
    second = client.post("/flash/", {"email": "AN@Voorbeeld.be", "municipality": "Wemmel"}, follow=True).content.decode()
    assert first == second
    subscriber = Subscriber.objects.get()
    assert subscriber.active and subscriber.municipality is None  # the stranger changed nothing
    mail = smtp.messages[-1]
    assert mail["Subject"] == "U bent al ingeschreven op de Subsidieflash"
    assert link_to(part(mail, "plain"), "voorkeuren")


def test_pending_subscription_asked_again_gets_a_new_confirmation_after_an_hour(client, smtp):
    """Within the hour the first mail's link still serves (issue #16: one pending confirmation per hour)."""
    client.post("/flash/", {"email": "an@voorbeeld.be"})
    client.post("/flash/", {"email": "an@voorbeeld.be"})
    assert len(smtp.messages) == 1
    Message.objects.update(created_at=timezone.now() - timedelta(hours=1, minutes=1))
    client.post("/flash/", {"email": "an@voorbeeld.be"})
    assert Subscriber.objects.count() == 1
    assert [m["Subject"] for m in smtp.messages] == ["Bevestig uw inschrijving op de Subsidieflash"] * 2


@pytest.mark.parametrize("kind", ["bevestigen", "uitschrijven", "voorkeuren"])
def test_forged_token_is_a_clear_400(client, kind):
    page = client.get(f"/flash/{kind}/eyJzIjoxfQ:1xWeZO:nagemaakt/")
    assert page.status_code == 400
    assert "Deze link is ongeldig" in page.content.decode()


def test_token_for_another_purpose_is_refused(client):
    subscriber = reader("an@voorbeeld.be")
    page = client.get(f"/flash/voorkeuren/{tokens.make(subscriber, tokens.UNSUBSCRIBE)}/")
    assert page.status_code == 400


def test_expired_confirmation_link_says_so(client, monkeypatch):
    subscriber = Subscriber.objects.create(email="an@voorbeeld.be")
    eight_days_ago = time.time() - 8 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: eight_days_ago)
    token = tokens.make(subscriber, tokens.CONFIRM)
    monkeypatch.undo()
    page = client.get(f"/flash/bevestigen/{token}/")
    assert page.status_code == 400
    assert "Deze link is verlopen" in page.content.decode()
    assert not Subscriber.objects.get().active


def test_unsubscribe_link_of_a_deleted_subscriber_is_refused(client):
    subscriber = reader("an@voorbeeld.be")
    token = tokens.make(subscriber, tokens.UNSUBSCRIBE)
    subscriber.delete()
    assert client.get(f"/flash/uitschrijven/{token}/").status_code == 400


def test_preferences_bad_input_keeps_the_old_preferences(client):
    subscriber = reader("an@voorbeeld.be", municipality_id="23100")
    url = f"/flash/voorkeuren/{tokens.make(subscriber, tokens.PREFERENCES)}/"
    page = client.post(url, {"action": "preferences", "municipality": "Atlantis", "applicant_type": "ruimtevaarder"})
    assert page.status_code == 400
    text = page.content.decode()
    assert "Onbekende gemeente &#x27;Atlantis&#x27;." in text and "Kies een type aanvrager uit de lijst." in text
    assert Subscriber.objects.get().municipality_id == "23100"
    page = client.post(url, {"action": "add_reminder", "funding_line": "impulssubsidie-vlaamse-rand", "days_before": "400"})
    assert page.status_code == 400 and "Geef hoogstens 90 dagen." in page.content.decode()


def flash(*args):
    with pytest.raises(CommandError) as info:
        call_command(*args, stdout=StringIO(), stderr=StringIO())
    assert info.value.returncode == 2
    return str(info.value)


@pytest.mark.parametrize("value", ["2027-13", "mei", "2027-5", "27-05"])
def test_malformed_edition_exits_2_in_dutch(value):
    assert "geen geldige editie: schrijf jaar en maand als JJJJ-MM" in flash("flash", "build", "--edition", value)
    assert "geen geldige editie" in flash("flash", "send", "--edition", value)


def test_unknown_edition_cannot_be_sent():
    assert flash("flash", "send", "--edition", "2026-01") == (
        "Editie 2026-01 bestaat niet. Stel ze eerst samen met: randwijzer flash build --edition 2026-01")
    assert not Message.objects.exists()


def test_edition_far_ahead_is_refused():
    assert "te ver in de toekomst" in flash("flash", "build", "--edition", "2099-01")


def test_reminders_with_a_bad_date_exit_2():
    assert "Ongeldige datum voor --today" in flash("reminders", "send", "--today", "17/04/2027")


@pytest.mark.parametrize("day", ["9999-12-30", "9999-12-31"])
def test_reminders_at_the_end_of_the_calendar_exit_2_naming_the_option(smtp, day):
    """With a reminder to compute, a date the next deadline cannot follow overflowed into a traceback."""
    from randwijzer.catalogue.models import FundingLine
    from randwijzer.flash import subscriptions

    subscriber = reader("an@voorbeeld.be")
    subscriptions.set_reminder(subscriber, FundingLine.objects.get(id="impulssubsidie-vlaamse-rand"), 14)
    message = flash("reminders", "send", "--today", day)
    assert "--today" in message and day in message
    assert not Message.objects.exists()
