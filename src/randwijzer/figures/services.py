"""The catalogue's figures (Figure, FigurePoint) as charts, and the figures grouped by funding line."""
from __future__ import annotations

from django.db.models import Prefetch

from randwijzer.catalogue.models import Figure, FigureUnit, FundingLine
from randwijzer.catalogue.presenters import figure_value
from randwijzer.text.dutch import join_nl

from .charts import Bar, BarChart, render_bar_chart

UNIT_WORDS = {FigureUnit.EUR: ("bedrag in euro", "bedragen in euro"), FigureUnit.COUNT: ("aantal", "aantallen")}


def chart_id(figure: Figure) -> str:
    return f"grafiek-{figure.pk}"


def describe(figure: Figure, points) -> str:
    """A Dutch summary of the data, for the chart's <desc>: what a sighted reader takes from the bars."""
    one, many = UNIT_WORDS.get(figure.unit, ("waarde", "waarden"))
    if not points:
        return "Staafdiagram zonder gegevens."
    values = "; ".join(f"{p.label}: {figure_value(p, figure.unit)}" for p in points)
    text = f"Staafdiagram met {len(points)} {one if len(points) == 1 else many}. {values}."
    if len(points) > 1 and not any(p.at_least for p in points):
        top = max(p.value for p in points)
        highest = [p.label for p in points if p.value == top]
        text += f" Het hoogst: {join_nl(highest)} ({figure_value(next(p for p in points if p.value == top), figure.unit)})."
    if any(p.at_least for p in points):
        text += " Waar ‘meer dan’ staat, noemt de bron alleen een ondergrens."
    for point in points:
        if point.computed:
            text += f" {point.label}: berekend ({point.computed}), niet zo in de bron."
    return text


def chart_for_figure(figure: Figure) -> BarChart:
    points = list(figure.points.all())
    # A value worked out by the editors is labelled so on its bar: the source does not print it.
    bars = tuple(Bar(f"{p.label} (berekend)" if p.computed else p.label, p.value, figure_value(p, figure.unit)) for p in points)
    return BarChart(chart_id(figure), figure.title, describe(figure, points), bars)


def figure_svg(figure: Figure) -> str:
    return render_bar_chart(chart_for_figure(figure))


def lines_with_figures() -> list[FundingLine]:
    """Every funding line that has figures, with its figures, points and sources, by title."""
    figures = Figure.objects.prefetch_related("points").order_by("position")
    return list(
        FundingLine.objects.filter(figures__isnull=False).distinct().order_by("title")
        .prefetch_related(Prefetch("figures", queryset=figures), "sources")
    )
