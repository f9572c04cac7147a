"""Read RDF as the feeds send it: N-Triples, Turtle, JSON-LD or SPARQL `INSERT DATA` bodies.

Feeds are lenient about standards; we are too, where it is safe: invalid language tags with a
slash (`@nl/je`, sent by the live IPDC feed) are repaired to `@nl-je` before parsing, as lblod's
own consumers do. Anything the parser still cannot read raises `FeedError` with a Dutch message that
names the document (and the line, when the parser says it).

N-Triples and Turtle (every LDES page, the bundled Subsidiepunt snapshots) are read by pyoxigraph
into `Triples`, a read-only view with the three look-ups the mappings make; JSON-LD and SPARQL
INSERT DATA are read by rdflib into a `Graph`, which answers the same look-ups. Why two parsers:
filling an rdflib graph was a third of an IPDC import (0.42 s of CPU per LDES page of 50 products);
pyoxigraph reads and indexes the same page in 0.06 s (docs/feeds.md, round 4). The mappings still
get rdflib terms: `Triples` turns a term into one only when a mapping reads it (a page has some
6,000 triples; a mapping reads a few hundred).
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
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


# The formats pyoxigraph reads for us (see the module's docstring).
_OX_FORMATS = {"nt": ox.RdfFormat.N_TRIPLES, "turtle": ox.RdfFormat.TURTLE}


def parse(text: str, name: str, kind: str | None = None, base: str | None = None) -> Graph | Triples:
    """One document's triples; FeedError (Dutch, naming `name`) when it is not valid RDF."""
    kind = kind or guess_format(name, text)
    text = repair_language_tags(text)
    try:
        if kind == "sparql":
            return _from_insert_data(text, name)
        if kind in _OX_FORMATS:
            return Triples.read(text, _OX_FORMATS[kind], _absolute(base or name), name)
        graph = Graph()
        graph.parse(data=text, format=kind, publicID=base or name)
        return graph
    except FeedError:
        raise
    except Exception as exc:  # the parsers raise many kinds (SyntaxError, BadSyntax, ParserError, JSON errors, ...)
        raise FeedError(f"{name}: geen geldige {FORMAT_NAMES.get(kind, kind)}{_where(exc)}; er is niets ingelezen.") from None


class Triples:
    """The triples of one document, for look-ups by subject and predicate (and by predicate and object).

    Answers the look-ups the mappings make of an rdflib Graph (`objects`, `value`, `subjects`, `in`, `len`)
    as rdflib does (tests/feeds/test_rdf_view.py), with rdflib terms built from pyoxigraph's when read;
    a look-up by subject and predicate, or by predicate and IRI, is a dict look-up, others a scan.
    Lenient like rdflib where feeds need it: IPDC sends
    language tags with subtags over eight characters (`@nl-BE-x-generated-informal`); an IRI a mapping
    reads must still be one (FeedError naming the document otherwise)."""

    def __init__(self, name: str):
        self.name = name
        # Insertion-ordered sets (dicts without values): a triple stated twice is one triple, as in rdflib.
        self._objects: dict[tuple, dict] = defaultdict(dict)  # (subject, predicate) -> objects, pyoxigraph terms
        self._subjects: dict[tuple, dict] = defaultdict(dict)  # (predicate, IRI object) -> subjects
        self._rdflib: dict = {}  # pyoxigraph term -> rdflib term, and back
        self._ox: dict = {}
        self.count = 0

    @classmethod
    def read(cls, text: str, format: ox.RdfFormat, base: str, name: str) -> Triples:
        triples = cls(name)
        objects, subjects, iri = triples._objects, triples._subjects, ox.NamedNode
        for subject, predicate, obj, _ in ox.parse(text, format=format, base_iri=base, lenient=True):
            objects[(subject, predicate)][obj] = None
            if type(obj) is iri:
                subjects[(predicate, obj)][subject] = None
        triples.count = sum(len(found) for found in objects.values())
        return triples

    def __len__(self) -> int:
        return self.count

    def objects(self, subject=None, predicate=None):
        if subject is not None and predicate is not None:
            found = self._objects.get((self._ox_term(subject), self._ox_term(predicate)), ())
        else:  # a pattern with a wildcard: a scan (ldes.py asks every tree:relation of a page this way)
            s, p = self._ox_term(subject), self._ox_term(predicate)
            found = [o for (s2, p2), objs in self._objects.items()
                     if (subject is None or s2 == s) and (predicate is None or p2 == p) for o in objs]
        return [self._term(o) for o in found]

    def value(self, subject=None, predicate=None):
        found = self.objects(subject, predicate)
        return found[0] if found else None

    def subjects(self, predicate=None, object=None):
        if predicate is not None and isinstance(object, URIRef):  # the index holds IRI objects only
            found = self._subjects.get((self._ox_term(predicate), self._ox_term(object)), ())
        else:
            p, o = self._ox_term(predicate), self._ox_term(object)
            found = dict.fromkeys(s for (s, p2), objs in self._objects.items()
                                  if (predicate is None or p2 == p) and (object is None or o in objs))
        return [self._term(s) for s in found]

    def __contains__(self, triple) -> bool:
        subject, predicate, obj = triple
        return obj in self.objects(subject, predicate)

    def _term(self, term):
        known = self._rdflib.get(term)
        if known is None:
            if type(term) is ox.Triple:  # RDF 1.2 `<<( s p o )>>`: pyoxigraph reads it, rdflib and we do not
                raise FeedError(f"{self.name}: bevat een RDF 1.2-tripelterm (<<( … )>>); die lezen we niet. "
                                "Er is niets ingelezen.")
            if type(term) is ox.NamedNode and not _IRI.fullmatch(term.value):
                raise FeedError(f"{self.name}: <{term.value[:200]}> is geen geldig IRI; "
                                "er is niets ingelezen.")
            known = self._rdflib[term] = _rdflib_term(term)
            self._ox[known] = term
        return known

    def _ox_term(self, term):
        """The pyoxigraph term for an rdflib term: the one it was made from, or a new one (a vocabulary's IRI)."""
        known = self._ox.get(term)
        if known is None:
            if term is None:
                return None
            try:
                known = (ox.BlankNode(str(term)) if isinstance(term, BNode) else
                         _ox_literal(term) if isinstance(term, Literal) else ox.NamedNode(str(term)))
            except ValueError:
                return None  # not an IRI: nothing in this document has it
            self._ox[term] = known
        return known


# An absolute IRI without the characters RFC 3987 leaves out (what rdflib's own parser accepts).
_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|^`\\]*')
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:/")  # two letters at least: "c:\\feeds" is a Windows path


def _absolute(base: str) -> str:
    """pyoxigraph resolves relative IRIs against an absolute base only; a bare file name becomes its file: URI."""
    if _IRI.fullmatch(base):
        return base
    if _SCHEME.match(base):  # an address with a space or bracket in it: escaped, as a browser would
        return quote(base, safe=":/?#[]@!$&'()*+,;=%~")
    return Path(base).resolve().as_uri()


def _ox_literal(term: Literal):
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))) if term.datatype else ox.Literal(str(term))


def _rdflib_term(term):
    kind = type(term)
    if kind is ox.NamedNode:
        return URIRef(term.value)
    if kind is ox.BlankNode:
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value) if datatype == str(XSD.string) else Literal(term.value, datatype=URIRef(datatype))


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
    if isinstance(exc, SyntaxError) and exc.lineno:  # pyoxigraph's
        return f" (regel {exc.lineno})"
    words = str(exc)
    line = re.search(r"line[: ]+(\d+)", words, re.IGNORECASE)
    return f" (regel {line.group(1)})" if line else ""

