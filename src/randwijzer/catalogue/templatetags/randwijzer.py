"""Template filters and tags for the Dutch pages; the wording itself lives in presenters."""
from django import template

from .. import presenters

register = template.Library()


@register.filter
def euro(value):
    return presenters.format_euro(value)


@register.filter
def date_nl(value):
    return presenters.format_date_nl(value)


@register.filter
def number_nl(value):
    return presenters.format_number(value)


@register.filter
def figure_value(point, unit):
    return presenters.figure_value(point, unit)


@register.inclusion_tag("catalogue/includes/to_verify.html")
def to_verify(entry, *fields):
    """'Te verifiëren: <reason>' for the given fields of an entry, if the catalogue has doubts."""
    return {"reasons": [entry.to_verify[f] for f in fields if entry.to_verify.get(f)]}


@register.inclusion_tag("catalogue/includes/source_ref.html")
def source_ref(source):
    """A small 'bron' link to the entry's list of sources."""
    return {"source": source}


@register.inclusion_tag("catalogue/includes/source_ref.html")
def field_source(entry, field):
    return {"source": entry.source_for(field)}
