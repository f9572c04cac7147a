"""What people do on the site, in a real browser, on a desktop (1280×800) and a phone (390×844).

Journeys for the flash subscription, the editors and the dossier board are to be added
here when those capabilities land (see tests/e2e/README.md).
"""
from __future__ import annotations

import datetime as dt
import re

import pytest

from .pages import TAALCAFE_TEXT, TAALSTIMULERING

expect = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed").expect

MAX_TABS = 60  # a bound on the Tab presses needed to reach a field; more would be a keyboard trap


def count_in(text: str) -> int:
    return int(re.search(r"\((\d+)\)", text).group(1))


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement;
                   return {tag: e.tagName.toLowerCase(), id: e.id, name: e.getAttribute('name'),
                           text: (e.innerText || e.value || '').trim().slice(0, 80)}; }"""
    )


def tab_to(page, selector: str) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard user would."""
    for _ in range(MAX_TABS):
        if page.evaluate("sel => document.activeElement.matches(sel)", selector):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"{selector} not reached with {MAX_TABS} Tab presses (focus is on {focused(page)})")


# --------------------------------------------------------------------------- search → line → partner


def test_search_then_funding_line_then_its_partner(page):
    page.goto("/")
    page.get_by_label("Of zoek in de catalogus op een trefwoord").fill("taal")
    page.get_by_role("button", name="Zoeken").click()
    expect(page).to_have_url(re.compile(r"/catalogus/\?q=taal"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Catalogus van steunmaatregelen en partners")
    results = page.locator("section[aria-labelledby=steunmaatregelen]")
    assert count_in(results.get_by_role("heading", level=2).inner_text()) >= 1

    results.get_by_role("link", name="Subsidie taalstimulering Nederlands").first.click()
    expect(page).to_have_url(re.compile(f"/steun/{TAALSTIMULERING}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Subsidie taalstimulering Nederlands")
    expect(page.locator("main")).to_contain_text("€ 15.000")

    administrator = page.locator("dl.summary-list dt:text-is('Beheerder') + dd a")
    name = administrator.inner_text()
    administrator.click()
    expect(page).to_have_url(re.compile(r"/partners/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    # The partner page links back to the line it administers.
    expect(page.locator(f"main a[href='/steun/{TAALSTIMULERING}/']").first).to_be_visible()


# --------------------------------------------------------------------------- municipality picker


def test_municipality_picker_leads_to_the_municipality_page(page):
    page.goto("/")
    page.get_by_label("Naam of NIS-code van de gemeente").fill("Wemmel")
    page.get_by_role("button", name="Toon gemeente").click()
    expect(page).to_have_url(re.compile(r"/gemeenten/wemmel/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat is er voor Wemmel?")
    main = page.locator("main")
    expect(main).to_contain_text("Wemmel is een faciliteitengemeente")
    expect(main).to_contain_text("Subsidie taalstimulering Nederlands")


def test_a_misspelt_municipality_gets_a_suggestion_to_follow(page):
    page.goto("/")
    page.get_by_label("Naam of NIS-code van de gemeente").fill("Wemel")
    page.get_by_role("button", name="Toon gemeente").click()
    expect(page.locator("main")).to_contain_text("Bedoelde u")
    page.locator("main").get_by_role("link", name="Wemmel").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat is er voor Wemmel?")


# --------------------------------------------------------------------------- the Projectwijzer, keyboard only


def start_date_ahead() -> dt.date:
    """A start date at least four months ahead (the line asks 3 months' notice) whose day equals its
    month, so typing it gives the same date whether the browser's date field reads dd-mm or mm-dd."""
    earliest = dt.date.today() + dt.timedelta(days=120)
    return min(d for y in (earliest.year, earliest.year + 1) for m in range(1, 13)
               if (d := dt.date(y, m, m)) >= earliest)


def test_projectwijzer_by_keyboard_alone_and_its_permalink(page):
    page.goto("/")
    # From the top of the home page to the Projectwijzer by keyboard: Tab to the menu link, Enter.
    if page.get_by_role("button", name="Menu").is_visible():
        # On a phone the menu is folded behind its button: open it by keyboard first.
        tab_to(page, "button[aria-controls='hoofdmenu']")
        page.keyboard.press("Enter")
    tab_to(page, "a[href='/match/']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/match/$"))

    tab_to(page, "#id_text")
    page.keyboard.type(TAALCAFE_TEXT)
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_municipality"
    page.keyboard.type("Wemmel")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_applicant_type"
    page.keyboard.type("Vzw")  # a closed select picks the option starting with what is typed
    assert page.locator("#id_applicant_type").input_value() == "vzw"

    start = start_date_ahead()
    tab_to(page, "#id_start")
    page.keyboard.type(start.strftime("%d%m%Y"))  # day and month alike: dd-mm or mm-dd
    assert page.locator("#id_start").input_value() == start.isoformat()
    tab_to(page, "#id_cost")
    page.keyboard.type("4000")
    page.keyboard.press("Enter")  # submits the form from a text field

    page.wait_for_url(re.compile(r"/match/\?.*#antwoord$"))
    eligible = page.locator("section[aria-labelledby=groep-fits]")
    expect(eligible.get_by_role("heading", level=3)).to_contain_text("Past bij uw project")
    expect(eligible.get_by_role("link", name="Subsidie taalstimulering Nederlands")).to_be_visible()
    first_answer = eligible.inner_text()
    summary = page.locator(".match-summary").inner_text()

    # The permalink gives the same answer, also in a fresh visit.
    permalink = page.get_by_role("link", name="Permalink naar dit antwoord")
    href = permalink.get_attribute("href")
    assert "municipality=Wemmel" in href and "applicant_type=vzw" in href
    permalink.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.endswith(href))
    again = page.locator("section[aria-labelledby=groep-fits]")
    expect(again.get_by_role("link", name="Subsidie taalstimulering Nederlands")).to_be_visible()
    assert again.inner_text() == first_answer
    assert page.locator(".match-summary").inner_text() == summary
    assert page.locator("#id_text").input_value() == TAALCAFE_TEXT


def test_projectwijzer_errors_are_summarised_and_lead_to_the_field(page):
    page.goto("/match/")
    page.locator("#id_text").fill(TAALCAFE_TEXT)
    page.locator("#id_municipality").fill("Wemel")
    page.locator("#id_applicant_type").select_option("vzw")
    page.get_by_role("button", name="Toon wat past").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Wemmel")
    # The summary has the focus, so a screen reader reads it first; its links go to the fields. The browser
    # gives `autofocus` the focus once the page has loaded: wait for it (asking at once failed on a busy machine).
    expect(summary).to_be_focused()
    link = summary.get_by_role("link").first
    target = link.get_attribute("href")
    link.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target


# --------------------------------------------------------------------------- catalogue filters


def test_catalogue_filter_by_applicant_type_changes_the_counts(page):
    page.goto("/catalogus/")
    heading = page.locator("#steunmaatregelen")
    all_lines = count_in(heading.inner_text())
    all_cards = page.locator("section[aria-labelledby=steunmaatregelen] .cards > li").count()
    assert all_cards == all_lines > 1

    if not page.locator("#f-applicant_type").is_visible():  # on a phone the filters are folded under the results
        page.locator("#filters > summary").click()
    option = page.locator("#f-applicant_type option", has_text="School")
    label = option.inner_text()
    page.locator("#f-applicant_type").select_option(label=label)
    page.get_by_role("button", name="Filters toepassen").click()
    expect(page).to_have_url(re.compile(r"applicant_type=school"))

    schools = count_in(page.locator("#steunmaatregelen").inner_text())
    assert 0 < schools < all_lines
    assert page.locator("section[aria-labelledby=steunmaatregelen] .cards > li").count() == schools
    assert schools == count_in(label)  # the count the option promised
    expect(page.locator(".active-filters")).to_contain_text("School")
    # Removing the filter brings every line back.
    page.locator(".active-filters").get_by_role("link", name=re.compile("wissen")).first.click()
    assert count_in(page.locator("#steunmaatregelen").inner_text()) == all_lines


# --------------------------------------------------------------------------- API docs


def test_the_api_docs_page_loads_offline(page, server):
    page.goto("/api/v1/docs")
    expect(page.get_by_text("Randwijzer API").first).to_be_visible()
    expect(page.locator("body")).to_contain_text("/api/v1/funding")
    assert not page.outside, f"the docs page asked for outside resources: {page.outside}"


# --------------------------------------------------------------------------- focus and skip link


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page):
    page.goto("/catalogus/")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["tag"] == "a" and first["text"] == "Naar de inhoud"
    skip = page.locator(".skip-link")
    box = skip.bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 0, "the skip link is not visible when it has the focus"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "inhoud"
    # The next Tab continues inside the content, not in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize("path, selector", [
    ("/", "#home-q"),
    ("/", "main a"),
    ("/catalogus/", "#f-applicant_type"),
    ("/catalogus/", "button[type=submit]"),
    ("/match/", "#id_text"),
    ("/match/", "summary"),
])
def test_keyboard_focus_is_visible(page, path, selector):
    page.goto(path)
    # Folded filters (on a phone) are opened, as a keyboard user does with Enter on their summary.
    page.evaluate("document.querySelectorAll('details.filters-fold').forEach(d => d.open = true)")
    tab_to(page, selector)
    style = page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
                   return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow}; }"""
    )
    has_outline = style["outline"] != "none" and style["width"] >= 2
    has_shadow = style["shadow"] not in ("", "none")
    assert has_outline or has_shadow, f"{selector} on {path} shows no focus: {style}"
