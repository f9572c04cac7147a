"""Backups leave out what lets someone in or can be made again: sessions, login-attempt logs, rate-limit
counters. A session key taken from a backup file must not log in on the running site."""
import gzip
import json

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client

from randwijzer.ops import backup

pytestmark = pytest.mark.django_db
PASSWORD = "Kanaal-Vilvoorde-2027"


@pytest.fixture
def logged_in(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    get_user_model().objects.create_user("an@wemmel.be", "an@wemmel.be", PASSWORD)
    client = Client()
    assert client.post("/account/aanmelden/", {"username": "an@wemmel.be", "password": PASSWORD}).status_code == 302
    Client().post("/account/aanmelden/", {"username": "jan@wemmel.be", "password": "verkeerd"})  # an axes record
    return client


def test_a_backup_holds_no_session_and_no_login_attempt(logged_in, tmp_path):
    session_key = logged_in.cookies["sessionid"].value
    assert Session.objects.filter(session_key=session_key).exists() and AccessAttempt.objects.exists()
    path = tmp_path / "b.json.gz"
    manifest = backup.write_backup(path)
    raw = gzip.decompress(path.read_bytes()).decode()
    assert session_key not in raw
    assert "sessions.session" not in manifest.counts
    assert not any(label.startswith("axes.") for label in manifest.counts)
    assert "jan@wemmel.be" not in raw  # the failed attempt's user name
    assert manifest.counts["auth.user"] == 1  # the account itself is kept


def test_restoring_an_older_backup_with_sessions_leaves_them_out(logged_in, tmp_path):
    """A backup written before this rule still holds sessions: they are not brought back."""
    session_key = logged_in.cookies["sessionid"].value
    manifest, payload = backup.dump()
    objects = json.loads(payload)
    session = Session.objects.get(session_key=session_key)
    objects.append({"model": "sessions.session", "pk": session_key,
                    "fields": {"session_data": session.session_data, "expire_date": session.expire_date.isoformat()}})
    payload = json.dumps(objects).encode()
    import hashlib
    manifest.counts["sessions.session"] = 1
    manifest.sha256, manifest.payload_bytes = hashlib.sha256(payload).hexdigest(), len(payload)
    path = tmp_path / "old.json.gz"
    path.write_bytes(gzip.compress(manifest.to_json().encode() + b"\n" + payload))
    backup.restore(path, flush=True)
    assert not Session.objects.exists()
    assert logged_in.get("/account/").status_code == 302  # the old cookie is sent to the login page
