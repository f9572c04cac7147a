"""Only members of the organisation see or change its dossiers: every URL, every kind of outsider.

Outsiders: the public, a member of another organisation, an editor (staff, group Redactie) and a
superuser without a membership. Pages answer 302 to the login page (anonymous) or 404; the API
answers 401 (no or bad token) or 404. Nothing of the dossier shows, and nothing changes.
"""
from __future__ import annotations

import json

import pytest

from randwijzer.accounts.models import Membership
from randwijzer.dossiers.models import Dossier, DossierEvent

from .conftest import LINE_WITH_ROUNDS, bearer, client_for

pytestmark = pytest.mark.django_db
OUTSIDERS = ["carol", "editor", "root"]
SECRET = "Taalcafé in het ontmoetingscentrum"  # the dossier's title: must never show to outsiders


def page_requests(pk: int, version: int) -> list[tuple[str, str, dict]]:
    edit = {"title": "Overgenomen", "funding_line": LINE_WITH_ROUNDS, "version": version}
    return [
        ("get", "/dossiers/?organisatie=wemmel", {}),
        ("get", "/dossiers/nieuw/?organisatie=wemmel", {}),
        ("post", "/dossiers/nieuw/", {"organisation": "wemmel", "title": "Ingebroken", "funding_line": LINE_WITH_ROUNDS}),
        ("get", f"/dossiers/{pk}/", {}),
        ("get", f"/dossiers/{pk}/bewerken/", {}),
        ("post", f"/dossiers/{pk}/bewerken/", edit),
        ("get", f"/dossiers/{pk}/status/", {}),
        ("post", f"/dossiers/{pk}/status/", {"target": "in_voorbereiding", "version": version}),
        ("get", "/dossiers/export.csv?organisatie=wemmel", {}),
    ]


def api_requests(pk: int, version: int) -> list[tuple[str, str, dict | None]]:
    return [
        ("get", "/api/v1/dossiers?organisation=wemmel", None),
        ("post", "/api/v1/dossiers", {"organisation": "wemmel", "title": "Ingebroken", "funding_line": LINE_WITH_ROUNDS}),
        ("get", f"/api/v1/dossiers/{pk}", None),
        ("patch", f"/api/v1/dossiers/{pk}", {"version": version, "title": "Overgenomen"}),
        ("patch", f"/api/v1/dossiers/{pk}", {"version": version, "status": "in_voorbereiding"}),
    ]


def snapshot() -> list:
    return [list(Dossier.objects.order_by("pk").values()), list(DossierEvent.objects.order_by("pk").values())]


def call(client, method: str, url: str, data, **extra):
    if method == "get":
        return client.get(url, **extra)
    if url.startswith("/api/"):
        return getattr(client, method)(url, json.dumps(data), content_type="application/json", **extra)
    return client.post(url, data, **extra)


def test_the_public_is_sent_to_the_login_page(people, dossier):
    before = snapshot()
    anonymous = client_for(None)
    for method, url, data in [("get", "/dossiers/", {}), ("get", "/dossiers/nieuw/", {}),
                              ("get", "/dossiers/export.csv", {}), *page_requests(dossier.pk, dossier.version)]:
        answer = call(anonymous, method, url, data)
        assert answer.status_code == 302, (method, url)
        assert answer["Location"].startswith("/account/aanmelden/?next="), (method, url)
    assert snapshot() == before


def test_the_api_wants_a_valid_token(people, dossier):
    before = snapshot()
    client = client_for(None)
    requests = [("get", "/api/v1/dossiers", None), *api_requests(dossier.pk, dossier.version)]
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer niet-geldig"}, {"HTTP_AUTHORIZATION": "Basic YWxpY2U6eA=="}):
        for method, url, data in requests:
            answer = call(client, method, url, data, **headers)
            assert answer.status_code == 401, (method, url, headers)
            assert SECRET not in answer.content.decode()
            # The caller is told, in Dutch, what to send.
            assert "API-sleutel" in answer.json()["detail"] and answer["WWW-Authenticate"] == "Bearer"
    assert snapshot() == before


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_get_404_on_every_page(people, dossier, who):
    before = snapshot()
    client = client_for(people[who])
    for method, url, data in page_requests(dossier.pk, dossier.version):
        answer = call(client, method, url, data)
        assert answer.status_code == 404, (who, method, url)
        assert SECRET not in answer.content.decode()
    # Their own board and export exist, and show nothing of Wemmel's.
    board = client.get("/dossiers/")
    assert board.status_code == 200 and SECRET not in board.content.decode()
    export = client.get("/dossiers/export.csv")
    assert export.status_code == 200 and SECRET not in export.content.decode("utf-8-sig")
    # An id that does not exist answers the same as one that is not theirs.
    assert client.get("/dossiers/999999/").status_code == 404
    assert client.get(f"/dossiers/{10**30}/").status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_get_404_from_the_api(people, dossier, who):
    before = snapshot()
    client = client_for(None)
    headers = bearer(people[who])
    for method, url, data in api_requests(dossier.pk, dossier.version):
        answer = call(client, method, url, data, **headers)
        assert answer.status_code == 404, (who, method, url, answer.content)
        assert answer.json() == {"detail": "Niet gevonden."}
    mine = client.get("/api/v1/dossiers", **headers)
    assert mine.status_code == 200 and mine.json() == []
    assert client.get("/api/v1/dossiers/999999", **headers).status_code == 404
    assert snapshot() == before


def test_an_editor_who_is_also_a_member_still_sees_no_dossiers(people, dossier):
    # Editors keep their role apart: a membership does not open an organisation's dossiers to them.
    Membership.objects.create(user=people["editor"], organisation=people["wemmel"])
    client = client_for(people["editor"])
    assert client.get(f"/dossiers/{dossier.pk}/").status_code == 404
    assert SECRET not in client.get("/dossiers/").content.decode()
    assert client_for(None).get(f"/api/v1/dossiers/{dossier.pk}", **bearer(people["editor"])).status_code == 404


def test_dossiers_are_not_in_the_django_admin(people, dossier):
    admin = client_for(people["root"])
    assert admin.get("/admin/").status_code == 200
    assert admin.get("/admin/dossiers/dossier/").status_code == 404
    assert SECRET not in admin.get("/admin/").content.decode()


def test_members_do_see_it(people, dossier):
    # The same requests succeed for a member: the 404s above are about who asks, not broken URLs.
    bob = client_for(people["bob"])
    for url in ("/dossiers/?organisatie=wemmel", f"/dossiers/{dossier.pk}/", f"/dossiers/{dossier.pk}/bewerken/",
                f"/dossiers/{dossier.pk}/status/", "/dossiers/nieuw/?organisatie=wemmel"):
        answer = bob.get(url)
        assert answer.status_code == 200, url
    assert SECRET in bob.get("/dossiers/export.csv?organisatie=wemmel").content.decode("utf-8-sig")
    assert client_for(None).get(f"/api/v1/dossiers/{dossier.pk}", **bearer(people["bob"])).json()["title"] == SECRET
