"""Suggestions tests: editors, other users, and a suggestion waiting in the queue."""
from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission, User

from randwijzer.accounts.services import EDITORS_GROUP
from randwijzer.catalogue.models import FundingLine, Partner
from randwijzer.suggestions import services
from randwijzer.suggestions.models import Kind

LINE_ID = "plan-samenleven"
PARTNER_ID = "vzw-de-rand"


def make_user(email: str, *, staff: bool = False, editor: bool = False) -> User:
    user = User.objects.create_user(username=email, email=email, password="een-lang-wachtwoord", is_staff=staff)
    if editor:
        group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
        # Editors edit the catalogue in the admin (the accounts app gives the group these rights).
        group.permissions.add(*Permission.objects.filter(content_type__app_label="catalogue"))
        user.groups.add(group)
    return user


@pytest.fixture
def editor(db):
    return make_user("an.redactie@randwijzer.be", staff=True, editor=True)


@pytest.fixture
def other_editor(db):
    return make_user("bart.redactie@randwijzer.be", staff=True, editor=True)


@pytest.fixture
def line(db) -> FundingLine:
    return FundingLine.objects.get(pk=LINE_ID)


@pytest.fixture
def partner(db) -> Partner:
    return Partner.objects.get(pk=PARTNER_ID)


@pytest.fixture
def waiting(line):
    """A correction of a funding line, as a reader sent it, with status nieuw."""
    return services.submit(kind=Kind.CORRECTION, text="Het maximumbedrag is veranderd.", email="lezer@gemeente.be",
                           name="Lies Lezer", funding_line=line, client_ip="192.0.2.10")


def form_data(**fields) -> dict:
    data = {"kind": Kind.CORRECTION, "text": "De indiendatum voor 2026 is 15 maart, niet 1 maart.",
            "source_url": "https://www.vlaanderen.be/oproep", "name": "Lies Lezer", "email": "lies@wemmel.be",
            "website": ""}
    data.update(fields)
    return data
