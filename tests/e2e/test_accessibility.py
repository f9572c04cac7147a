"""axe-core in Chromium on every page type, desktop and phone: no serious or critical violation.

Moderate and minor findings are printed (run with -s to see them), not failed on. The same
visit writes the screenshots in docs/screenshots/ for the pages that name one.
"""
from __future__ import annotations

import pytest

from .conftest import SCREENSHOTS, visit
from .pages import PAGE_TYPES

BLOCKING = {"serious", "critical"}


def run_axe(page, axe_source: str) -> list[dict]:
    # Evaluated through the DevTools protocol, not as an inline <script>: the site's
    # Content-Security-Policy (script-src 'self') rightly blocks inline scripts.
    page.evaluate(axe_source)
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ['violations']});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, tags: v.tags,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))
            }));
        }"""
    )


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"      {node['target']}: {' '.join((node['summary'] or '').split())[:300]}")
        if len(v["nodes"]) > 5:
            lines.append(f"      … and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=[p.name for p in PAGE_TYPES])
def test_page_type_has_no_serious_accessibility_violations(page, viewport, page_type, axe_source, request):
    response = visit(page, page_type, request)
    if page_type.optional and response.status == 404:
        pytest.skip(f"{page_type.path} does not exist yet ({page_type.name} is still to be built)")
    assert response.status == page_type.status, f"{page_type.path} answered {response.status}"
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.title().endswith("Randwijzer")
    assert page.locator("h1").count() == 1

    if page_type.screenshot:
        if page_type.scroll_to:
            page.evaluate("sel => document.querySelector(sel).scrollIntoView({block: 'start'})", page_type.scroll_to)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{page_type.screenshot}-{viewport}.png"), animations="disabled",
                        caret="hide")

    # Folded content (<details>) is scanned too: open it all.
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    # No horizontal scrolling on a phone (WCAG 1.4.10 reflow): the page fits its viewport.
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow > 1:
        # Name the culprits: the outermost elements that reach past the right edge.
        wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .filter(e => !e.parentElement.closest('*') || e.parentElement.getBoundingClientRect().right
                         <= document.documentElement.clientWidth + 1)
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))""")
        pytest.fail(f"{page.url} scrolls sideways by {overflow}px in the {viewport} viewport; too wide: {wide}")
    violations = run_axe(page, axe_source)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    others = [v for v in violations if v["impact"] not in BLOCKING]
    if others:
        print(f"\naxe, {page_type.name} ({viewport}), not blocking:\n{describe(others)}")
    assert not blocking, f"axe on {page_type.path} ({viewport}):\n{describe(blocking)}"
    assert not page.outside, f"the page asked for outside resources: {page.outside}"


CHART_PAGES = [p for p in PAGE_TYPES if p.path in ("/cijfers/",)]  # add pages that show charts


@pytest.mark.parametrize("page_type", CHART_PAGES, ids=[p.name for p in CHART_PAGES])
def test_charts_have_text_alternatives(desktop_page, page_type):
    """Every chart (an SVG of some size) is named for a screen reader or hidden from it, and has
    its figures as a table next to it, for people who cannot see the chart."""
    page = desktop_page
    response = page.goto(page_type.path)
    if response.status == 404:
        pytest.skip(f"{page_type.path} does not exist yet")
    charts = page.evaluate(
        """() => [...document.querySelectorAll('main svg')]
                 .filter(svg => { const r = svg.getBoundingClientRect(); return r.width > 48 && r.height > 48; })
                 .map(svg => {
                     const labelled = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/)
                         .map(id => document.getElementById(id)).filter(Boolean).map(e => e.textContent).join(' ');
                     const title = svg.querySelector(':scope > title');
                     const name = (svg.getAttribute('aria-label') || labelled || (title && title.textContent) || '').trim();
                     let box = svg.parentElement, table = null;
                     for (let i = 0; box && i < 5 && !table; i++, box = box.parentElement) table = box.querySelector('table');
                     return {hidden: svg.getAttribute('aria-hidden') === 'true', role: svg.getAttribute('role'), name,
                             table: table ? table.querySelectorAll('tbody tr').length : -1};
                 })"""
    )
    if not charts:
        pytest.skip(f"no charts on {page_type.path}")
    for number, chart in enumerate(charts, 1):
        assert chart["hidden"] or (chart["role"] == "img" and chart["name"]), f"chart {number} has no name: {chart}"
        assert chart["table"] > 0, f"chart {number} has no table of its figures beside it: {chart}"
