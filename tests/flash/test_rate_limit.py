"""Sign-up abuse: 30 posts with a stranger's address must not put 30 mails in that inbox.

Limits per client and per address (the shared, database-counted limit of ops.ratelimit, as the
suggestions use), a Dutch 429, and at most one confirmation mail per address per hour."""
import pytest

from randwijzer.flash.models import Message
from randwijzer.flash.subscriptions import LIMIT_PER_HOUR

pytestmark = pytest.mark.django_db


def post(client, email, ip="203.0.113.7"):
    return client.post("/flash/", {"email": email}, REMOTE_ADDR=ip)


def test_thirty_posts_with_one_address_send_one_mail(client, smtp):
    statuses = [post(client, "slachtoffer@voorbeeld.be").status_code for _ in range(30)]
    assert statuses[:LIMIT_PER_HOUR] == [302] * LIMIT_PER_HOUR
    assert set(statuses[LIMIT_PER_HOUR:]) == {429}
    assert len(smtp.to("slachtoffer@voorbeeld.be")) == 1
    assert Message.objects.count() == 1


def test_the_limit_per_address_holds_across_clients_in_dutch(client, smtp):
    for n in range(LIMIT_PER_HOUR):
        assert post(client, "Veel@voorbeeld.be", ip=f"198.51.100.{n}").status_code == 302
    refused = post(client, "veel@voorbeeld.be", ip="198.51.100.99")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Te veel inschrijvingen" in html and "Probeer het opnieuw na" in html
    assert len(smtp.messages) == 1


def test_the_limit_per_client_holds_across_addresses(client, smtp):
    for n in range(LIMIT_PER_HOUR):
        assert post(client, f"lezer{n}@voorbeeld.be").status_code == 302
    assert post(client, "nog.een@voorbeeld.be").status_code == 429
    assert smtp.to("nog.een@voorbeeld.be") == []
    # Someone else is not affected.
    assert post(client, "ander@voorbeeld.be", ip="203.0.113.8").status_code == 302


def test_a_second_confirmation_within_the_hour_is_not_sent(client, smtp):
    """Two honest tries (the first mail went to spam): one mail, whose link works for both."""
    assert post(client, "an@voorbeeld.be").status_code == 302
    assert post(client, "an@voorbeeld.be", ip="203.0.113.9").status_code == 302
    assert len(smtp.to("an@voorbeeld.be")) == 1
