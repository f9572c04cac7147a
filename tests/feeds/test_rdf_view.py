"""The pyoxigraph view (feeds/rdf.py `Triples`) answers every look-up as an rdflib Graph of the same document.

The mappings were written against rdflib; the view replaced it for N-Triples and Turtle (speed). Checked on
the official samples the project bundles: the IPDC concept and instance (tests/feeds/data) and the
Subsidiedatabank dump (data/feeds). Blank nodes have other labels in each parser; they are compared as "_".
"""
import pytest
from rdflib import BNode, Graph, URIRef

from randwijzer.feeds.rdf import parse
from tests.feeds.fixtures import DATA, PROJECT

DOCUMENTS = [(DATA / "concept-from-ldes-stream.ttl", "turtle"), (DATA / "instance-published.ttl", "turtle"),
             (PROJECT / "data" / "feeds" / "subsidiedatabank-aanbod.nt", "nt")]


def shown(terms) -> list:
    # Language tags are case-insensitive (RDF 1.1); pyoxigraph gives them in lower case, rdflib as written.
    return sorted((type(t).__name__, "_" if isinstance(t, BNode) else str(t), (getattr(t, "language", None) or "").lower(),
                   str(getattr(t, "datatype", None))) for t in terms)


@pytest.mark.parametrize("path, kind", DOCUMENTS, ids=lambda d: getattr(d, "name", d))
def test_the_view_answers_as_rdflib_does(path, kind):
    text = path.read_text(encoding="utf-8")
    base = path.as_uri()
    view, graph = parse(text, path.name, kind, base=base), Graph().parse(data=text, format=kind, publicID=base)
    assert type(view).__name__ == "Triples" and len(view) == len(graph) > 100
    subjects = {s for s in graph.subjects() if isinstance(s, URIRef)}
    predicates = set(graph.predicates())
    for subject in subjects:
        assert shown(view.objects(subject, None)) == shown(graph.objects(subject, None)), subject
        for predicate in predicates:
            assert shown(view.objects(subject, predicate)) == shown(graph.objects(subject, predicate)), (subject, predicate)
            assert (view.value(subject, predicate) is None) == (graph.value(subject, predicate) is None)
    for subject in subjects:  # blank-node objects, as handed out by the view, lead back to their subjects
        for predicate in predicates:
            for node in (o for o in view.objects(subject, predicate) if isinstance(o, BNode)):
                assert subject in view.subjects(predicate, node), (subject, predicate)
    for predicate in predicates:
        assert shown(view.objects(None, predicate)) == shown(graph.objects(None, predicate)), predicate
        for obj in {o for o in graph.objects(None, predicate) if not isinstance(o, BNode)}:
            assert shown(view.subjects(predicate, obj)) == shown(set(graph.subjects(predicate, obj))), (predicate, obj)
            found = next(iter(graph.subjects(predicate, obj)))
            if not isinstance(found, BNode):
                assert (found, predicate, obj) in view
