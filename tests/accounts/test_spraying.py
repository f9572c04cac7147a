"""Password spraying: many accounts tried from one address. The per-account lock (django-axes, e-mail +
address) never fires, so a second limit counts the failures of one address across all accounts."""
import pytest

from randwijzer.accounts.throttling import LOGIN_FAILURES_PER_ADDRESS

from .conftest import login, make_user

pytestmark = pytest.mark.django_db


def test_thirty_three_accounts_from_one_address_are_stopped_with_a_dutch_429(client):
    for n in range(33):
        make_user(f"lid{n}@wemmel.be")
    statuses = [login(client, f"lid{n}@wemmel.be", "Zomer2026!", REMOTE_ADDR="203.0.113.66").status_code
                for n in range(33)]
    assert statuses[:LOGIN_FAILURES_PER_ADDRESS] == [200] * LOGIN_FAILURES_PER_ADDRESS
    assert set(statuses[LOGIN_FAILURES_PER_ADDRESS:]) == {429}
    # Even the right password is refused from that address for now, with a Dutch page.
    refused = login(client, "lid0@wemmel.be", REMOTE_ADDR="203.0.113.66")
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "te veel mislukte aanmeldingen" in page and 'href="/account/wachtwoord/vergeten/"' in page
    assert client.get("/account/").status_code == 302  # not logged in
    # Someone at another address is not affected.
    assert login(client, "lid1@wemmel.be", REMOTE_ADDR="198.51.100.7").status_code == 302


def test_the_admin_login_counts_too(client):
    make_user("redactie@randwijzer.be", is_staff=True, is_superuser=True)
    for n in range(LOGIN_FAILURES_PER_ADDRESS):
        login(client, f"gok{n}@randwijzer.be", "verkeerd", url="/admin/login/", REMOTE_ADDR="203.0.113.66")
    response = login(client, "redactie@randwijzer.be", url="/admin/login/", REMOTE_ADDR="203.0.113.66")
    assert response.status_code == 429


def test_a_few_typos_in_an_office_do_not_lock_the_office(client):
    """Colleagues behind one address who mistype now and then stay well under the limit."""
    for n in range(4):
        make_user(f"collega{n}@wemmel.be")
        login(client, f"collega{n}@wemmel.be", "verkeerd", REMOTE_ADDR="203.0.113.10")
    assert login(client, "collega0@wemmel.be", REMOTE_ADDR="203.0.113.10").status_code == 302
