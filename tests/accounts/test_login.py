"""Logging in with an e-mail address, on our page and in the admin; logging out."""
import pytest

from .conftest import PASSWORD, login, make_user

pytestmark = pytest.mark.django_db


def test_login_page_asks_for_the_email_address_in_dutch(client):
    page = client.get("/account/aanmelden/").content.decode()
    assert '<label for="id_username">E-mailadres</label>' in page
    assert "Wachtwoord vergeten?" in page


def test_login_with_email_in_any_capitals_opens_my_account(client):
    make_user("an.peeters@wemmel.be")
    response = login(client, "An.Peeters@Wemmel.BE")
    assert response.status_code == 302 and response["Location"] == "/account/"
    page = client.get("/account/").content.decode()
    assert "U bent aangemeld als <strong>an.peeters@wemmel.be</strong>" in page
    assert "Mijn account</a>" in page  # the header link now leads to the account


def test_wrong_password_says_so_in_dutch_and_does_not_log_in(client):
    make_user("an.peeters@wemmel.be")
    response = login(client, "an.peeters@wemmel.be", "fout-wachtwoord")
    assert response.status_code == 200
    assert "Dit e-mailadres en wachtwoord passen niet bij elkaar" in response.content.decode()
    assert client.get("/account/")["Location"].startswith("/account/aanmelden/?next=")


def test_login_follows_next_but_not_to_another_site(client):
    make_user("an.peeters@wemmel.be")
    assert login(client, "an.peeters@wemmel.be", next="/account/sleutels/")["Location"] == "/account/sleutels/"
    client.post("/account/afmelden/")
    assert login(client, "an.peeters@wemmel.be", next="https://kwaad.example/")["Location"] == "/account/"


def test_logout_is_a_post_and_ends_the_session(client):
    make_user("an.peeters@wemmel.be")
    login(client, "an.peeters@wemmel.be")
    assert client.get("/account/afmelden/").status_code == 405  # a link or image cannot log someone out
    assert client.post("/account/afmelden/").status_code == 302
    assert client.get("/account/").status_code == 302
    assert "Aanmelden</a>" in client.get("/").content.decode()


def test_admin_login_accepts_the_email_address(client):
    make_user("redactie@randwijzer.be", is_staff=True, is_superuser=True)
    page = client.get("/admin/login/").content.decode()
    assert "E-mailadres" in page
    response = client.post("/admin/login/?next=/admin/", {"username": "Redactie@Randwijzer.be", "password": PASSWORD,
                                                          "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
