"""Flash tests: a writable copy of the catalogue. The SMTP server is tests/smtp.py."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from tests.smtp import Mailbox, free_port  # noqa: F401  (helpers import them from here)


@pytest.fixture
def catalogue(tmp_path) -> Path:
    """A writable copy of the real data folder, as in tests/catalogue/test_loader.py."""
    shutil.copytree(django_settings.CATALOGUE_DIR.parent, tmp_path / "data")
    return tmp_path / "data" / "catalogue"


def part(message, subtype: str) -> str:
    body = message.get_body(preferencelist=(subtype,))
    return body.get_content() if body else ""
