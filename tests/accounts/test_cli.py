"""`randwijzer organisation create` and `randwijzer editor add`, with the mails they send."""
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from randwijzer.accounts.models import Membership, Organisation, Role
from randwijzer.accounts.services import EDITORS_GROUP, ensure_editors_group, is_editor

from .conftest import PASSWORD, link_in, login, make_user

pytestmark = pytest.mark.django_db
NEW = "Gemeenteplein-Zaventem-3"


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def fails(*args, returncode=2) -> str:
    with pytest.raises(CommandError) as info:
        run(*args)
    assert info.value.returncode == returncode
    return str(info.value)


def test_organisation_create_makes_the_admin_who_sets_a_password_by_mail(client, smtp):
    out = run("organisation", "create", "--name", "Gemeente Zaventem", "--slug", "gemeente-zaventem",
              "--admin-email", "Secretariaat@Zaventem.be")
    assert "Organisatie 'Gemeente Zaventem' (gemeente-zaventem) aangemaakt" in out and "nieuw account" in out
    org = Organisation.objects.get(slug="gemeente-zaventem")
    user = get_user_model().objects.get(email="secretariaat@zaventem.be")
    assert user.username == "secretariaat@zaventem.be" and not user.has_usable_password()
    assert Membership.objects.get(organisation=org).role == Role.ADMIN

    [mail] = smtp.to("secretariaat@zaventem.be")
    assert mail["Subject"] == "U bent beheerder van Gemeente Zaventem op Randwijzer"
    form_url = client.get(link_in(mail), follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert login(client, "secretariaat@zaventem.be", NEW)["Location"] == "/account/"
    assert "Gemeente Zaventem" in client.get("/account/organisaties/gemeente-zaventem/leden/").content.decode()


def test_organisation_create_for_an_existing_user_keeps_their_password(smtp):
    make_user("an.peeters@wemmel.be")
    out = run("organisation", "create", "--name", "Vzw De Rand", "--slug", "vzw-de-rand", "--admin-email",
              "an.peeters@wemmel.be")
    assert "bestaand account" in out
    assert get_user_model().objects.get(email="an.peeters@wemmel.be").check_password(PASSWORD)
    [mail] = smtp.to("an.peeters@wemmel.be")
    assert "Meld u aan met an.peeters@wemmel.be en uw gewone wachtwoord" in mail.get_content()


def test_organisation_create_refuses_bad_input_in_dutch(smtp):
    run("organisation", "create", "--name", "Gemeente Wemmel", "--slug", "gemeente-wemmel", "--admin-email", "a@wemmel.be")
    assert "bestaat al een organisatie" in fails("organisation", "create", "--name", "X", "--slug", "gemeente-wemmel",
                                                 "--admin-email", "b@wemmel.be")
    assert "geen geldige korte naam" in fails("organisation", "create", "--name", "X", "--slug", "met spatie",
                                              "--admin-email", "b@wemmel.be")
    assert "geen geldig e-mailadres" in fails("organisation", "create", "--name", "X", "--slug", "x",
                                              "--admin-email", "geen-adres")
    assert Organisation.objects.count() == 1 and len(smtp.messages) == 1


def test_organisation_create_says_when_the_mail_failed(smtp):
    smtp.reject["a@wemmel.be"] = "550 5.1.1 Onbekende ontvanger"
    message = fails("organisation", "create", "--name", "Gemeente Wemmel", "--slug", "gemeente-wemmel",
                    "--admin-email", "a@wemmel.be", returncode=1)
    assert "is aangemaakt, maar de mail aan a@wemmel.be kon niet verstuurd worden" in message
    assert Organisation.objects.filter(slug="gemeente-wemmel").exists()


def test_editor_add_creates_a_staff_member_of_redactie_with_a_password_link(client, smtp):
    out = run("editor", "add", "Redacteur@Randwijzer.be")
    assert "Redacteur redacteur@randwijzer.be aangemaakt (groep Redactie)" in out
    user = get_user_model().objects.get(email="redacteur@randwijzer.be")
    assert user.is_staff and not user.is_superuser and is_editor(user)

    [mail] = smtp.to("redacteur@randwijzer.be")
    assert mail["Subject"] == "U bent redacteur van Randwijzer"
    form_url = client.get(link_in(mail), follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    response = client.post("/admin/login/", {"username": "redacteur@randwijzer.be", "password": NEW, "next": "/admin/"})
    assert response["Location"] == "/admin/"
    admin_index = client.get("/admin/").content.decode()
    assert "/admin/catalogue/" in admin_index
    assert "/admin/accounts/" not in admin_index  # memberships are none of the editors' business


def test_editor_add_updates_an_existing_user(smtp):
    make_user("an.peeters@wemmel.be")
    assert "bijgewerkt" in run("editor", "add", "an.peeters@wemmel.be")
    user = get_user_model().objects.get(email="an.peeters@wemmel.be")
    assert user.is_staff and is_editor(user) and user.check_password(PASSWORD)
    assert "geen geldig e-mailadres" in fails("editor", "add", "niet-goed")


def test_editors_group_gets_the_catalogue_and_reads_the_change_log():
    group = ensure_editors_group()
    assert group == Group.objects.get(name=EDITORS_GROUP)
    codes = set(group.permissions.values_list("content_type__app_label", "codename"))
    for action in ("add", "change", "delete", "view"):
        assert ("catalogue", f"{action}_fundingline") in codes
    assert {label for label, _ in codes} == {"catalogue", "changes"}
    assert all(code.startswith("view_") for label, code in codes if label == "changes")
    assert not any(code.startswith(("add_historical", "change_historical", "delete_historical")) for _, code in codes)
    assert ensure_editors_group().permissions.count() == len(codes)  # running it again changes nothing
