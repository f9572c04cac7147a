"""Figures as charts: every figure of the catalogue as an accessible SVG bar chart with its table and source."""
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from randwijzer.catalogue.models import Figure, FundingLine
from randwijzer.catalogue.presenters import figure_value
from randwijzer.figures.charts import Bar, BarChart, render_bar_chart

from .helpers import SVG, bar_texts, figure_block, svgs, table_cells, text_of

pytestmark = pytest.mark.django_db


def test_the_renderer_escapes_text_and_draws_one_bar_per_value():
    chart = BarChart("grafiek-x", 'Budget <"2023"> & co', "Twee <waarden> & meer", (
        Bar("Label met <tag> & 'quote'", 10, "€ 10"),
        Bar("Een heel lang label dat op een smal scherm zeker over meer dan één regel moet lopen om leesbaar te blijven", 0, "€ 0"),
        Bar("Derde", 1_000_000, "meer dan € 1.000.000"),
    ))
    svg = ET.fromstring(render_bar_chart(chart))
    assert svg.get("role") == "img" and svg.get("viewBox").startswith("0 0 ") and svg.get("width") == "100%"
    assert svg.find(f"{SVG}title").text == 'Budget <"2023"> & co'
    assert svg.find(f"{SVG}desc").text == "Twee <waarden> & meer"
    assert svg.get("aria-labelledby") == "grafiek-x-titel grafiek-x-beschrijving"
    assert len(svg.findall(f".//{SVG}rect")) == 3
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "Label met <tag> & 'quote'" in texts
    assert bar_texts(svg) == ["€ 10", "€ 0", "meer dan € 1.000.000"]
    # The long label is wrapped over several lines instead of running off a phone screen.
    assert sum(1 for t in texts if t and t not in bar_texts(svg)) > 4


def test_an_empty_chart_is_still_valid_svg():
    svg = ET.fromstring(render_bar_chart(BarChart("leeg", "Leeg", "Geen gegevens.", ())))
    assert svg.find(f"{SVG}title").text == "Leeg" and not svg.findall(f".//{SVG}rect")


def test_every_figure_renders_as_chart_table_and_source_on_its_line_page(client):
    figures = list(Figure.objects.select_related("funding_line").prefetch_related("points"))
    assert len(figures) >= 8  # Plan Samenleven 4, Taalstimulering 3, Randfonds 1
    pages = {}
    for figure in figures:
        line = figure.funding_line
        if line.pk not in pages:
            response = client.get(reverse("catalogue:funding", args=[line.pk]))
            assert response.status_code == 200
            pages[line.pk] = response.content.decode()
        block = figure_block(pages[line.pk], figure.pk)
        (svg,) = svgs(block)
        points = list(figure.points.all())
        assert svg.find(f"{SVG}title").text == figure.title
        desc = svg.find(f"{SVG}desc").text
        assert desc.startswith("Staafdiagram") and all(p.label in desc for p in points)
        assert len(svg.findall(f".//{SVG}rect")) == len(points)
        expected = [figure_value(p, figure.unit) for p in points]
        assert bar_texts(svg) == expected
        labels = [f"{p.label} (berekend)" if p.computed else p.label for p in points]
        assert table_cells(block) == list(zip(labels, expected))
        assert "<caption>" in block and 'scope="col"' in block
        source = figure.source
        assert source.title.replace("'", "&#x27;") in block
        # A check date only where the source was checked: never under the printed guide.
        credit = re.search(r'<p class="meta figure-source">(.*?)</p>', block, re.S).group(1)
        assert ("nagekeken bij de bron op 26 november 2026" in credit) == bool(source.verified_on)
        if source.url:
            assert f'href="{source.url}"' in block


def test_values_are_in_dutch_number_format(client):
    html = client.get(reverse("catalogue:funding", args=["vlaams-randfonds"])).content.decode()
    (svg,) = svgs(html)
    assert bar_texts(svg) == ["€ 20.000.000", "€ 26.000.000", "€ 30.337.000"]
    plan = client.get(reverse("catalogue:funding", args=["plan-samenleven"])).content.decode()
    first = svgs(plan)[0]
    assert bar_texts(first) == ["meer dan € 14.000.000", "€ 16.900.000"]
    assert "ondergrens" in first.find(f"{SVG}desc").text
    counts = [bar_texts(s) for s in svgs(plan)]
    assert ["15", "17"] in counts and ["103"] in counts
    taal = client.get(reverse("catalogue:funding", args=["subsidie-taalstimulering-nederlands"])).content.decode()
    amounts = bar_texts(svgs(taal)[0])
    assert amounts[0] == "€ 1.965" and "€ 15.000" in amounts


def test_figures_page_lists_every_figure_grouped_by_line(client):
    response = client.get(reverse("figures:figures"))
    assert response.status_code == 200
    html, text = response.content.decode(), text_of(response)
    assert html.count("<h1") == 1 and "randwijzer/site.css" in html
    charts = svgs(html)
    assert len(charts) == Figure.objects.count()
    for line in FundingLine.objects.filter(figures__isnull=False).distinct():
        assert f'id="steun-{line.pk}"' in html and reverse("catalogue:funding", args=[line.pk]) in html
        section = html[html.index(f'aria-labelledby="steun-{line.pk}"'):]
        section = section[:section.index("</section>")]
        assert len(svgs(section)) == line.figures.count()
    assert "€ 30.337.000" in text and "meer dan € 14.000.000" in text and "€ 61.461" in text
    ids = [s.find(f"{SVG}title").get("id") for s in charts]
    assert len(ids) == len(set(ids))  # each chart names itself, not another
    # No chart script, no CDN: everything is server-rendered; the only script is the site's menu (site.js).
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/randwijzer/site.js" defer>']
    assert "cdn" not in html.lower()
