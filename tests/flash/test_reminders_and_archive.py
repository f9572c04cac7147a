"""Reminders from cron without duplicates; the archive page and the Atom feed; the CLI."""
from io import StringIO

import feedparser
import pytest
from django.core.management import call_command

from randwijzer.catalogue.models import FundingLine
from randwijzer.flash import editions, subscriptions, tokens

from .conftest import part
from .helpers import reader, this_month

pytestmark = pytest.mark.django_db

IMPULS = "impulssubsidie-vlaamse-rand"  # yearly deadlines 1 February, 1 May, 1 October


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_reminder_asked_on_the_preferences_page_arrives_once(client, smtp):
    subscriber = reader("an@voorbeeld.be")
    url = f"/flash/voorkeuren/{tokens.make(subscriber, tokens.PREFERENCES)}/"
    page = client.post(url, {"action": "add_reminder", "funding_line": IMPULS, "days_before": "14"})
    assert "Uw herinnering is bewaard." in page.content.decode()

    assert "0 herinnering(en)" in run("reminders", "send", "--today", "2027-04-16")[0]  # 15 days before
    out, _ = run("reminders", "send", "--today", "2027-04-17")  # 14 days before 1 May
    assert "1 herinnering(en) in de wachtrij" in out and "1 van 1 berichten verstuurd" in out
    [mail] = smtp.messages
    assert mail["Subject"].strip() == "Herinnering: Impulssubsidie Vlaamse Rand – uiterste indiendatum 1 mei 2027"
    assert "over 14 dagen" in part(mail, "plain")

    # Cron runs again the same day, the next days, twice: never a second mail for 1 May.
    for day in ("2027-04-17", "2027-04-18", "2027-04-30", "2027-04-30"):
        run("reminders", "send", "--today", day)
    assert len(smtp.messages) == 1

    # Removing the reminder and asking it again does not bring 1 May back.
    subscriptions.remove_reminder(subscriber, subscriber.reminders.get().pk)
    subscriptions.set_reminder(subscriber, FundingLine.objects.get(id=IMPULS), 30)
    run("reminders", "send", "--today", "2027-04-20")
    assert len(smtp.messages) == 1
    # The next deadline, 1 October, gets its own reminder.
    run("reminders", "send", "--today", "2027-09-10")
    assert smtp.messages[-1]["Subject"].strip().endswith("1 oktober 2027")


def test_a_day_cron_missed_is_caught_up_before_the_deadline(smtp):
    subscriber = reader("an@voorbeeld.be")
    subscriptions.set_reminder(subscriber, FundingLine.objects.get(id=IMPULS), 7)
    run("reminders", "send", "--today", "2027-04-27")  # 4 days before, the job did not run on the 24th
    assert "over 4 dagen" in part(smtp.messages[0], "plain")


def test_unsubscribed_reader_gets_no_reminder(smtp):
    subscriber = reader("an@voorbeeld.be")
    subscriptions.set_reminder(subscriber, FundingLine.objects.get(id=IMPULS), 7)
    subscriptions.unsubscribe(subscriber)
    run("reminders", "send", "--today", "2027-04-27")
    assert smtp.messages == []


def test_cli_builds_and_sends_an_edition_with_progress(smtp):
    for i in range(3):
        reader(f"lezer{i}@voorbeeld.be")
    out, err = run("flash", "build", "--edition", this_month())
    assert f"Editie {this_month()} samengesteld: 3 bericht(en) in de wachtrij voor 3 lezer(s)." in out
    assert "3/3 lezers verwerkt" in err
    out, err = run("flash", "send", "--edition", this_month())
    assert "3 van 3 berichten verstuurd." in out and "3/3 berichten verwerkt" in err
    out, _ = run("flash", "send", "--edition", this_month())
    assert "0 van 0 berichten verstuurd." in out
    assert len(smtp.messages) == 3


def test_archive_and_atom_feed_list_the_editions(client, smtp):
    reader("an@voorbeeld.be")
    reader("brussel@voorbeeld.be", municipality_id="21004")
    editions.build(this_month())
    label = editions.month_label(this_month())

    archive = client.get("/flash/archief/").content.decode()
    assert f"Subsidieflash {label}" in archive
    page = client.get(f"/flash/archief/{this_month()}/").content.decode()
    assert "Nieuw: " in page and "Impulssubsidie Vlaamse Rand" in page
    assert client.get("/flash/archief/2001-01/").status_code == 404

    response = client.get("/flash/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo and feed.version == "atom10"
    assert feed.feed.title == "Subsidieflash – Randwijzer"
    [entry] = feed.entries
    assert entry.title == f"Subsidieflash {label}"
    assert entry.link == f"http://testserver/flash/archief/{this_month()}/"
    assert entry.id == f"tag:randwijzer,2026:flash/{this_month()}"
    assert "Impulssubsidie Vlaamse Rand" in entry.summary


def test_nav_links_to_the_subsidieflash(client):
    page = client.get("/flash/").content.decode()
    assert 'aria-current="page">Subsidieflash</a>' in page
