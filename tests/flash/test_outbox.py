"""The outbox against a real SMTP server: outages, refusals, a killed run; nobody twice, nobody lost."""
import datetime as dt
from collections import Counter

import pytest
from django.utils import timezone

from randwijzer.flash import editions, outbox
from randwijzer.flash.models import Message, Status

from .conftest import free_port
from .helpers import reader, this_month

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(smtp):
    for i in range(6):
        reader(f"lezer{i}@voorbeeld.be")
    report = editions.build(this_month())
    assert report.queued == 6
    return editions.get_edition(this_month())


def statuses() -> Counter:
    return Counter(Message.objects.values_list("status", flat=True))


def test_server_that_starts_refusing_half_way_delivers_the_rest_later(smtp, edition):
    smtp.refuse_after = 2
    report = outbox.send_due(edition=edition)
    assert (report.sent, report.retry_later, report.failed) == (2, 4, [])
    assert statuses() == {Status.SENT: 2, Status.FAILED_TEMPORARY: 4}
    assert Message.objects.filter(status=Status.FAILED_TEMPORARY).first().last_error.startswith("451")

    smtp.refuse_after = None
    # Not yet: the back-off has not passed.
    assert outbox.send_due(edition=edition).total == 0
    later = timezone.now() + outbox.backoff(1) + dt.timedelta(seconds=1)
    report = outbox.send_due(edition=edition, now=later)
    assert report.sent == 4
    assert Counter(smtp.recipients()) == {f"lezer{i}@voorbeeld.be": 1 for i in range(6)}


def test_back_off_doubles_and_is_capped():
    assert [outbox.backoff(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [5, 10, 20, 40]
    assert outbox.backoff(30) == dt.timedelta(hours=24)


def test_permanent_refusal_is_reported_and_not_retried(smtp, edition):
    smtp.reject["lezer3@voorbeeld.be"] = "550 5.1.1 Deze mailbox bestaat niet"
    report = outbox.send_due(edition=edition)
    assert report.sent == 5
    assert report.failed == ["lezer3@voorbeeld.be: 550 5.1.1 Deze mailbox bestaat niet"]
    assert "definitief mislukt" in "\n".join(report.lines())
    failed = Message.objects.get(to="lezer3@voorbeeld.be")
    assert failed.status == Status.FAILED_PERMANENT
    later = timezone.now() + dt.timedelta(days=3)
    assert outbox.send_due(edition=edition, now=later).total == 0
    assert "lezer3@voorbeeld.be" not in smtp.recipients()


def test_unreachable_server_stops_the_run_and_loses_nothing(smtp, edition, settings):
    settings.EMAIL_PORT = free_port()  # nobody listens there: connection refused
    report = outbox.send_due(edition=edition)
    assert report.sent == 0 and "onbereikbaar" in report.stopped
    assert statuses() == {Status.FAILED_TEMPORARY: 1, Status.QUEUED: 5}

    settings.EMAIL_PORT = smtp.port
    later = timezone.now() + dt.timedelta(hours=1)
    assert outbox.send_due(edition=edition, now=later).sent == 6
    assert sorted(smtp.recipients()) == [f"lezer{i}@voorbeeld.be" for i in range(6)]


class Killed(BaseException):
    """Like SIGINT: not an Exception, nobody catches it by accident."""


def test_a_run_killed_half_way_then_rerun_sends_every_reader_exactly_once(smtp, edition, monkeypatch):
    real = outbox.deliver
    calls = []

    def dies_at_the_fourth(message, connection):
        calls.append(message.to)
        if len(calls) == 4:
            raise Killed()
        real(message, connection)

    monkeypatch.setattr(outbox, "deliver", dies_at_the_fourth)
    with pytest.raises(Killed):
        outbox.send_due(edition=edition)
    assert len(smtp.messages) == 3
    assert statuses() == {Status.SENT: 3, Status.QUEUED: 3}

    monkeypatch.setattr(outbox, "deliver", real)
    assert outbox.send_due(edition=edition).sent == 3
    assert outbox.send_due(edition=edition).total == 0
    assert Counter(smtp.recipients()) == {f"lezer{i}@voorbeeld.be": 1 for i in range(6)}


def test_a_claim_left_by_a_crashed_process_is_taken_over_later(smtp, edition):
    # A process killed with SIGKILL cannot release its claim: the message stays "sending".
    stuck = Message.objects.first()
    Message.objects.filter(pk=stuck.pk).update(status=Status.SENDING, claimed_at=timezone.now())
    assert outbox.send_due(edition=edition).sent == 5
    later = timezone.now() + outbox.STALE_CLAIM + dt.timedelta(seconds=1)
    assert outbox.send_due(edition=edition, now=later).sent == 1
    assert len(set(smtp.recipients())) == 6


def test_building_twice_never_queues_a_reader_twice(smtp, edition):
    report = editions.build(this_month())
    assert (report.created, report.queued) == (False, 0)
    reader("nieuw@voorbeeld.be")
    assert editions.build(this_month()).queued == 1
    assert Message.objects.filter(edition=edition).count() == 7


def test_progress_is_reported(smtp, edition):
    seen = []
    outbox.send_due(edition=edition, progress=lambda done, total: seen.append((done, total)), every=2)
    assert seen == [(2, 6), (4, 6), (6, 6)]
