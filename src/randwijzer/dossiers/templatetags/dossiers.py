from django import template

from randwijzer.dossiers.values import display, format_amount

register = template.Library()


@register.filter
def amount(value):
    """'€ 1.500,50'."""
    return format_amount(value)


@register.filter
def shown(value, field: str):
    """A dossier field as a person reads it ('(leeg)' when empty)."""
    return display(field, value)
