"""Accessible bar charts as hand-written SVG: a pure function from data to markup.

Horizontal bars with the label on its own line above each bar, so long Dutch labels wrap
instead of being cut, and the chart reads on a phone. The SVG has a viewBox and no fixed
size: it scales with its column, and its text scales with it. Every text is escaped.
"""
from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass

VIEW_WIDTH = 360
PAD = 4
FONT = 15  # user units: about 14px on a phone, where the chart fills the screen width
LINE = 19  # height of one label line
BAR = 26
GAP_LABEL_BAR = 3
GAP_ROWS = 14
INSET = 7  # space between the end of a bar and its value
CHAR_WIDTH = 0.58  # average glyph width of a system sans serif, as a share of the font size
BAR_FILL = "#0b4f8a"  # the site's brand colour; white text on it has 8.3:1 contrast
TEXT_FILL = "#1d1d1b"
AXIS = "#4a4a48"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    text: str  # the value as a reader reads it: "€ 16.900.000", "meer dan € 14.000.000"


@dataclass(frozen=True)
class BarChart:
    id: str  # unique on the page: the SVG's title and desc get ids from it
    title: str
    description: str
    bars: tuple[Bar, ...]


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


def text_width(text: str, size: float = FONT) -> float:
    return len(text) * size * CHAR_WIDTH


def wrap_label(label: str, width: float = VIEW_WIDTH - 2 * PAD, size: float = FONT) -> list[str]:
    chars = max(8, int(width / (size * CHAR_WIDTH)))
    return textwrap.wrap(label, chars, break_long_words=True, break_on_hyphens=True) or [""]


def render_bar_chart(chart: BarChart) -> str:
    """The chart as an inline SVG element (a string of well-formed XML)."""
    top = max((bar.value for bar in chart.bars), default=0)
    span = VIEW_WIDTH - 2 * PAD
    parts: list[str] = []
    y = PAD
    for bar in chart.bars:
        parts.append('<g class="chart-bar">')
        for line in wrap_label(bar.label):
            y += LINE
            parts.append(f'<text x="{PAD + 4}" y="{y - 5}" font-size="{FONT}" fill="{TEXT_FILL}">{_e(line)}</text>')
        y += GAP_LABEL_BAR
        width = span * max(bar.value, 0) / top if top > 0 else 0.0
        if bar.value > 0:
            width = max(width, 2.0)  # a small value stays visible
        parts.append(f'<rect x="{PAD}" y="{y}" width="{width:.1f}" height="{BAR}" fill="{BAR_FILL}"/>')
        baseline = y + BAR / 2 + FONT * 0.35
        needed = text_width(bar.text)
        if width - 2 * INSET >= needed:  # inside the bar, white on blue
            x, anchor, fill = PAD + width - INSET, "end", "#ffffff"
        elif PAD + width + INSET + needed <= VIEW_WIDTH - PAD:  # after the bar
            x, anchor, fill = PAD + width + INSET, "start", TEXT_FILL
        else:  # against the right edge, clear of a short bar
            x, anchor, fill = VIEW_WIDTH - PAD, "end", TEXT_FILL
        parts.append(f'<text x="{x:.1f}" y="{baseline:.1f}" font-size="{FONT}" font-weight="bold" '
                     f'text-anchor="{anchor}" fill="{fill}">{_e(bar.text)}</text>')
        parts.append("</g>")
        y += BAR + GAP_ROWS
    height = max(y - GAP_ROWS + PAD, 2 * PAD)
    title_id, desc_id = f"{chart.id}-titel", f"{chart.id}-beschrijving"
    axis = f'<line x1="{PAD}" y1="{PAD}" x2="{PAD}" y2="{height - PAD}" stroke="{AXIS}" stroke-width="1"/>'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 {VIEW_WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{_e(title_id)} {_e(desc_id)}" '
        f'font-family="system-ui, -apple-system, \'Segoe UI\', Roboto, Arial, sans-serif">'
        f'<title id="{_e(title_id)}">{_e(chart.title)}</title>'
        f'<desc id="{_e(desc_id)}">{_e(chart.description)}</desc>'
        + "".join(parts) + axis + "</svg>"
    )
