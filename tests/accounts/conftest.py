"""Accounts tests: people, organisations and reading links out of the mails the real SMTP server received."""
import re

import axes.utils
import pytest
from django.contrib.auth import get_user_model

from randwijzer.accounts.models import Membership, Organisation, Role

PASSWORD = "Kanaal-Vilvoorde-2027"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """A fast hasher: these tests log in hundreds of times; the hashing itself is Django's, tested there."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def no_lockouts(db):
    """django-axes keeps failed attempts in the database: every test starts with none."""
    axes.utils.reset()
    yield
    axes.utils.reset()


def make_user(email: str, password: str = PASSWORD, **fields):
    return get_user_model().objects.create_user(username=email.lower(), email=email.lower(), password=password, **fields)


def make_org(slug: str = "gemeente-wemmel", name: str = "Gemeente Wemmel") -> Organisation:
    return Organisation.objects.create(name=name, slug=slug)


def add_member(org, user, role=Role.MEMBER) -> Membership:
    return Membership.objects.create(organisation=org, user=user, role=role)


def link_in(message) -> str:
    """The first link on a line of its own in a plain-text mail, as a path the test client can open."""
    body = message.get_body(preferencelist=("plain",)).get_content()
    url = re.search(r"^(https?://\S+)\s*$", body, re.MULTILINE).group(1)
    assert url.startswith("http://testserver/"), url  # built from RANDWIJZER_SITE_URL
    return url.removeprefix("http://testserver")


def login(client, email: str, password: str = PASSWORD, url: str = "/account/aanmelden/", next: str = "", **meta):
    data = {"username": email, "password": password, **({"next": next} if next else {})}
    return client.post(url, data, **meta)
