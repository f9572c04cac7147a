"""make serve-prod: gunicorn with several workers, whitenoise static files, /healthz, request ids and
JSON logs, DEBUG off — against a database of the configured kind."""
import json
import shutil
import time
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

from .conftest import ON_POSTGRES, run_cli
from .server import Gunicorn


@pytest.fixture(scope="module")
def server(tmp_path_factory, loaded_template):
    tmp = tmp_path_factory.mktemp("serve")
    if ON_POSTGRES:
        from .conftest import Databases

        made = Databases(tmp)
        url = made.postgres()
        run_cli(url, "migrate", "--no-input", "-v", "0", data_dir=tmp)
        run_cli(url, "load", data_dir=tmp)
    else:
        made = None
        shutil.copy(loaded_template, tmp / "db.sqlite3")
        url = f"sqlite:///{tmp / 'db.sqlite3'}"
    run_cli(url, "collectstatic", "--no-input", "-v", "0", data_dir=tmp)
    with Gunicorn(url, tmp, workers=3) as running:
        yield running
    if made:
        made.drop_all()


def test_health_check_answers_ok_with_the_database(server):
    status, headers, body = server.get("/healthz")
    assert status == 200
    assert json.loads(body) == {"status": "ok", "database": "postgresql" if ON_POSTGRES else "sqlite"}
    assert "no-cache" in headers.get("Cache-Control", "")


def test_several_workers_serve(server):
    workers = [line for line in server.json_logs() if "Booting worker" in line.get("message", "")]
    assert len(workers) == 3
    for path in ("/", "/catalogus/?q=taal", "/match/?text=taalcaf%C3%A9&municipality=Wemmel&applicant_type=vzw",
                 "/api/v1/funding?q=taal", "/calendar.ics"):
        status, _, _ = server.get(path)
        assert status == 200, path


def test_static_files_are_served_compressed_and_cacheable(server):
    status, headers, body = server.get("/static/randwijzer/site.css", {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    assert headers.get("Content-Encoding") == "gzip"
    assert "max-age" in headers.get("Cache-Control", "")


def test_debug_is_off(server):
    status, _, body = server.get("/steun/bestaat-niet/")
    assert status == 404
    assert b"Traceback" not in body and b"URLconf" not in body and b"DEBUG = True" not in body


def test_request_ids_are_answered_and_logged_as_json(server):
    status, headers, _ = server.get("/healthz", {"X-Request-ID": "proxy-abc-123"})
    assert headers["X-Request-ID"] == "proxy-abc-123"
    _, generated, _ = server.get("/healthz", {"X-Request-ID": "bad id with spaces\u00e9"})
    assert len(generated["X-Request-ID"]) == 32 and generated["X-Request-ID"] != "proxy-abc-123"
    # The access line is written by the worker after the answer: wait until both lines have arrived.
    wanted = {"proxy-abc-123", generated["X-Request-ID"]}
    for _ in range(100):
        logs = server.json_logs()
        if wanted <= {e.get("request_id") for e in logs}:
            break
        time.sleep(0.1)
    ours = [e for e in logs if e.get("request_id") == "proxy-abc-123"]
    assert ours and ours[0]["path"] == "/healthz" and ours[0]["status"] == 200 and "duration_ms" in ours[0]
    assert any(e.get("request_id") == generated["X-Request-ID"] for e in logs)


@pytest.mark.django_db
def test_health_check_reports_an_unreachable_database_as_503():
    with mock.patch("django.db.backends.base.base.BaseDatabaseWrapper.cursor", side_effect=OperationalError("down")):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "reason": "database unavailable",
                               "database": "postgresql" if ON_POSTGRES else "sqlite"}


def test_deploy_check_passes_with_production_settings(tmp_path):
    env = {"SECRET_KEY": "x" * 60 + "ab-CD_ef!gh", "ALLOWED_HOSTS": "randwijzer.example.org", "DJANGO_DEBUG": "0", "HTTPS": "1",
           "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1", "SECURE_HSTS_PRELOAD": "1"}
    result = run_cli(f"sqlite:///{tmp_path / 'x.sqlite3'}", "check", "--deploy", "--fail-level", "WARNING",
                     data_dir=tmp_path, env=env, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
