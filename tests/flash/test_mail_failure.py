"""When the confirmation mail cannot be sent, the page says so honestly instead of "kijk in uw mailbox";
the mail waits in the outbox and goes out once the server is back."""
import pytest
from django.utils import timezone

from randwijzer.flash import outbox
from randwijzer.flash.models import Message, Status

from .conftest import free_port

pytestmark = pytest.mark.django_db


def test_a_failed_confirmation_mail_is_not_announced_as_sent(client, smtp, settings):
    settings.EMAIL_PORT = free_port()  # nobody listens: connection refused
    page = client.post("/flash/", {"email": "an@voorbeeld.be", "municipality": "Wemmel"}, follow=True)
    html = page.content.decode()
    assert page.status_code == 200
    assert "We stuurden een mail" not in html and "Kijk in uw mailbox" not in html
    assert "kon de bevestigingsmail nu niet versturen" in html
    assert Message.objects.get().status == Status.FAILED_TEMPORARY

    settings.EMAIL_PORT = smtp.port
    later = timezone.now() + outbox.BACKOFF_MAX
    assert outbox.send_due(now=later).sent == 1
    assert [m["To"] for m in smtp.messages] == ["an@voorbeeld.be"]


def test_a_sent_confirmation_mail_is_announced(client, smtp):
    page = client.post("/flash/", {"email": "an@voorbeeld.be"}, follow=True)
    assert "Kijk in uw mailbox" in page.content.decode() and len(smtp.messages) == 1


def test_locally_the_confirmation_is_written_to_a_file(client, settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    page = client.post("/flash/", {"email": "an@voorbeeld.be"}, follow=True)
    assert "Kijk in uw mailbox" in page.content.decode()
    [mail] = (tmp_path / "mail").iterdir()
    assert "/flash/bevestigen/" in mail.read_text()
