"""The official schemas and shapes (tests/standards/, copied with their source) and the published
documents, each fetched and validated once per module: pyshacl is slow."""
from __future__ import annotations

import collections
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker
from pyshacl import validate
from rdflib import Graph
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

STANDARDS = Path(__file__).resolve().parent.parent / "standards"
SHAPES = {
    "oslo": STANDARDS / "oslo" / "besluit-subsidie-ap-SHACL.ttl",
    "cpsv": STANDARDS / "cpsv-ap" / "cpsv-ap-SHACL.ttl",
    "dcat": STANDARDS / "dcat-ap" / "dcat-ap-SHACL.ttl",
}

RESULTS = """PREFIX sh: <http://www.w3.org/ns/shacl#>
SELECT ?focus ?path ?component WHERE {
  ?result a sh:ValidationResult; sh:focusNode ?focus; sh:sourceConstraintComponent ?component .
  OPTIONAL { ?result sh:resultPath ?path } }"""


def opportunity_validator(schema: str = "OpportunityBase.yaml") -> Draft202012Validator:
    schemas = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (STANDARDS / "commongrants" / "yaml").glob("*.yaml")]
    registry = Registry().with_resources(
        (s["$id"], Resource.from_contents(s, default_specification=DRAFT202012)) for s in schemas)
    return Draft202012Validator(registry.contents(schema), registry=registry, format_checker=FormatChecker())


def shacl(data: Graph, standard: str):
    """(conforms, [(focus node, path, constraint component)]) for one document."""
    conforms, report, _ = validate(data, shacl_graph=Graph().parse(SHAPES[standard]), inference="none")
    results = [(str(f), str(p) if p is not None else "", str(c).rsplit("#", 1)[-1]) for f, p, c in report.query(RESULTS)]
    return conforms, results


def short(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def missing_by_record(results, prefix: str) -> dict[str, list[str]]:
    """Missing values per record id: the first path segment after `prefix` in the focus IRI."""
    found = collections.defaultdict(set)
    for focus, path, _ in results:
        record = focus.removeprefix(prefix).split("/")[0]
        kind = focus.removeprefix(prefix + record).strip("/") or "record"  # e.g. "dienst/3"
        found[record].add(f"{kind}: {short(path)}")
    return {record: sorted(items) for record, items in sorted(found.items())}


@pytest.fixture(scope="module")
def client_module(django_db_setup, django_db_blocker):
    from django.test import Client
    with django_db_blocker.unblock():
        yield Client()
