"""Issue 15's "done when" as a user walks it: on a 390 px phone, a taaltafel in Wemmel → the
Projectwijzer's answer → the first line that fits → "Hoe aanvragen?" with whom to write or call,
without leaving Randwijzer."""
from __future__ import annotations

import pytest

from .conftest import _new_page


@pytest.fixture
def phone(browser, server):
    context, page = _new_page(browser, server, "phone")
    yield page
    context.close()


def test_a_taaltafel_in_wemmel_leads_to_how_to_apply_and_a_contact_on_a_phone(phone, server):
    phone.goto("/")
    phone.locator("#home-text").fill("we willen een taaltafel starten in wemmel voor anderstalige ouders")
    phone.locator("#home-text").press("Tab")
    phone.locator("form.home-match button[type=submit]").click()
    phone.wait_for_url("**/match/**")

    fitting = phone.locator(".match-fits .card-title a, .match-check .card-title a").first
    fitting.scroll_into_view_if_needed()
    title = fitting.inner_text()
    fitting.click()
    phone.wait_for_url("**/steun/**")
    assert phone.url.startswith(server.url) and phone.outside == []  # still on Randwijzer

    heading = phone.get_by_role("heading", name="Hoe aanvragen?")
    heading.scroll_into_view_if_needed()
    assert heading.is_visible(), title
    section = phone.locator("#hoe-aanvragen-sectie")
    text = section.inner_text()
    assert "Aanvragen:" in text and "Contact:" in text
    # Whom to write or call: an address to write to, or the administrator's page (as the sources give it).
    assert section.locator("a[href^='mailto:'], a[href^='tel:'], a[href^='http']").count() >= 1, text
