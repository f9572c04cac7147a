"""Findings of the importer review (issue #13): each test fails on the code before its fix."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from randwijzer.catalogue.models import FundingLine
from tests.feeds.fixtures import local_government_concept, page


class Host:
    """A loopback HTTP server that remembers the x-api-key it was sent per path: {path: (body, content type)}."""

    def __init__(self, name="127.0.0.1"):
        self.pages, self.keys = {}, {}
        pages, keys = self.pages, self.keys

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                keys[self.path] = self.headers.get("x-api-key")
                body, content_type = pages.get(self.path, ("", "text/turtle"))
                self.send_response(200 if self.path in pages else 404)
                self.send_header("Content-Type", content_type)
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://{name}:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hosts():
    made = []

    def make(name="127.0.0.1"):
        made.append(Host(name))
        return made[-1]
    yield make
    for host in made:
        host.close()


def test_the_ipdc_key_goes_only_to_the_ipdc_host(run_import, hosts, settings):
    settings.IPDC_API_KEY = "geheim"
    ipdc, elsewhere = hosts("127.0.0.1"), hosts("localhost")  # two hosts for the browser, one machine
    ipdc.pages["/p1"] = (page([local_government_concept(1)], [f"{elsewhere.url}/p2"]), "text/turtle")
    elsewhere.pages["/p2"] = (page([local_government_concept(2)], []), "text/turtle")
    report = run_import("ipdc", f"{ipdc.url}/p1")
    assert report.counts["nieuw"] == 2
    assert ipdc.keys["/p1"] == "geheim"
    assert elsewhere.keys["/p2"] is None


def test_subsidiepunt_never_gets_the_ipdc_key(run_import, hosts, settings):
    settings.IPDC_API_KEY = "geheim"
    subsidiepunt = hosts()
    subsidiepunt.pages["/aanbod.ttl"] = ("", "text/turtle")
    run_import("subsidiepunt", f"{subsidiepunt.url}/aanbod.ttl")
    assert subsidiepunt.keys["/aanbod.ttl"] is None


def test_an_unknown_charset_stops_with_the_page_named_and_resumes_there(command, hosts):
    ipdc = hosts()
    ipdc.pages["/p1"] = (page([local_government_concept(1)], [f"{ipdc.url}/p2"]), "text/turtle")
    ipdc.pages["/p2"] = (page([local_government_concept(2)], []), "application/n-triples; charset=x-onbekend")
    status, out, err = command("ipdc", f"{ipdc.url}/p1")
    assert status == 1 and f"pagina {ipdc.url}/p2 noemt een onbekende tekenset (x-onbekend)" in err
    assert "Traceback" not in err and FundingLine.objects.filter(feed_source="ipdc").count() == 1

    ipdc.pages["/p2"] = (page([local_government_concept(2)], []), "text/turtle; charset=utf-8")
    status, out, err = command("ipdc", f"{ipdc.url}/p1")
    assert status == 0 and FundingLine.objects.filter(feed_source="ipdc").count() == 2
