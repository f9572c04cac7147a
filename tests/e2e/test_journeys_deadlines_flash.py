"""Two more journeys in a real browser, desktop and phone: the deadlines page with its calendar
feeds, and subscribing to the Subsidieflash with the mails it sends (tests/e2e/README.md).

The calendar feeds are fetched through the browser context (its cookies, its origin) and read
with `icalendar`, as a calendar client would. The mails go to the package's aiosmtpd server
(`mailbox`, conftest.py), to which the e2e server sends them over real SMTP.
"""
from __future__ import annotations

import datetime as dt
import re
import time
import uuid
from urllib.parse import urljoin

import icalendar
import pytest

from .conftest import SCREENSHOTS
from .test_journeys import tab_to

expect = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed").expect

# Written out here, not taken from the site's code, so a wrong month name on the page is caught.
MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
             "november", "december")
DATE_NL = re.compile(r"(\d{1,2}) (" + "|".join(MONTHS_NL) + r") (\d{4})")
MAIL_SECONDS = 10


def in_dutch(date: dt.date) -> str:
    return f"{date.day} {MONTHS_NL[date.month - 1]} {date.year}"


def from_dutch(text: str) -> dt.date:
    day, month, year = DATE_NL.fullmatch(text).groups()
    return dt.date(int(year), MONTHS_NL.index(month) + 1, int(day))


def screenshot(page, name: str, viewport: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{viewport}.png"), animations="disabled", caret="hide")


# --------------------------------------------------------------------------- deadlines and calendar feeds


def listed_dates(page) -> list[dict]:
    """Every card of the deadlines list as a person reads it: its dates, its label, its line."""
    cards = []
    for card in page.locator(".deadline-list > li").all():
        times = card.locator("p.date time").all()
        shown = [t.inner_text() for t in times]
        dates = [dt.date.fromisoformat(t.get_attribute("datetime")) for t in times]
        # The visible date is Dutch and the same day as the machine-readable one.
        assert shown == [in_dutch(d) for d in dates], f"dates not in Dutch or not the same day: {shown} vs {dates}"
        link = card.get_by_role("heading", level=3).get_by_role("link")
        feed = card.get_by_role("link", name=re.compile("^Agenda van deze steunmaatregel"))
        cards.append({"title": link.inner_text(), "href": link.get_attribute("href"),
                      "label": card.locator("h3 + p").inner_text(), "start": dates[0], "end": dates[-1],
                      "calendar": feed.get_attribute("href")})
    return cards


def fetch_calendar(page, href: str) -> icalendar.Calendar:
    response = page.context.request.get(urljoin(page.url, href))
    assert response.ok, f"{href} answered {response.status}"
    assert response.headers["content-type"].startswith("text/calendar"), response.headers["content-type"]
    return icalendar.Calendar.from_ical(response.body())


def events_of(cal: icalendar.Calendar) -> list[dict]:
    """Every event as (summary, first day, last day, page): DTEND of an all-day event is the day after."""
    return [{"summary": str(e["summary"]), "start": e.decoded("dtstart"),
             "end": e.decoded("dtend") - dt.timedelta(days=1), "url": str(e["url"]),
             "kind": str(e["categories"].cats[0])}
            for e in cal.walk("VEVENT")]


def as_event(card: dict) -> tuple:
    # The feed names an event "<label> – <line>", the card shows the same two parts.
    return f"{card['label']} – {card['title']}", card["start"], card["end"]


def test_deadlines_from_the_menu_and_their_calendar_feeds(page, viewport, server):
    page.goto("/")
    if viewport == "phone":  # the menu is folded under its button there
        page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Indiendata").click()
    expect(page).to_have_url(re.compile(r"/indiendata/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Indiendata en periodes")
    # The menu marks where one is: this page and no other (found: "Catalogus" was marked too).
    expect(page.locator(".main-nav a[aria-current=page]")).to_have_text(["Indiendata"])
    lead = page.locator("p.lead").inner_text()
    period = re.search(f"van ({DATE_NL.pattern}) tot en met ({DATE_NL.pattern})", lead)
    assert period, f"the period is not given in Dutch dates: {lead!r}"
    first, last = from_dutch(period.group(1)), from_dutch(period.group(5))
    assert (last - first).days == 90  # the page shows the next 90 days unless told otherwise

    cards = listed_dates(page)
    assert cards, "no deadline or period in the next 90 days: the catalogue's dates (or today) changed"
    assert all(card["end"] >= first and card["start"] <= last for card in cards)
    heading = page.locator("#data").inner_text()
    assert f"({len(cards)})" in heading
    if viewport == "phone":  # show the dates, not the page's lead
        page.evaluate("document.querySelector('.results').scrollIntoView({block: 'start'})")
    screenshot(page, "indiendata", viewport)

    # The global feed ("Zet in uw agenda") holds the same dates as the page, and more of the year.
    cal = fetch_calendar(page, page.get_by_role("link", name="Zet in uw agenda").get_attribute("href"))
    assert str(cal["x-wr-calname"]) == "Randwijzer – indiendata en periodes"
    everything = events_of(cal)
    in_period = {(e["summary"], e["start"], e["end"]) for e in everything if e["end"] >= first and e["start"] <= last}
    assert in_period == {as_event(card) for card in cards}
    assert len(everything) >= len(cards)

    # From the first listed line to its page, and its own feed from the link there.
    card = cards[0]
    page.locator(".deadline-list").get_by_role("link", name=card["title"], exact=True).first.click()
    expect(page).to_have_url(re.compile(re.escape(card["href"]) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(card["title"])
    line_url = urljoin(server.url, card["href"])
    line_feed = page.get_by_role("link", name="Zet de data in uw agenda").get_attribute("href")
    assert line_feed == card["calendar"]  # the card on the deadlines page offers the same feed
    line_cal = fetch_calendar(page, line_feed)
    assert str(line_cal["x-wr-calname"]) == f"Randwijzer – {card['title']}"
    line_events = events_of(line_cal)
    assert line_events and all(e["summary"].endswith(f" – {card['title']}") and e["url"] == line_url
                               for e in line_events)
    assert as_event(card) in {(e["summary"], e["start"], e["end"]) for e in line_events}
    # The line's feed is exactly the global feed's events of that line.
    assert sorted((e["summary"], e["start"]) for e in line_events) == sorted(
        (e["summary"], e["start"]) for e in everything if e["url"] == line_url)
    # What the page calls the next deadline is the first one in the feed from today on.
    next_deadline = page.locator(".next-deadline strong")
    if next_deadline.count():
        upcoming = [e["start"] for e in line_events if e["kind"] == "uiterste indiendatum" and e["start"] >= first]
        assert from_dutch(next_deadline.inner_text()) == min(upcoming)
    assert not page.outside, f"the pages asked for outside resources: {page.outside}"


# --------------------------------------------------------------------------- Subsidieflash by mail


def mail_to(mailbox, server, address: str, subject: str):
    """The mail with this subject to this address; the site sends it before it answers, the wait is slack."""
    deadline = time.monotonic() + MAIL_SECONDS
    while time.monotonic() < deadline:
        found = [m for m in mailbox.to(address) if m["Subject"] == subject]
        if found:
            return found[-1]
        time.sleep(0.1)
    got = [(m["To"], m["Subject"]) for m in mailbox.messages]
    pytest.fail(f"no mail {subject!r} to {address} in {MAIL_SECONDS}s; the mailbox has {got}\n"
                f"server log:\n{server.log.read_text()[-3000:]}")


def link_in(mail, server, path: str) -> str:
    """The link to `path` in the mail's plain text; it must lead to this site and be in the HTML part too."""
    text = mail.get_body(preferencelist=("plain",)).get_content()
    found = re.findall(r"https?://\S+" + re.escape(path) + r"\S+", text)
    assert len(found) == 1, f"expected one link to {path} in:\n{text}"
    link = found[0]
    assert link.startswith(server.url + path), f"{link} does not lead to the site at {server.url}"
    html = mail.get_body(preferencelist=("html",)).get_content()
    assert f'href="{link}"' in html, f"{link} is not in the HTML part"
    return link


def checked_themes(page) -> set[str]:
    ids = [box.get_attribute("id") for box in page.locator("input[name=themes]:checked").all()]
    return {page.locator(f"label[for='{i}']").inner_text() for i in ids}


def subscribe_by_keyboard(page, email: str) -> None:
    """Tab, type, Space and Enter only."""
    tab_to(page, "#id_email")
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_municipality"
    page.keyboard.type("Wemmel")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_applicant_type"
    page.keyboard.type("Vzw")  # a closed select picks the option starting with what is typed
    assert page.locator("#id_applicant_type").input_value() == "vzw"
    for theme in ("Taalpromotie Nederlands", "Sociale cohesie"):
        box = page.get_by_label(theme, exact=True)
        tab_to(page, f"#{box.get_attribute('id')}")
        page.keyboard.press("Space")
        expect(box).to_be_checked()
    tab_to(page, "form.match-form button[type=submit]")


def subscribe_by_pointer(page, email: str) -> None:
    page.get_by_label("Uw e-mailadres").fill(email)
    page.get_by_label("Gemeente").fill("Wemmel")
    page.get_by_label("Wie bent u?").select_option("vzw")
    for theme in ("Taalpromotie Nederlands", "Sociale cohesie"):
        page.get_by_label(theme, exact=True).check()


def test_subscribe_to_the_flash_confirm_by_mail_change_preferences_and_unsubscribe(page, viewport, server, mailbox):
    email = f"lezer-{viewport}-{uuid.uuid4().hex[:8]}@gemeente.be"
    page.goto("/")
    if viewport == "phone":  # the menu is folded under its button there
        page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Subsidieflash").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Subsidieflash")
    expect(page.locator(".main-nav a[aria-current=page]")).to_have_text(["Subsidieflash"])

    # On the desktop by keyboard alone; on the phone by touch.
    if viewport == "desktop":
        subscribe_by_keyboard(page, email)
        screenshot(page, "subsidieflash", viewport)
        page.keyboard.press("Enter")
    else:
        subscribe_by_pointer(page, email)
        screenshot(page, "subsidieflash", viewport)
        page.get_by_role("button", name="Inschrijven").tap()
    expect(page).to_have_url(re.compile(r"/flash/kijk-in-uw-mailbox/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kijk in uw mailbox")
    expect(page.locator("main")).to_contain_text(
        "Klik op de link in die mail om uw inschrijving op de Subsidieflash te bevestigen.")

    # The confirmation mail, in Dutch, with the link that confirms.
    confirmation = mail_to(mailbox, server, email, "Bevestig uw inschrijving op de Subsidieflash")
    confirm_link = link_in(confirmation, server, "/flash/bevestigen/")
    page.goto(confirm_link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw inschrijving is bevestigd")
    expect(page.get_by_role("link", name="Wijzig uw voorkeuren")).to_be_visible()

    # Subscribing the address again says the same on the page (no stranger learns who reads the
    # flash); the owner gets a mail with the links to the preferences and to unsubscribe.
    page.goto("/flash/")
    page.get_by_label("Uw e-mailadres").fill(email)
    page.get_by_role("button", name="Inschrijven").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kijk in uw mailbox")
    known = mail_to(mailbox, server, email, "U bent al ingeschreven op de Subsidieflash")
    preferences_link = link_in(known, server, "/flash/voorkeuren/")
    unsubscribe_link = link_in(known, server, "/flash/uitschrijven/")

    # The preferences page shows the interests chosen when subscribing; a change is kept.
    page.goto(preferences_link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw voorkeuren voor de Subsidieflash")
    expect(page.locator("main")).to_contain_text(f"Voor {email}.")
    assert page.locator("#id_municipality").input_value() == "Wemmel"
    assert page.locator("#id_applicant_type").input_value() == "vzw"
    assert checked_themes(page) == {"Taalpromotie Nederlands", "Sociale cohesie"}
    page.get_by_label("Onderwijs", exact=True).check()
    page.get_by_role("button", name="Voorkeuren bewaren").click()
    expect(page.get_by_role("status")).to_have_text("Uw voorkeuren zijn bewaard.")
    page.goto(preferences_link)
    assert checked_themes(page) == {"Taalpromotie Nederlands", "Sociale cohesie", "Onderwijs"}

    # Unsubscribing with the mail's link takes one visit and says so in Dutch.
    page.goto(unsubscribe_link)
    expect(page.get_by_role("heading", level=1)).to_have_text("U bent uitgeschreven")
    expect(page.locator("main")).to_contain_text(f"{email} krijgt geen Subsidieflash en geen herinneringen meer.")
    page.goto(preferences_link)
    expect(page.locator("main")).to_contain_text("Dit adres krijgt op dit moment geen Subsidieflash.")
    assert not page.outside, f"the pages asked for outside resources: {page.outside}"
