"""django-axes: 5 wrong passwords for one e-mail address from one computer lock that pair for 15 minutes."""
import pytest
from axes.models import AccessAttempt

from .conftest import PASSWORD, login, make_user

pytestmark = pytest.mark.django_db


def fail(client, email, times, url="/account/aanmelden/"):
    return [login(client, email, "verkeerd", url=url).status_code for _ in range(times)]


def test_four_failures_still_allow_the_right_password(client):
    make_user("an.peeters@wemmel.be")
    assert fail(client, "an.peeters@wemmel.be", 4) == [200] * 4
    assert login(client, "an.peeters@wemmel.be").status_code == 302


def test_fifth_failure_locks_with_a_dutch_429_even_for_the_right_password(client):
    make_user("an.peeters@wemmel.be")
    statuses = fail(client, "an.peeters@wemmel.be", 5)
    assert statuses == [200, 200, 200, 200, 429]
    response = login(client, "an.peeters@wemmel.be")  # the right password, too late
    assert response.status_code == 429
    page = response.content.decode()
    assert "te veel mislukte pogingen" in page
    assert "de komende 15 minuten" in page
    assert 'href="/account/wachtwoord/vergeten/"' in page
    assert client.get("/account/").status_code == 302  # not logged in


def test_the_lock_counts_other_capitals_as_the_same_address(client):
    make_user("an.peeters@wemmel.be")
    fail(client, "AN.PEETERS@wemmel.be", 3)
    fail(client, "an.peeters@WEMMEL.be", 2)
    assert login(client, "an.peeters@wemmel.be").status_code == 429


def test_the_lock_is_per_address_and_computer(client):
    make_user("an.peeters@wemmel.be")
    make_user("jan.maes@wemmel.be")
    fail(client, "an.peeters@wemmel.be", 5)
    assert login(client, "jan.maes@wemmel.be").status_code == 302  # a colleague on the same network
    client.post("/account/afmelden/")
    other_computer = login(client, "an.peeters@wemmel.be", REMOTE_ADDR="10.1.2.3")
    assert other_computer.status_code == 302


def test_behind_the_proxy_the_lock_is_per_forwarded_client(client, settings):
    """All visitors reach gunicorn from the proxy's address; the lock must still be per visitor."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    make_user("an.peeters@wemmel.be")
    for _ in range(5):
        login(client, "an.peeters@wemmel.be", "verkeerd", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert login(client, "an.peeters@wemmel.be", REMOTE_ADDR="127.0.0.1",
                 HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 429
    # The real owner, at another address behind the same proxy, still gets in.
    assert login(client, "an.peeters@wemmel.be", REMOTE_ADDR="127.0.0.1",
                 HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 302


def test_the_lock_ends_after_15_minutes(client):
    make_user("an.peeters@wemmel.be")
    fail(client, "an.peeters@wemmel.be", 5)
    assert login(client, "an.peeters@wemmel.be").status_code == 429
    # Move the failures 16 minutes into the past instead of waiting.
    from datetime import timedelta
    attempt = AccessAttempt.objects.get()
    AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=attempt.attempt_time - timedelta(minutes=16))
    assert login(client, "an.peeters@wemmel.be").status_code == 302


def test_admin_login_is_throttled_too(client):
    make_user("redactie@randwijzer.be", is_staff=True, is_superuser=True)
    statuses = fail(client, "redactie@randwijzer.be", 5, url="/admin/login/")
    assert statuses[-1] == 429
    response = client.post("/admin/login/", {"username": "redactie@randwijzer.be", "password": PASSWORD})
    assert response.status_code == 429
    assert "te veel mislukte pogingen" in response.content.decode()
    assert client.get("/admin/").status_code == 302
