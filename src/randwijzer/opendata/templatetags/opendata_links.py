"""`<link rel="alternate">` from a funding line's page to its open-data records."""
from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from randwijzer.opendata import identifiers

register = template.Library()


@register.simple_tag
def record_links(line):
    links = [
        ("text/turtle", reverse("opendata:subsidy", kwargs={"pk": line.pk, "suffix": "ttl"}), "OSLO Besluit Subsidies (Turtle)"),
        ("application/ld+json", reverse("opendata:subsidy", kwargs={"pk": line.pk, "suffix": "jsonld"}), "OSLO Besluit Subsidies (JSON-LD)"),
        ("application/json", reverse("opendata:opportunity", args=[identifiers.opportunity_id(line.pk)]), "CommonGrants"),
    ]
    return format_html_join("\n  ", '<link rel="alternate" type="{}" href="{}" title="{}">', links)
