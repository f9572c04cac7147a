"""Graphs to Turtle or JSON-LD, by rdflib (no hand-written serialiser)."""
from __future__ import annotations

from rdflib import Graph

from .vocab import PREFIXES

FORMATS = {"ttl": ("text/turtle", "turtle"), "jsonld": ("application/ld+json", "json-ld")}
MEDIA_TYPES = [media for media, _ in FORMATS.values()]
BY_MEDIA_TYPE = {media: suffix for suffix, (media, _) in FORMATS.items()}


def serialise(graph: Graph, suffix: str) -> tuple[bytes, str]:
    media, name = FORMATS[suffix]
    if name == "json-ld":
        context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
        text = graph.serialize(format=name, context=context, auto_compact=True, indent=1)
    else:
        text = graph.serialize(format=name)
    return text.encode("utf-8"), f"{media}; charset=utf-8"
