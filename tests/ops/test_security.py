"""Security headers, the Content-Security-Policy, escaping of what users type, CSRF, the Dutch error
pages and `randwijzer check --deploy` with production settings."""
from __future__ import annotations

import os
import re
import secrets
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.test import Client

from randwijzer.flash.models import Subscriber
from tests.e2e.pages import PAGE_TYPES

from .conftest import ROOT, cli_command
from .crash_urls import SECRET_DETAIL

pytestmark = pytest.mark.django_db

SRC = ROOT / "src" / "randwijzer"
ATTACK = "<script>alert('xss')</script>"
# Pages beyond tests/e2e/pages.py: logins and the API docs. Optional ones may not exist yet.
EXTRA_PAGES = [("login", "/account/aanmelden/", True), ("admin login", "/admin/login/", False),
               ("api docs", "/api/v1/docs", False)]
PAGES = [(p.name, p.path, p.optional) for p in PAGE_TYPES] + EXTRA_PAGES
# Data blocks (<script type="application/json">) are never executed; the API docs keep their settings in one.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class InlineFinder(HTMLParser):
    """Collects everything a strict CSP would block in a page: inline scripts and styles,
    style attributes, event-handler attributes and javascript: links."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._script_open = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes and attributes.get("type") not in DATA_SCRIPT_TYPES:
            self.found.append(f"inline <script> ({self.getpos()})")
        if tag == "style":
            self.found.append(f"<style> block ({self.getpos()})")
        for name, value in attrs:
            if name == "style":
                self.found.append(f'style="{value}" on <{tag}>')
            elif name.startswith("on"):
                self.found.append(f"{name}= handler on <{tag}>")
            elif name in ("href", "action", "src", "formaction") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{name}=javascript: on <{tag}>")


def inline_code(html: str) -> list[str]:
    finder = InlineFinder()
    finder.feed(html)
    return finder.found


def csp_directives(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    parts = [part.split() for part in header.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


# --------------------------------------------------------------------------- headers


@pytest.mark.parametrize("path", ["/", "/catalogus/?q=taal", "/api/v1/funding?q=taal", "/api/v1/docs",
                                  "/bestaat-niet/", "/healthz", "/static/randwijzer/site.css"])
def test_security_headers_on_pages_api_and_static_files(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404), path
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation"):
        assert f"{feature}=()" in permissions
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    if not path.startswith("/static/"):
        assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", ["/", "/api/v1/docs"])
def test_the_policy_allows_no_inline_or_eval_code(client, path):
    directives = csp_directives(client.get(path))
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    everything = " ".join(word for words in directives.values() for word in words)
    assert "unsafe-inline" not in everything and "unsafe-eval" not in everything


def test_cookies_are_httponly_and_samesite(client):
    response = client.get("/flash/")  # a form page: sets the CSRF cookie
    cookie = response.cookies["csrftoken"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


# --------------------------------------------------------------------------- no inline code


@pytest.mark.parametrize("name,path,optional", PAGES, ids=[p[0] for p in PAGES])
def test_page_type_has_no_inline_script_or_style(client, name, path, optional):
    response = client.get(path)
    if optional and response.status_code == 404:
        pytest.skip(f"{path} does not exist yet ({name})")
    assert response.status_code < 500, path
    assert inline_code(response.content.decode()) == [], path


@pytest.mark.parametrize("template", ["400.html", "403.html", "403_csrf.html", "404.html", "500.html", "503.html"])
def test_error_pages_have_no_inline_script_or_style(template):
    from django.template.loader import render_to_string

    html = render_to_string(template)
    assert inline_code(html) == []
    assert '<html lang="nl">' in html


def page_templates() -> list[Path]:
    # E-mail templates are not pages: mail clients need their inline styles.
    return sorted(p for p in SRC.rglob("templates/**/*.html") if "mail" not in p.relative_to(SRC).parts)


def test_no_template_of_a_page_has_inline_script_or_style():
    """Also catches pages no test visits yet: the templates' own source."""
    patterns = {
        "inline <script>": re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.I),
        "<style> block": re.compile(r"<style\b", re.I),
        "style attribute": re.compile(r"<[^>]*\sstyle\s*=", re.I),
        "event handler": re.compile(r"<[^>]*\son[a-z]+\s*=", re.I),
        "javascript: URL": re.compile(r"""=\s*["']?\s*javascript:""", re.I),
    }
    templates = page_templates()
    assert len(templates) > 20
    offences = [f"{path.relative_to(ROOT)}: {what}" for path in templates
                for what, pattern in patterns.items() if pattern.search(path.read_text())]
    assert offences == []


# --------------------------------------------------------------------------- what users type


def assert_escaped(response):
    html = response.content.decode()
    assert ATTACK not in html
    assert "&lt;script&gt;" in html, "the typed text is not shown at all: the test proves nothing"


def test_search_text_is_escaped(client):
    response = client.get("/catalogus/", {"q": ATTACK})
    assert response.status_code == 200
    assert_escaped(response)


def test_project_description_is_escaped(client):
    response = client.get("/match/", {"text": f"Een taalcafé {ATTACK}", "municipality": "Wemmel", "applicant_type": "vzw"})
    assert response.status_code == 200
    assert_escaped(response)


def test_flash_form_input_is_escaped(client):
    response = client.post("/flash/", {"email": "lezer@gemeente.be", "municipality": ATTACK})
    assert response.status_code == 400
    assert "Onbekende gemeente" in response.content.decode()
    assert_escaped(response)
    assert not Subscriber.objects.filter(email="lezer@gemeente.be").exists()


# --------------------------------------------------------------------------- CSRF and error pages


def test_a_post_without_csrf_token_gets_the_dutch_403():
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/flash/", {"email": "zonder-token@gemeente.be"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Formulier verlopen" in html and "herlaad de pagina" in html
    assert "CSRF" not in html  # Django's English explanation is not shown
    assert not Subscriber.objects.filter(email="zonder-token@gemeente.be").exists()


def test_the_same_post_with_its_token_is_accepted(smtp):
    browser = Client(enforce_csrf_checks=True)
    form = browser.get("/flash/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.content.decode()).group(1)
    response = browser.post("/flash/", {"email": "met-token@gemeente.be", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="met-token@gemeente.be").exists()


def crash_client(settings) -> Client:
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.ops.crash_urls"
    return Client(raise_request_exception=False)


def assert_leaks_nothing(html: str):
    for leak in (SECRET_DETAIL, "kapot-detail", "Traceback", "RuntimeError", "settings.py", "auth_user"):
        assert leak not in html


def test_a_crashing_view_gives_the_dutch_500_page_and_leaks_nothing(settings):
    response = crash_client(settings).get("/test-kapot/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging iets mis" in html and 'lang="nl"' in html
    assert_leaks_nothing(html)


def test_permission_denied_gives_the_dutch_403_page(settings):
    response = crash_client(settings).get("/test-verboden/")
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()
    assert_leaks_nothing(response.content.decode())


def test_a_bad_request_gives_the_dutch_400_page(settings):
    browser = crash_client(settings)
    for response in (browser.get("/test-verdacht/"), browser.get("/", HTTP_HOST="aanvaller.example")):
        assert response.status_code == 400
        assert "Ongeldige vraag" in response.content.decode()
        assert_leaks_nothing(response.content.decode())


# --------------------------------------------------------------------------- production settings


def production_env(tmp_path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DJANGO_DEBUG", "HTTPS", "ALLOWED_HOSTS")}
    env.update(DJANGO_DEBUG="0", HTTPS="1", ALLOWED_HOSTS="randwijzer.example.be", RANDWIJZER_DATA_DIR=str(tmp_path),
               SECRET_KEY=secrets.token_urlsafe(64), **extra)
    return env


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = production_env(tmp_path)
    assert len(env["SECRET_KEY"]) >= 50
    result = subprocess.run([*cli_command(), "check", "--deploy", "--fail-level", "WARNING"], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    result = subprocess.run([*cli_command(), "check"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "SECRET_KEY is niet gezet" in result.stderr
