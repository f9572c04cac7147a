"""`randwijzer check-links` against a local web server (offline): 200, 301 -> 200, 404, 500, a hang."""
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command

from randwijzer.catalogue.models import FundingLine, Municipality, Partner, Source

pytestmark = pytest.mark.django_db


class Pages(BaseHTTPRequestHandler):
    def _answer(self, body: bool):
        if self.path == "/slow":
            time.sleep(3)  # longer than the --timeout of the test
        status = {"/ok": 200, "/moved": 301, "/missing": 404, "/broken": 500}.get(self.path, 200)
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "2")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self._answer(body=False)

    def do_GET(self):
        self._answer(body=True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def point_catalogue_at(base: str, broken: dict[str, str] | None = None):
    """Every URL of the catalogue answers 200, except the sources named in `broken` {title: path}."""
    Source.objects.update(url=f"{base}/ok")
    FundingLine.objects.exclude(contact_url="").update(contact_url=f"{base}/moved")
    Partner.objects.exclude(website="").update(website=f"{base}/ok")
    Municipality.objects.update(source_url=f"{base}/ok")
    for title, path in (broken or {}).items():
        Source.objects.filter(title=title).update(url=f"{base}{path}")


def run(*args):
    from io import StringIO

    out = StringIO()
    try:
        call_command("check-links", *args, stdout=out)
    except CommandError as error:
        return error.returncode, out.getvalue()
    return 0, out.getvalue()


def test_all_links_answer(server):
    point_catalogue_at(server)
    code, out = run("--timeout", "2", "--concurrency", "4")
    assert code == 0, out
    assert "0 niet." in out
    assert f"→ {server}/moved verwijst door naar {server}/ok" in out


def test_broken_links_are_reported_with_where_they_are_used(server):
    titles = list(Source.objects.filter(funding_line__isnull=False).values_list("title", flat=True).distinct()[:3])
    partner_source = Source.objects.filter(partner__isnull=False).select_related("partner").first()
    point_catalogue_at(server, {titles[0]: "/missing", titles[1]: "/broken", titles[2]: "/slow",
                                partner_source.title: "/missing"})
    started = time.monotonic()
    code, out = run("--timeout", "0.5", "--concurrency", "4")
    assert code == 1
    assert time.monotonic() - started < 3  # the hanging page did not hold the run up
    assert f"✗ {server}/missing: status 404 (niet gevonden)" in out
    assert f"✗ {server}/broken: status 500 (serverfout)" in out
    assert f"✗ {server}/slow: antwoordt niet op tijd (time-out)" in out
    assert f"gebruikt in bron ‘{titles[0]}’ van steunmaatregel" in out
    assert f"gebruikt in bron ‘{partner_source.title}’ van partner ‘{partner_source.partner.name}’" in out
    assert "3 niet." in out  # three distinct broken addresses
    assert f"✗ {server}/ok" not in out


def test_bad_options_are_refused_in_dutch():
    code, _ = run("--concurrency", "0")
    assert code == 2
