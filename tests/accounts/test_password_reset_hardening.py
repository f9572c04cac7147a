"""Password reset after issue #16: limited per client and per address, and the mail leaves outside the
request (a queue, `randwijzer mail send`), so an existing and an unknown address cost the view the same."""
import pytest
from django.core.signals import request_finished
from django.db import close_old_connections
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from randwijzer.accounts.views import PasswordResetView
from randwijzer.accounts.views import RESET_LIMIT_PER_HOUR

from .conftest import link_in, make_user
from tests.smtp import free_port

pytestmark = pytest.mark.django_db
URL = "/account/wachtwoord/vergeten/"


def ask(email: str, ip: str = "203.0.113.7"):
    """The view on its own, as the WSGI server calls it: the response is not closed yet."""
    request = RequestFactory().post(URL, {"email": email}, REMOTE_ADDR=ip)
    request._dont_enforce_csrf_checks = True
    from django.contrib.sessions.backends.db import SessionStore
    request.session = SessionStore()
    with CaptureQueriesContext(connection) as queries:
        response = PasswordResetView.as_view()(request)
    return response, [q["sql"].split(" ")[0] for q in queries.captured_queries]


def test_existing_and_unknown_addresses_cost_the_view_the_same_and_no_mail_is_sent_in_it(smtp):
    make_user("an.peeters@wemmel.be")
    known, known_queries = ask("an.peeters@wemmel.be")
    unknown, unknown_queries = ask("niemand@wemmel.be", ip="203.0.113.8")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known_queries == unknown_queries  # the same statements, in the same order
    assert smtp.messages == []  # no SMTP conversation inside the request
    # After the response went out (the WSGI server closes it) the queued mail leaves. Closing fires
    # request_finished, whose close_old_connections would close the test's database connection
    # (on PostgreSQL): Django's test client disconnects it the same way.
    request_finished.disconnect(close_old_connections)
    try:
        known.close()
        unknown.close()
    finally:
        request_finished.connect(close_old_connections)
    [mail] = smtp.messages
    assert mail["To"] == "an.peeters@wemmel.be" and "/account/wachtwoord/nieuw/" in link_in(mail)


def test_the_queue_is_sent_by_the_command_when_the_server_was_down(client, smtp, settings):
    make_user("an.peeters@wemmel.be")
    real_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # nobody listens there
    assert client.post(URL, {"email": "an.peeters@wemmel.be"}).status_code == 302
    assert smtp.messages == []
    settings.EMAIL_PORT = real_port
    call_command("mail", "send")
    [mail] = smtp.to("an.peeters@wemmel.be")
    assert mail["Subject"] == "Kies een nieuw wachtwoord voor Randwijzer"
    call_command("mail", "send")  # a second run sends nothing again
    assert len(smtp.messages) == 1


def test_twenty_requests_send_at_most_the_limit_and_then_a_dutch_429(client, smtp):
    make_user("an.peeters@wemmel.be")
    statuses = [client.post(URL, {"email": "an.peeters@wemmel.be"}, REMOTE_ADDR=f"198.51.100.{n}").status_code
                for n in range(20)]
    assert statuses[:RESET_LIMIT_PER_HOUR] == [302] * RESET_LIMIT_PER_HOUR
    assert set(statuses[RESET_LIMIT_PER_HOUR:]) == {429}
    assert len(smtp.messages) == RESET_LIMIT_PER_HOUR
    page = client.post(URL, {"email": "an.peeters@wemmel.be"}).content.decode()
    assert "Te veel aanvragen" in page and "Probeer het opnieuw na" in page


def test_one_client_cannot_ask_for_many_addresses(client, smtp):
    for n in range(RESET_LIMIT_PER_HOUR):
        assert client.post(URL, {"email": f"iemand{n}@wemmel.be"}).status_code == 302
    assert client.post(URL, {"email": "nog.iemand@wemmel.be"}).status_code == 429
    assert client.post(URL, {"email": "nog.iemand@wemmel.be"}, REMOTE_ADDR="203.0.113.50").status_code == 302
