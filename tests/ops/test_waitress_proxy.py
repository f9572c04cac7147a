"""`randwijzer serve` (waitress) behind a TLS proxy with HTTPS=1: the proxy's X-Forwarded-Proto is believed
from FORWARDED_ALLOW_IPS, as gunicorn does, so a request that came in over https is not redirected for ever."""
import threading
import urllib.error
import urllib.request

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.management.base import CommandError
from waitress.server import create_server

from randwijzer.catalogue.management.commands.serve import waitress_options


@pytest.fixture
def https_site(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    # A new application, as `randwijzer serve` makes at its start: Django's security middleware reads
    # the redirect setting when it is built, so an application built by an earlier test would not redirect.
    application = WSGIHandler()

    server = create_server(application, host="127.0.0.1", port=0, **waitress_options(threads=2))
    def serve():
        try:
            server.run()
        except OSError:  # the socket closed under the loop by the teardown below
            pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()


def status_of(url: str, headers: dict) -> tuple[int, str]:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=20) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


def test_a_request_the_proxy_marks_https_is_not_redirected(https_site):
    status, location = status_of(https_site + "/bestaat-niet/", {"X-Forwarded-Proto": "https"})
    assert status == 404, (status, location)  # the page itself (here: not found), no redirect to https


def test_without_the_header_plain_http_is_still_redirected(https_site):
    status, location = status_of(https_site + "/bestaat-niet/", {})
    assert status == 301 and location.startswith("https://")


def test_waitress_accepts_one_proxy_address_and_says_so_in_dutch(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1", "10.0.0.2"]
    with pytest.raises(CommandError) as error:
        waitress_options(threads=2)
    assert error.value.returncode == 2 and "FORWARDED_ALLOW_IPS" in str(error.value)
