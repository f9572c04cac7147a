"""A real SMTP server on localhost (aiosmtpd) that stores what it accepts, and can refuse.

Shared by every app that sends e-mail: use the `smtp` fixture (tests/conftest.py)."""
from __future__ import annotations

import logging
import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller


class Mailbox:
    """The server's handler: keeps every accepted message; refuses on demand."""

    def __init__(self):
        self.messages = []
        self.refuse_after: int | None = None  # accept this many, then answer 451 to every recipient
        self.reject: dict[str, str] = {}  # address -> SMTP answer, e.g. "550 5.1.1 ..."

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject:
            return self.reject[address]
        if self.refuse_after is not None and len(self.messages) >= self.refuse_after:
            return "451 4.3.0 Tijdelijk geen plaats, probeer later opnieuw"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list:
        return [m for m in self.messages if m["To"] == address]

    def recipients(self) -> list[str]:
        return [m["To"] for m in self.messages]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """Start aiosmtpd on a free port and point Django's real SMTP backend at it."""
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    mailbox.port = port
    # pytest-django switches to the in-memory backend; these tests use the real one.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS, settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = False, "", ""
    settings.EMAIL_TIMEOUT = 10
    settings.RANDWIJZER_SITE_URL = "http://testserver"
    yield mailbox
    controller.stop()
