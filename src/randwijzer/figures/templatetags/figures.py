"""{% figure_chart figure %}: the figure as an accessible inline SVG bar chart."""
from django import template
from django.utils.safestring import mark_safe

from ..services import figure_svg

register = template.Library()


@register.simple_tag
def figure_chart(figure):
    # Every text in the SVG is escaped by the renderer.
    return mark_safe(figure_svg(figure))
