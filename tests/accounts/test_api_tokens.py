"""API tokens: made on /account/sleutels/, shown once, listed by prefix, revoked; TokenAuth finds the user."""
import re

import pytest
from ninja import NinjaAPI
from ninja.testing import TestClient

from randwijzer.accounts.api_auth import TokenAuth
from randwijzer.accounts.models import ApiToken

from .conftest import login, make_user

pytestmark = pytest.mark.django_db
PAGE = "/account/sleutels/"


def whoami_client() -> TestClient:
    """A tiny API protected the way the dossier API will be."""
    api = NinjaAPI(urls_namespace="test-whoami")

    @api.get("/whoami", auth=TokenAuth())
    def whoami(request):
        return {"email": request.auth.email, "same_user": request.user == request.auth}

    return TestClient(api)


def create(client, name="Koppeling dossierbeheer") -> str:
    page = client.post(PAGE, {"name": name}).content.decode()
    return re.search(r'id="nieuwe-sleutel" value="([^"]+)"', page).group(1)


def test_tokens_page_needs_a_login(client):
    assert client.get(PAGE)["Location"] == "/account/aanmelden/?next=/account/sleutels/"


def test_secret_is_shown_once_then_only_its_prefix(client):
    make_user("an.peeters@wemmel.be")
    login(client, "an.peeters@wemmel.be")
    response = client.post(PAGE, {"name": "Koppeling dossierbeheer"})
    assert response["Cache-Control"] == "no-store"
    secret = re.search(r'id="nieuwe-sleutel" value="([^"]+)"', response.content.decode()).group(1)
    token = ApiToken.objects.get()
    assert token.key_hash != secret and secret not in token.key_hash

    later = client.get(PAGE).content.decode()
    assert secret not in later
    assert f"<code>{secret[:8]}…</code>" in later and "Koppeling dossierbeheer" in later and "nog nooit" in later


def test_empty_name_is_a_dutch_error(client):
    make_user("an.peeters@wemmel.be")
    login(client, "an.peeters@wemmel.be")
    response = client.post(PAGE, {"name": "  "})
    assert response.status_code == 400
    assert "Geef de sleutel een omschrijving" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_token_auth_resolves_the_user_and_records_the_use(client):
    make_user("an.peeters@wemmel.be")
    login(client, "an.peeters@wemmel.be")
    secret = create(client)
    api = whoami_client()
    response = api.get("/whoami", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200
    assert response.json() == {"email": "an.peeters@wemmel.be", "same_user": True}
    assert ApiToken.objects.get().last_used_at is not None
    assert "nog nooit" not in client.get(PAGE).content.decode()

    assert api.get("/whoami", headers={"Authorization": "Bearer verzonnen"}).status_code == 401
    assert api.get("/whoami").status_code == 401


def test_revoked_token_no_longer_works(client):
    make_user("an.peeters@wemmel.be")
    login(client, "an.peeters@wemmel.be")
    secret = create(client)
    token = ApiToken.objects.get()
    page = client.post(f"{PAGE}{token.pk}/intrekken/", follow=True).content.decode()
    assert "De sleutel is ingetrokken" in page and "ingetrokken op" in page
    assert whoami_client().get("/whoami", headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_nobody_revokes_someone_elses_token(client):
    owner = make_user("an.peeters@wemmel.be")
    make_user("jan.maes@wemmel.be")
    from randwijzer.accounts.services import create_api_token
    token, secret = create_api_token(owner, "van An")
    login(client, "jan.maes@wemmel.be")
    page = client.post(f"{PAGE}{token.pk}/intrekken/", follow=True).content.decode()
    assert "Deze sleutel bestaat niet of was al ingetrokken." in page
    assert "van An" not in page
    assert whoami_client().get("/whoami", headers={"Authorization": f"Bearer {secret}"}).status_code == 200


def test_inactive_users_token_is_refused(client):
    user = make_user("an.peeters@wemmel.be")
    from randwijzer.accounts.services import create_api_token
    _, secret = create_api_token(user, "oud")
    user.is_active = False
    user.save()
    assert whoami_client().get("/whoami", headers={"Authorization": f"Bearer {secret}"}).status_code == 401
