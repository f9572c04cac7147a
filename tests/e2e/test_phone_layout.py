"""The phone-first layout in Chromium at 390 px: the menu button, results before the filters, tap
targets of at least 44 × 44 px; and on a desktop the menu and the filters stay open."""
from __future__ import annotations

import pytest

from .conftest import _new_page

MIN_TAP = 44


@pytest.fixture
def phone(browser, server):
    context, page = _new_page(browser, server, "phone")
    yield page
    context.close()


def test_menu_button_opens_and_closes_the_menu_on_a_phone(phone):
    phone.goto("/")
    button = phone.get_by_role("button", name="Menu")
    menu = phone.locator("#hoofdmenu")
    assert button.is_visible() and button.get_attribute("aria-controls") == "hoofdmenu"
    assert button.get_attribute("aria-expanded") == "false" and not menu.is_visible()
    box = button.bounding_box()
    assert box["width"] >= MIN_TAP and box["height"] >= MIN_TAP

    button.click()
    assert button.get_attribute("aria-expanded") == "true" and menu.is_visible()
    links = menu.get_by_role("link")
    assert 1 <= links.count() <= 5
    links.filter(has_text="Catalogus").click()
    phone.wait_for_url("**/catalogus/")

    phone.get_by_role("button", name="Menu").click()
    phone.keyboard.press("Escape")
    assert phone.get_by_role("button", name="Menu").get_attribute("aria-expanded") == "false"
    assert not phone.locator("#hoofdmenu").is_visible()


def test_on_a_desktop_the_menu_is_open_and_has_no_button(desktop_page):
    desktop_page.goto("/")
    assert not desktop_page.get_by_role("button", name="Menu").is_visible()
    menu = desktop_page.locator("#hoofdmenu")
    assert menu.is_visible() and menu.get_by_role("link").count() <= 5


def test_catalogue_shows_results_above_the_folded_filters_on_a_phone(phone):
    phone.goto("/catalogus/")
    first_result = phone.locator(".results .card").first
    filters = phone.locator("details.filters-fold")
    assert first_result.bounding_box()["y"] < filters.bounding_box()["y"]
    assert filters.get_attribute("open") is None and not phone.locator("#f-q").is_visible()
    phone.locator("details.filters-fold > summary").click()
    assert phone.locator("#f-q").is_visible()


def test_catalogue_filters_stand_open_beside_the_results_on_a_desktop(desktop_page):
    desktop_page.goto("/catalogus/")
    assert desktop_page.locator("#f-q").is_visible()
    filters = desktop_page.locator("details.filters-fold").bounding_box()
    results = desktop_page.locator(".results").bounding_box()
    assert filters["x"] + filters["width"] <= results["x"]


def tap_target(page, selector: str) -> list[dict]:
    """Each visible control's tap target: its own box, joined with its label's box (a label is part of the target)."""
    return page.evaluate(
        """sel => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null && !e.closest('[aria-hidden=true]')).map(e => {
            const boxes = [e.getBoundingClientRect()];
            for (const label of e.labels || []) {
                if (label.contains(e) || ['checkbox', 'radio'].includes(e.type)) boxes.push(label.getBoundingClientRect());
            }
            const left = Math.min(...boxes.map(b => b.left)), right = Math.max(...boxes.map(b => b.right));
            const top = Math.min(...boxes.map(b => b.top)), bottom = Math.max(...boxes.map(b => b.bottom));
            const own = boxes[0];
            return {name: e.name || e.id || e.textContent.trim(), type: e.type || e.tagName,
                    width: Math.round(right - left), height: Math.round(own.height >= 44 ? own.height : bottom - top)};
        })""",
        selector,
    )


def test_every_control_of_the_flash_form_is_at_least_44_px_on_a_phone(phone):
    phone.goto("/flash/")
    controls = tap_target(phone, "main input:not([type=hidden]), main select, main button, main textarea")
    kinds = {c["type"] for c in controls}
    assert {"email", "checkbox", "submit"} <= kinds, kinds
    small = [c for c in controls if c["width"] < MIN_TAP or c["height"] < MIN_TAP]
    assert not small, f"kleiner dan {MIN_TAP} px: {small}"
    email = phone.locator("input[type=email]").bounding_box()
    assert email["width"] >= 300  # a field one can type an address in, not a 179-pixel box


@pytest.mark.parametrize("path", ["/catalogus/", "/match/", "/voorstellen/", "/account/aanmelden/", "/indiendata/"])
def test_form_controls_elsewhere_are_at_least_44_px_on_a_phone(phone, path):
    phone.goto(path)
    phone.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    controls = tap_target(phone, "main input:not([type=hidden]), main select, main button")
    assert controls
    small = [c for c in controls if c["width"] < MIN_TAP or c["height"] < MIN_TAP]
    assert not small, f"{path}: kleiner dan {MIN_TAP} px: {small}"


def test_the_plan_is_one_step_on_from_the_projectwijzer_answer(desktop_page):
    desktop_page.goto("/match/?text=taalcaf%C3%A9+voor+anderstaligen&municipality=Wemmel&applicant_type=vzw&cost=4000")
    desktop_page.get_by_role("link", name="Maak een financieringsplan met dezelfde gegevens").click()
    desktop_page.wait_for_url("**/plan/**")
    assert desktop_page.get_by_role("heading", name="Uw financieringsplan").is_visible()
    current = desktop_page.locator(".main-nav a[aria-current=page]")
    assert current.count() == 1 and current.inner_text() == "Wat past bij mijn project?"
