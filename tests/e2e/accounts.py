"""People with an account on the e2e server, set up the way real people are.

An editor or an organisation's first admin is created with the command line against the
server's own database (`randwijzer editor add`, `randwijzer organisation create`); the mail the
command sends reaches the package's aiosmtpd server, and its one-time link is followed in the
browser to choose a password. Nothing is written to the database behind the site's back.
"""
from __future__ import annotations

import re
import subprocess
import time

import pytest

from .conftest import ROOT, _cli, _mail_env, _server_env

PASSWORD = "Randwijzer-e2e-wachtwoord-2026!"
MAIL_SECONDS = 10
PASSWORD_LINK = re.compile(r"https?://\S+/account/wachtwoord/nieuw/\S+/")


def run_cli(server, mailbox, *args: str) -> str:
    """`randwijzer ARGS` on the server's database, mailing through the package's SMTP server."""
    env = _server_env(server.data_dir)
    env.update(_mail_env(mailbox), RANDWIJZER_SITE_URL=server.url)
    done = subprocess.run(_cli(*args), env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"randwijzer {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def mail_to(mailbox, address: str, subject: str):
    """The latest mail with this subject to this address (the command sends it before it exits)."""
    deadline = time.monotonic() + MAIL_SECONDS
    while time.monotonic() < deadline:
        found = [m for m in mailbox.to(address) if m["Subject"] == subject]
        if found:
            return found[-1]
        time.sleep(0.1)
    pytest.fail(f"no mail {subject!r} to {address}; the mailbox has {[(m['To'], m['Subject']) for m in mailbox.messages]}")


def password_link(mail, server) -> str:
    text = mail.get_body(preferencelist=("plain",)).get_content()
    found = PASSWORD_LINK.findall(text)
    assert len(found) == 1, f"expected one link to choose a password in:\n{text}"
    assert found[0].startswith(server.url), f"{found[0]} does not lead to the site at {server.url}"
    return found[0]


def choose_password(page, link: str, password: str = PASSWORD) -> None:
    """Follow the mailed link and choose a password, as the person would."""
    from playwright.sync_api import expect

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Kies een nieuw wachtwoord")
    page.get_by_label("Nieuw wachtwoord", exact=True).fill(password)
    page.get_by_label("Herhaal het nieuwe wachtwoord").fill(password)
    page.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw wachtwoord is opgeslagen")


def add_editor(page, server, mailbox, email: str) -> None:
    """`randwijzer editor add EMAIL`, then the mailed link to choose a password."""
    out = run_cli(server, mailbox, "editor", "add", email)
    assert f"Redacteur {email} aangemaakt" in out, out
    choose_password(page, password_link(mail_to(mailbox, email, "U bent redacteur van Randwijzer"), server))


def create_organisation(page, server, mailbox, name: str, slug: str, admin_email: str) -> None:
    """`randwijzer organisation create`, then the first admin's mailed link to choose a password."""
    out = run_cli(server, mailbox, "organisation", "create", "--name", name, "--slug", slug, "--admin-email", admin_email)
    assert f"Organisatie '{name}' ({slug}) aangemaakt" in out, out
    mail = mail_to(mailbox, admin_email, f"U bent beheerder van {name} op Randwijzer")
    choose_password(page, password_link(mail, server))


def log_in(page, email: str, password: str = PASSWORD) -> None:
    """The site's own login page, /account/aanmelden/."""
    from playwright.sync_api import expect

    page.goto("/account/aanmelden/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn account")


def new_dossier(page, title: str, line: str = "Subsidie taalstimulering Nederlands") -> str:
    """Make a dossier from the board's "Nieuw dossier" form; returns its number (from the page's URL)."""
    from playwright.sync_api import expect

    page.goto("/dossiers/nieuw/")
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Steunmaatregel").select_option(label=line)
    page.get_by_role("button", name="Dossier aanmaken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    return re.search(r"/dossiers/(\d+)/$", page.url).group(1)
