"""Fixtures derived from the official IPDC samples in tests/feeds/data (see its README).

Every text made here starts with a comment saying it is derived, and from what.
"""
from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).parent / "data"
PROJECT = Path(__file__).resolve().parents[2]
# The sample has no newline at its end: add one, so products can follow each other (N-Triples is by line).
CONCEPT = (DATA / "concept-from-ldes-stream.ttl").read_text(encoding="utf-8").rstrip("\n") + "\n"
INSTANCE = (DATA / "instance-published.ttl").read_text(encoding="utf-8")
SNAPSHOT_ID = "50fd7f03-276f-403e-ad39-152dba4e39be"
CONCEPT_ID = "705d401c-1a41-4802-a863-b22499f71b84"
CONCEPT_IRI = f"https://ipdc.tni-vlaanderen.be/id/concept/{CONCEPT_ID}"
TREE = "https://w3id.org/tree#"
LAU_ZEMST = "<http://data.europa.eu/nuts/code/BE24123064>"


def header(what: str) -> str:
    return f"# Derived fixture (not official data): {what}\n"


def local_government_concept(n: int = 0, title: str | None = None, spatial: bool = True) -> str:
    """The concept sample for local governments (audience Burger → LokaalBestuur), as product `n`."""
    text = CONCEPT.replace("Doelgroep/Burger", "Doelgroep/LokaalBestuur")
    text = rename(text, n)
    subject = f"<https://ipdc.tni-vlaanderen.be/id/conceptsnapshot/{snapshot_id(n)}>"
    if spatial:
        text += f"{subject} <http://purl.org/dc/terms/spatial> {LAU_ZEMST} .\n"
    if title is not None:
        text = re.sub(r'(dc/terms/title> )"Akte van Belgische nationaliteit - nl"@nl', rf'\1"{title}"@nl', text)
    return text


def citizen_concept(n: int = 0) -> str:
    """The concept sample as it is (for Burger and Onderneming), as product `n`."""
    return rename(CONCEPT, n)


def snapshot_id(n: int) -> str:
    return SNAPSHOT_ID if n == 0 else f"{n:08d}-0000-4000-8000-{n:012d}"


def concept_iri(n: int) -> str:
    return CONCEPT_IRI if n == 0 else f"https://ipdc.tni-vlaanderen.be/id/concept/{n:08d}-1111-4000-8000-{n:012d}"


def rename(text: str, n: int) -> str:
    """Product `n`: its own snapshot and concept IRIs and blank nodes, so products can share a page."""
    if n == 0:
        return text
    text = text.replace(SNAPSHOT_ID, snapshot_id(n)).replace(CONCEPT_IRI, concept_iri(n))
    text = re.sub(r"_:b(\d+)", rf"_:p{n}b\1", text)
    return text.replace('"Akte van Belgische nationaliteit - nl"@nl', f'"Akte van Belgische nationaliteit {n} - nl"@nl')


def page(products: list[str], next_pages: list[str] = (), what: str = "an LDES page") -> str:
    """Products on one TREE page, with a tree:relation to each next page (relative IRIs allowed)."""
    links = "".join(f"<> <{TREE}relation> _:rel{i} .\n_:rel{i} <{TREE}node> <{url}> .\n" for i, url in enumerate(next_pages))
    return header(what) + "".join(products) + links
