"""The admin shows organisations, memberships and invitations to superusers only, and never a secret."""
import pytest

from randwijzer.accounts.invitations import VALID_FOR
from randwijzer.accounts.models import Invitation, Role, hash_secret
from randwijzer.accounts.services import make_editor

from .conftest import add_member, make_org, make_user

pytestmark = pytest.mark.django_db


def test_editors_do_not_see_organisations_or_memberships(client):
    editor, _ = make_editor("redacteur@randwijzer.be")
    client.force_login(editor)
    assert "Accounts en organisaties" not in client.get("/admin/").content.decode()
    for url in ("/admin/accounts/organisation/", "/admin/accounts/membership/", "/admin/accounts/invitation/"):
        assert client.get(url).status_code == 403


def test_superuser_sees_them_but_not_the_invitation_secret(client):
    from django.utils import timezone
    org = make_org()
    add_member(org, make_user("beheer@wemmel.be"), Role.ADMIN)
    invitation = Invitation.objects.create(organisation=org, email="nieuw@wemmel.be", token_hash=hash_secret("geheim"),
                                           expires_at=timezone.now() + VALID_FOR)
    client.force_login(make_user("root@randwijzer.be", is_staff=True, is_superuser=True))
    assert "Accounts en organisaties" in client.get("/admin/").content.decode()
    assert "beheer@wemmel.be" in client.get("/admin/accounts/membership/").content.decode()
    page = client.get(f"/admin/accounts/invitation/{invitation.pk}/change/").content.decode()
    assert "nieuw@wemmel.be" in page and hash_secret("geheim") not in page
    assert client.get("/admin/accounts/invitation/add/").status_code == 403
