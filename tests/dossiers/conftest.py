"""Dossier tests: two organisations, their members, an editor and a superuser without membership.

Users and organisations are made with the ORM, as the accounts app makes them (username = e-mail).
"""
from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from randwijzer.accounts.models import Membership, Role
from randwijzer.accounts.services import EDITORS_GROUP, create_api_token, create_organisation
from randwijzer.dossiers import services

BACKEND = "randwijzer.accounts.backends.EmailBackend"
LINE_WITH_ROUNDS = "impulssubsidie-vlaamse-rand"  # yearly deadlines in the catalogue
LINE_WITHOUT_DEADLINE = "vlaams-randfonds"  # timing unknown in the catalogue


def make_user(email: str, **fields) -> User:
    return User.objects.create_user(username=email.lower(), email=email, password="geheim-en-lang-genoeg", **fields)


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user, backend=BACKEND)
    return client


@pytest.fixture
def people(db):
    """alice (admin) and bob (member) of Wemmel; carol of Zaventem; an editor; a bare superuser."""
    alice = make_user("alice@wemmel.be", first_name="Alice", last_name="Peeters")
    bob = make_user("bob@wemmel.be", first_name="Bob", last_name="Janssens")
    carol = make_user("carol@zaventem.be")
    editor = make_user("redacteur@randwijzer.be", is_staff=True)
    editor.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])
    root = User.objects.create_superuser(username="root@randwijzer.be", email="root@randwijzer.be", password="x" * 20)
    wemmel = create_organisation("Gemeente Wemmel", "wemmel", alice)
    Membership.objects.create(user=bob, organisation=wemmel, role=Role.MEMBER)
    zaventem = create_organisation("Gemeente Zaventem", "zaventem", carol)
    return {"alice": alice, "bob": bob, "carol": carol, "editor": editor, "root": root,
            "wemmel": wemmel, "zaventem": zaventem}


def new_dossier(user, organisation, **values):
    raw = {"title": "Taalcafé in het ontmoetingscentrum", "funding_line": LINE_WITH_ROUNDS, **values}
    return services.create_dossier(user, organisation, raw)


@pytest.fixture
def dossier(people):
    return new_dossier(people["alice"], people["wemmel"], amount_requested="12500.00", notes="Met de bib samen.",
                       responsible="bob@wemmel.be")


def bearer(user) -> dict:
    _, raw = create_api_token(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
