"""`randwijzer dossiers remind`: one e-mail per deadline to the responsible member (or all members),
only for dossiers still being prepared, through a real SMTP server (tests/smtp.py)."""
from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from randwijzer.catalogue.models import CallRound, FundingLine
from randwijzer.catalogue.timing import next_deadline
from randwijzer.dossiers.models import Dossier, DossierReminder
from randwijzer.text.dutch import format_date_nl

from .conftest import LINE_WITH_ROUNDS, LINE_WITHOUT_DEADLINE, client_for, new_dossier

pytestmark = pytest.mark.django_db
START = dt.date(2027, 1, 1)


@pytest.fixture
def deadline() -> dt.date:
    """The line's next deadline after START, as the catalogue's timing says (never a date of our own)."""
    found = next_deadline(FundingLine.objects.get(id=LINE_WITH_ROUNDS), START)
    assert found is not None
    return found


def remind(today: dt.date, days: int | None = None) -> str:
    out = StringIO()
    args = ["remind", "--today", today.isoformat()] + ([] if days is None else ["--days", str(days)])
    call_command("dossiers", *args, stdout=out)
    return out.getvalue()


def test_the_responsible_member_is_reminded_once(smtp, people, dossier, deadline):
    assert dossier.responsible == people["bob"]
    assert "0 herinnering(en) verstuurd" in remind(deadline - dt.timedelta(days=15))  # too early for 14 days
    assert smtp.messages == []

    out = remind(deadline - dt.timedelta(days=14))
    assert "1 herinnering(en) verstuurd" in out
    assert smtp.recipients() == ["bob@wemmel.be"]
    mail = smtp.messages[0]
    assert mail["Subject"].strip() == f"Herinnering: Taalcafé in het ontmoetingscentrum – uiterste indiendatum {format_date_nl(deadline)}"
    text = mail.get_content()
    assert f"is {format_date_nl(deadline)}: over 14 dagen" in text
    assert f"http://testserver/dossiers/{dossier.pk}/" in text and "verantwoordelijke bent voor dit dossier" in text

    # The next days (and a second run the same day) send nothing new for this deadline.
    for days_before in (14, 13, 5, 0):
        assert "0 herinnering(en) verstuurd; 1 waren al verstuurd." in remind(deadline - dt.timedelta(days=days_before))
    assert len(smtp.messages) == 1
    assert DossierReminder.objects.get(dossier=dossier).deadline == deadline
    assert "Herinnering voor" in client_for(people["bob"]).get(f"/dossiers/{dossier.pk}/").content.decode()


def test_a_run_that_died_after_claiming_is_caught_up(smtp, people, dossier, deadline):
    """A claim without sent_at (the run crashed before sending) does not count as sent for ever."""
    from django.utils import timezone

    DossierReminder.objects.create(dossier=dossier, deadline=deadline, recipients="bob@wemmel.be",
                                   claimed_at=timezone.now() - dt.timedelta(minutes=10))
    assert "0 herinnering(en) verstuurd" in remind(deadline - dt.timedelta(days=14))  # maybe still running
    DossierReminder.objects.filter(dossier=dossier).update(claimed_at=timezone.now() - dt.timedelta(hours=2))
    assert "1 herinnering(en) verstuurd" in remind(deadline - dt.timedelta(days=13))
    assert smtp.recipients() == ["bob@wemmel.be"]
    assert DossierReminder.objects.get(dossier=dossier).sent_at is not None
    assert "0 herinnering(en) verstuurd" in remind(deadline - dt.timedelta(days=12))


def test_without_a_responsible_every_member_is_reminded(smtp, people, deadline):
    new_dossier(people["alice"], people["wemmel"])
    remind(deadline - dt.timedelta(days=3), days=7)
    assert sorted(smtp.recipients()) == ["alice@wemmel.be", "bob@wemmel.be"]
    assert "carol@zaventem.be" not in smtp.recipients()


def test_no_reminder_for_submitted_or_decided_dossiers(smtp, people, deadline):
    for status in ("ingediend", "toegekend", "afgewezen", "verantwoord"):
        Dossier.objects.filter(pk=new_dossier(people["alice"], people["wemmel"], title=status).pk).update(status=status)
    prepared = new_dossier(people["alice"], people["wemmel"], title="In voorbereiding", responsible="alice@wemmel.be")
    Dossier.objects.filter(pk=prepared.pk).update(status="in_voorbereiding")
    remind(deadline - dt.timedelta(days=1))
    assert [m["Subject"].strip().split(" – ")[0] for m in smtp.messages] == ["Herinnering: In voorbereiding"]


def test_no_reminder_without_a_known_deadline(smtp, people):
    new_dossier(people["alice"], people["wemmel"], funding_line=LINE_WITHOUT_DEADLINE)
    for day in range(0, 366, 7):
        remind(START + dt.timedelta(days=day), days=30)
    assert smtp.messages == []


def test_a_closed_call_gives_no_reminder_an_open_one_does(smtp, people):
    call = CallRound.objects.first()
    dossier = new_dossier(people["alice"], people["wemmel"], funding_line=call.funding_line_id, call_round=call.label)
    remind(call.closes_on + dt.timedelta(days=1))
    assert smtp.messages == []
    remind(call.closes_on - dt.timedelta(days=2))
    assert len(smtp.to("alice@wemmel.be")) == 1 and call.label in smtp.messages[0].get_content()
    assert DossierReminder.objects.get(dossier=dossier).deadline == call.closes_on


def test_a_refused_mail_is_tried_again_the_next_run(smtp, people, dossier, deadline):
    smtp.reject["bob@wemmel.be"] = "550 5.1.1 Onbekende ontvanger"
    with pytest.raises(CommandError):
        remind(deadline - dt.timedelta(days=10))
    assert smtp.messages == [] and not DossierReminder.objects.exists()
    del smtp.reject["bob@wemmel.be"]
    remind(deadline - dt.timedelta(days=9))
    assert smtp.recipients() == ["bob@wemmel.be"]


@pytest.mark.parametrize("args", [["--today", "2027-02-30"], ["--days", "veel"], ["--days", "-1"]])
def test_bad_arguments_get_a_dutch_message(db, args):
    with pytest.raises(CommandError) as error:
        call_command("dossiers", "remind", *args)
    assert error.value.returncode == 2 and "Ongeldig" in str(error.value)


@pytest.mark.parametrize("day", ["9999-12-30", "9999-12-31"])
def test_a_date_at_the_end_of_the_calendar_exits_2_naming_the_option(smtp, people, dossier, day):
    """Computing the next deadline after 9999-12-30 overflows the calendar: a Dutch message, no traceback."""
    with pytest.raises(CommandError) as error:
        call_command("dossiers", "remind", "--today", day)
    assert error.value.returncode == 2
    assert "--today" in str(error.value) and day in str(error.value)
    assert smtp.messages == [] and not DossierReminder.objects.exists()
