"""Inviting people: the mail, accepting as a new or an existing person, links that no longer work."""
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from randwijzer.accounts.models import Invitation, Membership, Role

from .conftest import PASSWORD, add_member, link_in, login, make_org, make_user

pytestmark = pytest.mark.django_db
MEMBERS = "/account/organisaties/gemeente-wemmel/leden/"
NEW = "Kerkplein-Wemmel-1"


@pytest.fixture
def org_with_admin(client):
    org = make_org()
    admin = make_user("beheer@wemmel.be")
    add_member(org, admin, Role.ADMIN)
    return org, admin


def invite(client, email, role="member"):
    login(client, "beheer@wemmel.be")
    response = client.post(MEMBERS, {"email": email, "role": role})
    client.post("/account/afmelden/")
    return response


def test_new_person_accepts_by_choosing_a_password(client, smtp, org_with_admin):
    org, _ = org_with_admin
    assert invite(client, "Nieuw.Lid@Wemmel.be")["Location"] == MEMBERS
    [mail] = smtp.to("nieuw.lid@wemmel.be")
    assert mail["Subject"] == "Uitnodiging: word lid van Gemeente Wemmel op Randwijzer"
    assert "beheer@wemmel.be nodigt u uit als lid van Gemeente Wemmel" in mail.get_content()
    link = link_in(mail)
    assert link.startswith("/account/uitnodiging/")
    token = link.split("/")[-2]
    assert not Invitation.objects.filter(token_hash=token).exists()  # only the hash is stored

    page = client.get(link).content.decode()
    assert "Kies een wachtwoord" in page
    mismatch = client.post(link, {"new_password1": NEW, "new_password2": NEW + "x"})
    assert mismatch.status_code == 400 and "De twee wachtwoorden zijn niet gelijk." in mismatch.content.decode()
    response = client.post(link, {"new_password1": NEW, "new_password2": NEW})
    assert response["Location"] == "/account/"
    overview = client.get("/account/").content.decode()
    assert "Welkom! Uw account is aangemaakt en u bent lid van Gemeente Wemmel." in overview
    assert "Gemeente Wemmel" in overview and "<td>lid</td>" in overview

    user = get_user_model().objects.get(email="nieuw.lid@wemmel.be")
    assert user.username == "nieuw.lid@wemmel.be"
    client.post("/account/afmelden/")
    assert login(client, "nieuw.lid@wemmel.be", NEW).status_code == 302
    # The link worked once.
    again = client.get(link)
    assert again.status_code == 410 and "al gebruikt" in again.content.decode()


def test_existing_user_must_log_in_with_that_address_first(client, smtp, org_with_admin):
    org, _ = org_with_admin
    make_user("jan.maes@wemmel.be")
    make_user("iemand.anders@wemmel.be")
    invite(client, "jan.maes@wemmel.be", role="admin")
    link = link_in(smtp.to("jan.maes@wemmel.be")[0])

    page = client.get(link).content.decode()
    assert "Meld u eerst aan met dat e-mailadres" in page
    assert client.post(link, {"new_password1": NEW, "new_password2": NEW}).status_code == 200  # no account made over it
    assert get_user_model().objects.filter(email="jan.maes@wemmel.be").get().check_password(PASSWORD)

    login(client, "iemand.anders@wemmel.be")
    wrong = client.get(link)
    assert wrong.status_code == 403
    assert "De uitnodiging van Gemeente Wemmel is voor <strong>jan.maes@wemmel.be</strong>" in wrong.content.decode()
    assert client.post(link).status_code == 403
    assert not Membership.objects.filter(user__email="iemand.anders@wemmel.be").exists()
    client.post("/account/afmelden/")

    assert login(client, "jan.maes@wemmel.be", next=link)["Location"] == link
    assert "Uitnodiging aanvaarden" in client.get(link).content.decode()
    assert client.post(link)["Location"] == "/account/"
    assert Membership.objects.get(user__email="jan.maes@wemmel.be", organisation=org).role == Role.ADMIN


def test_expired_and_unknown_links_say_why(client, smtp, org_with_admin):
    invite(client, "laat@wemmel.be")
    link = link_in(smtp.to("laat@wemmel.be")[0])
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    expired = client.get(link)
    assert expired.status_code == 410
    assert "Deze uitnodiging voor Gemeente Wemmel is verlopen" in expired.content.decode()
    assert client.post(link, {"new_password1": NEW, "new_password2": NEW}).status_code == 410
    assert not get_user_model().objects.filter(email="laat@wemmel.be").exists()

    unknown = client.get("/account/uitnodiging/verzonnen-link/")
    assert unknown.status_code == 404 and "Deze uitnodigingslink is niet geldig" in unknown.content.decode()


def test_invitations_are_valid_for_14_days(client, smtp, org_with_admin):
    invite(client, "nieuw@wemmel.be")
    invitation = Invitation.objects.get()
    assert timedelta(days=13, hours=23) < invitation.expires_at - timezone.now() <= timedelta(days=14)


def test_a_new_invitation_replaces_the_open_one(client, smtp, org_with_admin):
    invite(client, "nieuw@wemmel.be")
    invite(client, "nieuw@wemmel.be", role="admin")
    first, second = [link_in(m) for m in smtp.to("nieuw@wemmel.be")]
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200


def test_inviting_a_member_again_is_a_form_error(client, org_with_admin):
    response = invite(client, "beheer@wemmel.be")
    assert response.status_code == 400
    assert "beheer@wemmel.be is al lid van Gemeente Wemmel." in response.content.decode()


def test_mail_server_down_leaves_no_open_invitation(client, smtp, org_with_admin):
    smtp.reject["nieuw@wemmel.be"] = "550 5.1.1 Onbekende ontvanger"
    response = invite(client, "nieuw@wemmel.be")
    assert response.status_code == 400
    assert "De e-mail kon niet verstuurd worden" in response.content.decode()
    assert not Invitation.objects.exists()


def test_member_sees_the_list_but_cannot_invite_or_change(client, smtp, org_with_admin):
    org, admin = org_with_admin
    lid = make_user("lid@wemmel.be")
    lid_membership = add_member(org, lid)
    login(client, "lid@wemmel.be")
    page = client.get(MEMBERS).content.decode()
    assert "beheer@wemmel.be" in page and "lid@wemmel.be" in page
    assert "Iemand uitnodigen" not in page and "Rol opslaan" not in page

    refused = client.post(MEMBERS, {"email": "nog.iemand@wemmel.be", "role": "admin"})
    assert refused.status_code == 403 and "Alleen een beheerder" in refused.content.decode()
    admin_membership = Membership.objects.get(user=admin)
    assert client.post(f"{MEMBERS}{admin_membership.pk}/verwijderen/").status_code == 403
    assert client.post(f"{MEMBERS}{lid_membership.pk}/rol/", {"role": "admin"}).status_code == 403
    assert not Invitation.objects.exists() and smtp.messages == []
    assert Membership.objects.get(user=lid).role == Role.MEMBER and Membership.objects.filter(user=admin).exists()


def test_outsiders_and_editors_do_not_find_the_organisation(client, org_with_admin):
    make_user("buitenstaander@vilvoorde.be")
    make_user("redacteur@randwijzer.be", is_staff=True, is_superuser=True)
    for email in ("buitenstaander@vilvoorde.be", "redacteur@randwijzer.be"):
        login(client, email)
        assert client.get(MEMBERS).status_code == 404
        client.post("/account/afmelden/")


def test_the_last_admin_cannot_be_demoted_or_removed(client, org_with_admin):
    org, admin = org_with_admin
    mine = Membership.objects.get(user=admin)
    login(client, "beheer@wemmel.be")
    page = client.post(f"{MEMBERS}{mine.pk}/rol/", {"role": "member"}, follow=True).content.decode()
    assert "Gemeente Wemmel heeft altijd minstens één beheerder nodig" in page
    page = client.post(f"{MEMBERS}{mine.pk}/verwijderen/", follow=True).content.decode()
    assert "Gemeente Wemmel heeft altijd minstens één beheerder nodig" in page
    assert Membership.objects.get(pk=mine.pk).role == Role.ADMIN

    # With a second admin, the first may step down, and the second may then remove them.
    second = add_member(org, make_user("tweede@wemmel.be"), Role.MEMBER)
    client.post(f"{MEMBERS}{second.pk}/rol/", {"role": "admin"})
    assert client.post(f"{MEMBERS}{mine.pk}/rol/", {"role": "member"}, follow=True).status_code == 200
    assert Membership.objects.get(pk=mine.pk).role == Role.MEMBER
    client.post("/account/afmelden/")
    login(client, "tweede@wemmel.be")
    page = client.post(f"{MEMBERS}{second.pk}/verwijderen/", follow=True).content.decode()
    assert "altijd minstens één beheerder" in page
    client.post(f"{MEMBERS}{mine.pk}/verwijderen/")
    assert list(Membership.objects.values_list("user__email", "role")) == [("tweede@wemmel.be", "admin")]


def test_admin_can_withdraw_an_open_invitation(client, smtp, org_with_admin):
    invite(client, "nieuw@wemmel.be")
    link = link_in(smtp.messages[0])
    login(client, "beheer@wemmel.be")
    page = client.get(MEMBERS).content.decode()
    assert "nieuw@wemmel.be als lid" in page
    client.post(f"/account/organisaties/gemeente-wemmel/uitnodigingen/{Invitation.objects.get().pk}/intrekken/")
    client.post("/account/afmelden/")
    assert client.get(link).status_code == 404
