"""Tags of the printable part IV: many entries on one page, so source anchors carry the entry's id."""
from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def entry_source(entry, source):
    """'[bron 2]' linking to source 2 in the entry's own list of sources (numbered as printed)."""
    if source is None:
        return ""
    sources = list(entry.sources.all())
    number = sources.index(source) + 1 if source in sources else source.position + 1
    return format_html('<a class="source-ref" href="#{}-bron-{}">[bron {}]</a>', entry.pk, source.key, number)


@register.simple_tag
def entry_field_source(entry, field):
    return entry_source(entry, entry.source_for(field))
