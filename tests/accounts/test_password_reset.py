"""Password reset through the real SMTP server: the mail, the link, a new password, logging in with it."""
import pytest

from .conftest import PASSWORD, link_in, login, make_user

pytestmark = pytest.mark.django_db
NEW = "Brusselsesteenweg-88"


def test_reset_round_trip(client, smtp):
    make_user("an.peeters@wemmel.be")
    response = client.post("/account/wachtwoord/vergeten/", {"email": "An.Peeters@wemmel.be"})
    assert response["Location"] == "/account/wachtwoord/verstuurd/"
    assert "Kijk in uw mailbox" in client.get(response["Location"]).content.decode()

    [mail] = smtp.to("an.peeters@wemmel.be")
    assert mail["Subject"] == "Kies een nieuw wachtwoord voor Randwijzer"
    assert "Kies een nieuw wachtwoord met deze link" in mail.get_content()
    page = client.get(link_in(mail), follow=True)
    assert "Kies een nieuw wachtwoord" in page.content.decode()
    form_url = page.redirect_chain[-1][0]  # Django moves the token out of the URL into the session

    too_short = client.post(form_url, {"new_password1": "kort", "new_password2": "kort"})
    assert too_short.status_code == 200 and "te kort" in too_short.content.decode()
    done = client.post(form_url, {"new_password1": NEW, "new_password2": NEW}, follow=True)
    assert "Uw wachtwoord is opgeslagen" in done.content.decode()

    assert login(client, "an.peeters@wemmel.be", PASSWORD).status_code == 200  # the old one no longer works
    assert login(client, "an.peeters@wemmel.be", NEW)["Location"] == "/account/"
    # The link works once.
    used = client.get(link_in(mail), follow=True).content.decode()
    assert "Deze link werkt niet meer" in used


def test_unknown_address_gets_the_same_answer_and_no_mail(client, smtp):
    make_user("an.peeters@wemmel.be")
    known = client.post("/account/wachtwoord/vergeten/", {"email": "an.peeters@wemmel.be"})
    unknown = client.post("/account/wachtwoord/vergeten/", {"email": "niemand@wemmel.be"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert smtp.recipients() == ["an.peeters@wemmel.be"]


def test_bad_address_is_a_dutch_form_error(client):
    response = client.post("/account/wachtwoord/vergeten/", {"email": "geen adres"})
    assert "Vul een geldig e-mailadres in" in response.content.decode()


def test_a_new_password_lifts_a_lockout(client, smtp):
    make_user("an.peeters@wemmel.be")
    for _ in range(5):
        login(client, "an.peeters@wemmel.be", "verkeerd")
    assert login(client, "an.peeters@wemmel.be").status_code == 429
    client.post("/account/wachtwoord/vergeten/", {"email": "an.peeters@wemmel.be"})
    form_url = client.get(link_in(smtp.messages[0]), follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert login(client, "an.peeters@wemmel.be", NEW).status_code == 302
