"""The last two journeys in a real browser (tests/e2e/README.md): an editor onboarded from the
command line edits a deadline in the admin and sees it in the history, the change log and the
public page; a member of an organisation takes a dossier from idea to grant on the board and
downloads it as CSV.

Accounts are made the real way (tests/e2e/accounts.py): the command line on the server's
database, the mailed link to choose a password, the login page.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import uuid

import pytest

from .accounts import PASSWORD, add_editor, create_organisation, log_in
from .conftest import _new_page
from .test_journeys import tab_to
from .test_journeys_deadlines_flash import in_dutch, screenshot

expect = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed").expect

IMPULS = "impulssubsidie-vlaamse-rand"  # yearly deadlines 1 February, 1 May, 1 October (the catalogue)
IMPULS_TITLE = "Impulssubsidie Vlaamse Rand"
TAALSTIMULERING_TITLE = "Subsidie taalstimulering Nederlands"


def fits_viewport(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{page.url} scrolls sideways by {overflow}px"


# --------------------------------------------------------------------------- the editor


def admin_log_in(page, email: str) -> None:
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next=/admin/$"))
    page.get_by_label("E-mailadres").fill(email.upper())  # the address is found whatever its case
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator("#site-name")).to_have_text("Randwijzer – redactie")
    expect(page.get_by_role("heading", level=1)).to_have_text("Beheer van de catalogus")


def deadline_row(page, month: int, day: int):
    """The inline row (month, day) of the yearly deadlines: its two number fields."""
    rows = page.locator("tr.form-row").filter(has=page.locator("input[name$='-month']"))
    expect(rows.first).to_be_visible()  # the page is there, not just its URL
    for row in rows.all():
        month_input, day_input = row.locator("input[name$='-month']"), row.locator("input[name$='-day']")
        if month_input.input_value() == str(month) and day_input.input_value() == str(day):
            return month_input, day_input
    pytest.fail(f"no yearly deadline {day}/{month} in the admin's inline")


def test_editor_onboarded_by_cli_edits_a_deadline_and_the_site_shows_it(browser, server, mailbox):
    email = f"redacteur-{uuid.uuid4().hex[:8]}@vlaamserand.be"
    today = in_dutch(dt.date.today())

    # On a phone: the mailed link, choosing a password, the admin's login page.
    context, phone = _new_page(browser, server, "phone")
    try:
        add_editor(phone, server, mailbox, email)
        phone.goto("/admin/")
        expect(phone.get_by_label("E-mailadres")).to_be_visible()
        fits_viewport(phone)
        admin_log_in(phone, email)
        assert not phone.outside, f"the pages asked for outside resources: {phone.outside}"
    finally:
        context.close()

    context, page = _new_page(browser, server, "desktop")
    try:
        admin_log_in(page, email)
        # From the admin's index to the line, as an editor finds it.
        page.get_by_role("link", name="Steunmaatregelen", exact=True).first.click()
        page.locator("#result_list").get_by_role("link", name=IMPULS_TITLE, exact=True).click()
        expect(page).to_have_url(re.compile(rf"/admin/catalogue/fundingline/{IMPULS}/change/$"))

        # 1 May becomes 15 May in the inline of yearly deadlines.
        _, day = deadline_row(page, 5, 1)
        day.fill("15")
        page.get_by_role("button", name="Opslaan", exact=True).click()
        expect(page.locator("ul.messagelist li.success")).to_contain_text(IMPULS_TITLE)
        expect(page.locator("ul.messagelist li.success")).to_contain_text("gewijzigd")
        page.locator("#result_list").get_by_role("link", name=IMPULS_TITLE, exact=True).click()
        deadline_row(page, 5, 15)  # saved: the form shows the new row

        # The history: this editor, the reason and what changed in the deadline.
        page.get_by_role("link", name="Geschiedenis").click()
        latest = page.locator("#change-history tbody tr").first
        expect(latest).to_contain_text(email)
        expect(latest).to_contain_text("Bewerkt in het beheer")
        expect(latest).to_contain_text("jaarlijkse indiendatum ‘15 mei’: gewijzigd; dag 1 → 15")

        # The public change log, today, under the line's name.
        page.goto("/wijzigingen/")
        group = page.locator("ul.deadlines > li").filter(has=page.get_by_role("link", name=IMPULS_TITLE, exact=True)).first
        expect(group.locator("time.date")).to_have_text(today)
        expect(group).to_contain_text("De uiterste indiendatum wijzigde van 1 mei naar 15 mei")

        # The line's page gives the new date, not the old one.
        group.get_by_role("link", name=IMPULS_TITLE, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(IMPULS_TITLE)
        when = page.locator("section[aria-labelledby=wanneer]")
        expect(when).to_contain_text("15 mei")
        assert not re.search(r"(?<!\d)1 mei", when.inner_text()), when.inner_text()

        # An editor keeps to the catalogue: no organisation's dossiers.
        page.goto("/dossiers/")
        expect(page.locator("main")).to_contain_text("U bent (nog) geen lid van een organisatie")
        assert not page.outside, f"the pages asked for outside resources: {page.outside}"
    finally:
        context.close()


# --------------------------------------------------------------------------- the dossier board


def column_of(page, title: str) -> str:
    """The board column (its heading, without the count) that holds the dossier's card; exactly one."""
    columns = page.locator("section.dossier-column").filter(has=page.get_by_role("link", name=title, exact=True))
    expect(columns).to_have_count(1)
    heading = columns.get_by_role("heading", level=2).inner_text()
    return re.sub(r"\s*\(\d+\)$", "", heading)


def to_board(page) -> None:
    page.get_by_role("banner").get_by_role("link", name="Mijn dossiers").click()
    expect(page).to_have_url(re.compile(r"/dossiers/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn dossiers")


def open_dossier(page, title: str) -> None:
    page.get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def move_by_pointer(page, status: str) -> None:
    page.get_by_role("link", name="Status wijzigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Status wijzigen")
    page.get_by_label(status, exact=True).check()
    page.get_by_role("button", name="Status wijzigen").click()


def move_by_keyboard(page, status: str) -> None:
    """From the dossier page to the new status with Tab, Space and Enter only."""
    tab_to(page, "main a[href$='/status/']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Status wijzigen")
    radio = page.get_by_label(status, exact=True)
    tab_to(page, f"#{radio.get_attribute('id')}")
    page.keyboard.press("Space")
    expect(radio).to_be_checked()
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")


def test_member_takes_a_dossier_from_idea_to_grant_and_downloads_it(page, viewport, server, mailbox):
    suffix = uuid.uuid4().hex[:6]
    organisation, slug = f"Gemeente Wemmel {suffix}", f"gemeente-wemmel-{suffix}"
    email = f"beheerder-{viewport}-{suffix}@wemmel.be"
    title = f"Taalcafé voor ouders {suffix}"
    today = dt.date.today()

    create_organisation(page, server, mailbox, organisation, slug, email)

    # Log in from the header's link, then "Mijn dossiers" from the header.
    page.goto("/")
    page.get_by_role("banner").get_by_role("link", name="Aanmelden").click()
    expect(page).to_have_url(re.compile(r"/account/aanmelden/$"))
    fits_viewport(page)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn account")
    expect(page.get_by_role("row", name=re.compile(organisation))).to_contain_text("beheerder")
    to_board(page)
    expect(page.locator("main")).to_contain_text("0 dossiers.")

    # A new dossier for a funding line.
    page.get_by_role("link", name="Nieuw dossier").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuw dossier")
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Steunmaatregel").select_option(label=TAALSTIMULERING_TITLE)
    page.get_by_label("Gevraagd bedrag").fill("12.500")
    page.get_by_role("button", name="Dossier aanmaken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator("main")).to_contain_text(f"Het dossier ‘{title}’ is aangemaakt.")
    expect(page.locator(".dossier-status")).to_have_text("Status: Idee")
    to_board(page)
    assert column_of(page, title) == "Idee"
    expect(page.locator("main")).to_contain_text("1 dossier.")
    fits_viewport(page)
    screenshot(page, "dossiers", viewport)

    # idee -> in voorbereiding -> ingediend -> toegekend; the board follows each step.
    steps = [("In voorbereiding", move_by_pointer), ("Ingediend", move_by_keyboard if viewport == "desktop"
                                                     else move_by_pointer), ("Toegekend", move_by_pointer)]
    for status, move in steps:
        open_dossier(page, title)
        move(page, status)
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.locator("main")).to_contain_text(f"De status is nu ‘{status.lower()}’.")
        expect(page.locator(".dossier-status")).to_have_text(f"Status: {status}")
        to_board(page)
        assert column_of(page, title) == status

    # The amount granted, on the dossier's edit page.
    open_dossier(page, title)
    page.get_by_role("link", name="Bewerken").click()
    page.get_by_label("Toegekend bedrag").fill("10.000")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.locator("main")).to_contain_text("De wijzigingen zijn bewaard.")
    summary = page.locator("dl.summary-list")
    expect(summary).to_contain_text("€ 10.000,00")
    timeline = page.locator(".dossier-timeline")
    expect(timeline).to_contain_text("ingediend → toegekend")
    expect(timeline).to_contain_text(f"door {email}")
    to_board(page)
    assert column_of(page, title) == "Toegekend"

    # The CSV, through the browser's download: Flemish Excel's format, the dossier's row.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download als CSV (Excel)").click()
    download = download_info.value
    assert download.suggested_filename == f"dossiers-{today.isoformat()}.csv"
    raw = open(download.path(), encoding="utf-8").read()
    assert raw.startswith("\ufeff"), "no BOM: Excel would misread the accents"
    rows = list(csv.DictReader(io.StringIO(raw[1:]), delimiter=";"))
    assert len(rows) == 1, rows
    row = rows[0]
    assert row["Organisatie"] == organisation
    assert row["Status"] == "Toegekend"
    assert row["Titel"] == title
    assert row["Steunmaatregel"] == TAALSTIMULERING_TITLE
    assert row["Gevraagd bedrag"] == "12500,00"
    assert row["Toegekend bedrag"] == "10000,00"
    assert row["Ingediend op"] == today.isoformat()
    assert row["Beslissing op"] == today.isoformat()
    assert not page.outside, f"the pages asked for outside resources: {page.outside}"
