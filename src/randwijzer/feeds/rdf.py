"""Read RDF as the feeds send it: N-Triples, Turtle, JSON-LD or SPARQL `INSERT DATA` bodies.

Feeds are lenient about standards; we are too, where it is safe: invalid language tags with a
slash (`@nl/je`, sent by the live IPDC feed) are repaired to `@nl-je` before parsing, as lblod's
own consumers do. Anything rdflib still cannot read raises `FeedError` with a Dutch message that
names the document (and the line, when the parser says it).
"""
from __future__ import annotations

import re

from rdflib import Dataset, Graph
from rdflib.plugins.sparql.processor import prepareUpdate

FORMATS = {"nt": "nt", "ttl": "turtle", "jsonld": "json-ld", "json": "json-ld", "sparql": "sparql", "rq": "sparql"}
CONTENT_TYPES = {
    "application/n-triples": "nt", "text/turtle": "turtle", "application/ld+json": "json-ld",
    "application/json": "json-ld", "application/sparql-update": "sparql",
}
FORMAT_NAMES = {"nt": "N-Triples", "turtle": "Turtle", "json-ld": "JSON-LD", "sparql": "SPARQL INSERT DATA"}

# "…"@nl/je → "…"@nl-je ; "@language": "nl/u" → "nl-u"
_SLASH_TAG = re.compile(r'(")@([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)/([A-Za-z0-9]+)')
_SLASH_JSON_TAG = re.compile(r'("@language"\s*:\s*"[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)/([A-Za-z0-9]+")')


class FeedError(Exception):
    """A document, page or record that cannot be read; the message is Dutch and names it."""


def guess_format(name: str, text: str, content_type: str = "") -> str:
    kind = CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())
    if kind:
        return kind
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
    if suffix in FORMATS:
        return FORMATS[suffix]
    head = text.lstrip()[:2000]
    if head.startswith(("{", "[")):
        return "json-ld"
    if re.search(r"\bINSERT\s+DATA\b", head, re.IGNORECASE):
        return "sparql"
    return "turtle"


def repair_language_tags(text: str) -> str:
    return _SLASH_JSON_TAG.sub(lambda m: m.group(1) + "-" + m.group(2), _SLASH_TAG.sub(r"\1@\2-\3", text))


def parse(text: str, name: str, kind: str | None = None, base: str | None = None) -> Graph:
    """One graph from one document; FeedError (Dutch, naming `name`) when it is not valid RDF."""
    kind = kind or guess_format(name, text)
    text = repair_language_tags(text)
    try:
        if kind == "sparql":
            return _from_insert_data(text, name)
        # N-Triples into SimpleMemory: the same triple patterns, a third less time to fill than the
        # default store (the JSON-LD parser needs the default one).
        graph = Graph(store="SimpleMemory" if kind == "nt" else "default")
        graph.parse(data=text, format=kind, publicID=base or name)
        return graph
    except FeedError:
        raise
    except Exception as exc:  # rdflib raises many kinds (BadSyntax, ParserError, JSON errors, ...)
        raise FeedError(f"{name}: geen geldige {FORMAT_NAMES.get(kind, kind)}{_where(exc)}; er is niets ingelezen.") from None


def _from_insert_data(text: str, name: str) -> Graph:
    """The triples of every `INSERT DATA { GRAPH … { … } }` block, in one graph; any other operation is refused.

    The body is parsed first and only run when every operation in it is INSERT DATA: a LOAD, DELETE,
    CLEAR or INSERT … WHERE would read files or change a store, which a feed never may."""
    update = prepareUpdate(text)  # a syntax error is reported by parse() as invalid SPARQL
    others = sorted({op.name for op in update.algebra if op.name != "InsertData"})
    if others or not update.algebra:
        found = ", ".join(_OPERATION_WORDS.get(o, o) for o in others) or "geen enkele opdracht"
        raise FeedError(f"{name}: alleen INSERT DATA wordt ingelezen, maar het bestand bevat {found}; er is niets ingelezen.")
    store = Dataset()
    store.update(update)
    graph = Graph()
    for subject, predicate, obj, _ in store.quads((None, None, None, None)):
        graph.add((subject, predicate, obj))
    return graph


_OPERATION_WORDS = {"Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD", "Move": "MOVE",
                    "Copy": "COPY", "DeleteData": "DELETE DATA", "DeleteWhere": "DELETE WHERE", "Modify": "DELETE/INSERT … WHERE"}


def _where(exc: Exception) -> str:
    words = str(exc)
    line = re.search(r"line[: ]+(\d+)", words, re.IGNORECASE)
    return f" (regel {line.group(1)})" if line else ""

