"""A small server-rendered SVG step chart (no JavaScript): amounts over time.

The page shows the same numbers in a table beside the chart; the SVG carries a <title> and
a <desc> that says in words what it shows.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from randwijzer.text.dutch import format_date_nl, format_euro

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 100, 20, 20, 60


@dataclass
class Series:
    name: str
    points: list[tuple[dt.date, int]]
    color: str
    dashed: bool = False


def _nice_step(top: int) -> int:
    raw = max(top, 1) / 5
    magnitude = 10 ** (len(str(int(raw))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= raw:
            return int(factor * magnitude)
    return int(10 * magnitude)


def step_chart(title: str, description: str, series: list[Series], end: dt.date, chart_id: str = "grafiek") -> SafeString:
    """Each series as a step line from its first date to `end`; values are whole euros."""
    dates = [d for s in series for d, _ in s.points] + [end]
    first, last = min(dates), max(dates)
    span = max((last - first).days, 1)
    top = max([v for s in series for _, v in s.points] + [1])
    step = _nice_step(top)
    y_max = step * -(-top // step)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: dt.date) -> float:
        return round(LEFT + plot_w * (day - first).days / span, 1)

    def y(value: int) -> float:
        return round(TOP + plot_h * (1 - value / y_max), 1)

    parts = [format_html('<svg class="wies-chart-svg" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-titel {}-uitleg" '
                         'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12">',
                         WIDTH, HEIGHT, chart_id, chart_id),
             format_html('<title id="{}-titel">{}</title>', chart_id, title),
             format_html('<desc id="{}-uitleg">{}</desc>', chart_id, description)]
    value = 0
    while value <= y_max:
        parts.append(format_html('<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#ccc" stroke-width="1"/>',
                                 LEFT, WIDTH - RIGHT, y(value), y(value)))
        parts.append(format_html('<text x="{}" y="{}" text-anchor="end" fill="#333">{}</text>',
                                 LEFT - 6, y(value) + 4, format_euro(value)))
        value += step
    # The first and last day in full; 1 January of the years between, where there is room.
    ticks = [(first, first.strftime("%d-%m-%Y"), "start"), (last, last.strftime("%d-%m-%Y"), "end")]
    for year in range(first.year + 1, last.year + 1):
        day = dt.date(year, 1, 1)
        if x(day) - x(first) > 90 and x(last) - x(day) > 90:
            ticks.append((day, str(year), "middle"))
    for day, label, anchor in ticks:
        parts.append(format_html('<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#333" stroke-width="1"/>',
                                 x(day), x(day), HEIGHT - BOTTOM, HEIGHT - BOTTOM + 5))
        parts.append(format_html('<text x="{}" y="{}" text-anchor="{}" fill="#333">{}</text>',
                                 x(day), HEIGHT - BOTTOM + 18, anchor, label))
    for index, s in enumerate(series):
        if not s.points:
            continue
        d = [f"M{x(s.points[0][0])} {y(s.points[0][1])}"]
        for day, amount in s.points[1:]:
            d.append(f"H{x(day)} V{y(amount)}")
        d.append(f"H{x(end)}")
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        parts.append(format_html('<path d="{}" fill="none" stroke="{}" stroke-width="3"{}/>', " ".join(d), s.color, mark_safe(dash)))
        legend_x = LEFT + index * 220
        parts.append(format_html('<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="3"{}/>',
                                 legend_x, legend_x + 24, HEIGHT - 14, HEIGHT - 14, s.color, mark_safe(dash)))
        parts.append(format_html('<text x="{}" y="{}" fill="#333">{}</text>', legend_x + 30, HEIGHT - 10, s.name))
    parts.append("</svg>")
    return mark_safe("".join(str(p) for p in parts))


def describe_series(series: Series, end: dt.date) -> str:
    if not series.points:
        return f"{series.name}: geen gegevens."
    start, finish = series.points[0], series.points[-1]
    return (f"{series.name}: {format_euro(start[1])} op {format_date_nl(start[0])}, "
            f"{format_euro(finish[1])} op {format_date_nl(max(finish[0], end))}.")

