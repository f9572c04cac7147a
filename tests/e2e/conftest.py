"""End-to-end tests over a real running server, as a person (or another municipal tool) meets it.

A session fixture makes a temporary data directory, runs `randwijzer migrate` and
`randwijzer load` into a fresh SQLite file there and starts `randwijzer serve` on a free
loopback port; every test here talks to that server over HTTP. These tests never touch
pytest-django's test database.

The browser is Debian's Chromium (/usr/bin/chromium) driven by Playwright for Python, and
the accessibility engine is axe-core from npm in .cache/npm; scripts/install-browser.sh
(run by `make test`) installs both. When one of them is missing, the tests that need it
are skipped and say why.
"""
from __future__ import annotations

import logging
import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.smtp import Mailbox, free_port

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("RANDWIJZER_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    "--lang=nl-BE",
]
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
SERVER_START_SECONDS = 60
INSTALL_HINT = "run scripts/install-browser.sh (make test does)"


def pytest_configure(config):
    config.addinivalue_line("markers", "e2e: over a real running server (no pytest-django test database)")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


# --------------------------------------------------------------------------- the server


@dataclass
class Server:
    url: str
    data_dir: Path
    log: Path

    def get(self, path: str, **headers) -> tuple[int, str]:
        return self.send(urllib.request.Request(self.url + path, headers=headers))

    def post(self, path: str, body: bytes, content_type: str = "application/json") -> tuple[int, str]:
        return self.send(urllib.request.Request(self.url + path, data=body, headers={"Content-Type": content_type}))

    @staticmethod
    def send(request: urllib.request.Request) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def _cli(*args: str) -> list[str]:
    """The `randwijzer` console script of this interpreter (or the module behind it)."""
    script = Path(sys.executable).with_name("randwijzer")
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "randwijzer.cli", *args]


def _server_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_DEBUG", "DJANGO_SETTINGS_MODULE")}
    env.update(RANDWIJZER_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1", LOG_LEVEL="WARNING")
    return env


@pytest.fixture(scope="package")
def mailbox() -> Mailbox:
    """A real SMTP server (aiosmtpd, tests/smtp.py) that receives every mail the e2e server sends.
    One for the whole package, like the server: a test tells its mails apart by its own address."""
    from aiosmtpd.controller import Controller

    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command
    box = Mailbox()
    box.port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=box.port)
    controller.start()
    yield box
    controller.stop()


def _mail_env(mailbox: Mailbox) -> dict[str, str]:
    return {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(mailbox.port), "EMAIL_USE_TLS": "0", "EMAIL_HOST_USER": "", "EMAIL_HOST_PASSWORD": "",
            "EMAIL_TIMEOUT": "10"}


@pytest.fixture(scope="package")
def server(tmp_path_factory, mailbox) -> Server:
    data_dir = tmp_path_factory.mktemp("randwijzer-e2e")
    env = _server_env(data_dir)
    env.update(_mail_env(mailbox))
    for args in (("migrate", "--no-input", "-v", "0"), ("load",)):
        done = subprocess.run(_cli(*args), env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"randwijzer {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    assert (data_dir / "randwijzer.sqlite3").exists()

    log = data_dir / "server.log"
    # The port is chosen just before the start (not --port 0) because the links in the mails must name it.
    port = free_port()
    env["RANDWIJZER_SITE_URL"] = f"http://127.0.0.1:{port}"
    # The command prints the URL it really listens on once the socket is bound.
    process = subprocess.Popen(
        _cli("serve", "--host", "127.0.0.1", "--port", str(port)), env=env, cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    lines: queue.Queue[str] = queue.Queue()

    def pump():
        with log.open("w") as out:
            for line in process.stdout:
                out.write(line)
                out.flush()
                lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    url, deadline = None, time.monotonic() + SERVER_START_SECONDS
    try:
        while url is None:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"randwijzer serve did not start:\n{log.read_text() if log.exists() else ''}")
            try:
                match = re.search(r"http://127\.0\.0\.1:(\d+)", lines.get(timeout=1))
            except queue.Empty:
                continue
            if match:
                url = f"http://127.0.0.1:{match.group(1)}"
        running = Server(url=url, data_dir=data_dir, log=log)
        while True:
            try:
                if running.get("/")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"randwijzer serve did not answer on {url}:\n{log.read_text()}")
            time.sleep(0.2)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


# --------------------------------------------------------------------------- the browser


def _why_no_browser() -> str | None:
    if not CHROMIUM.exists():
        return f"Chromium is not installed at {CHROMIUM}; {INSTALL_HINT}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as error:
        return f"Playwright for Python is not installed ({error}); pip install -e '.[test]'"
    return None


@pytest.fixture(scope="package")
def browser():
    reason = _why_no_browser()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import Error, sync_playwright

    try:
        manager = sync_playwright().start()
    except Error as error:
        pytest.skip(f"Playwright could not start: {error}")
    try:
        try:
            # Playwright gives every launch a fresh, temporary --user-data-dir of its own.
            launched = manager.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        except Error as error:
            pytest.skip(f"Chromium at {CHROMIUM} could not be started: {str(error).splitlines()[0]}")
        yield launched
        launched.close()
    finally:
        manager.stop()


def _new_page(browser, server, viewport: str):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], locale="nl-BE", base_url=server.url,
        is_mobile=viewport == "phone", has_touch=viewport == "phone",
        device_scale_factor=1,
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    # Loopback only: any request elsewhere is refused and remembered (the site must not need it).
    page.outside = []

    def guard(route):
        if route.request.url.startswith(server.url) or route.request.url.startswith(("data:", "about:")):
            route.continue_()
        else:
            page.outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    return context, page


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request) -> str:
    return request.param


@pytest.fixture
def page(browser, server, viewport):
    context, page = _new_page(browser, server, viewport)
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser, server):
    context, page = _new_page(browser, server, "desktop")
    yield page
    context.close()


@pytest.fixture(scope="package")
def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.skip(f"axe-core is not installed at {AXE_JS.relative_to(ROOT)}; {INSTALL_HINT}")
    return AXE_JS.read_text()


# --------------------------------------------------------------------------- pages behind a login


@dataclass
class ScanAccount:
    """A logged-in session (its cookies) and what the paths of its pages may name."""
    cookies: list[dict]
    values: dict[str, str]


@pytest.fixture(scope="package")
def scan_account(browser, server, mailbox):
    """`scan_account(role)`: one account per role for the whole package, made the real way (accounts.py)
    on first use: "member" administers an organisation with one dossier; "editor" is in Redactie."""
    from .accounts import add_editor, create_organisation, log_in, new_dossier

    made: dict[str, ScanAccount] = {}

    def account(role: str) -> ScanAccount:
        if role not in made:
            context, page = _new_page(browser, server, "desktop")
            try:
                values = {}
                if role == "member":
                    email = "lid-scan@wemmel.be"
                    create_organisation(page, server, mailbox, "Gemeente Wemmel (scan)", "gemeente-wemmel-scan", email)
                    log_in(page, email)
                    values = {"organisation": "gemeente-wemmel-scan", "dossier": new_dossier(page, "Taalcafé (scan)")}
                elif role == "editor":
                    email = "redacteur-scan@vlaamserand.be"
                    add_editor(page, server, mailbox, email)
                    log_in(page, email)
                else:
                    raise ValueError(f"no scan account for {role!r}")
                made[role] = ScanAccount(cookies=context.cookies(), values=values)
            finally:
                context.close()
        return made[role]

    return account


def visit(page, page_type, request):
    """Open a page type (pages.py); for a page behind a login, as its account (its session cookie)."""
    path = page_type.path
    if page_type.login:
        account = request.getfixturevalue("scan_account")(page_type.login)
        page.context.add_cookies(account.cookies)
        path = path.format(**account.values)
    response = page.goto(path)
    if page_type.login:
        assert "aanmelden" not in page.url and "login" not in page.url, f"{path} asked to log in: {page.url}"
    return response
