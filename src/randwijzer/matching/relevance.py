"""How well a catalogue text fits a project description, in Dutch.

Three Dutch-specific steps on top of snowball stemming:
- compound words are split into known parts (taalcafé -> taal + cafe, dorpsfeest -> dorp + feest);
- a reviewed thesaurus (data/matching/thesaurus.yaml) adds related terms, also from French
  and English words, to the query;
- an inverted index with BM25-style saturation and idf scores only the documents that share
  a term with the query, so the cost grows with matches, not with the catalogue.
"""
from __future__ import annotations

import math
from array import array
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml
from django.conf import settings
from pydantic import BaseModel, ConfigDict

from randwijzer.text.analysis import stem, tokens

from .weights import COMPOUND_PART_WEIGHT, SATURATION, THESAURUS_WEIGHT

MIN_PART = 3
LINKERS = ("", "s", "e", "en")


class ThesaurusGroup(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    terms: list[str]
    fr: list[str] = []
    en: list[str] = []


class ThesaurusFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    parts: list[str] = []
    groups: list[ThesaurusGroup]


def thesaurus_path() -> Path:
    return settings.PROJECT_DIR / "data" / "matching" / "thesaurus.yaml"


@lru_cache(maxsize=4)
def load_thesaurus(path: Path | None = None) -> ThesaurusFile:
    with (path or thesaurus_path()).open(encoding="utf-8") as handle:
        return ThesaurusFile.model_validate(yaml.safe_load(handle))


@dataclass
class Lexicon:
    """Known words and stems, used to recognise the parts of a compound word."""

    words: set[str]
    _splits: dict = field(default_factory=dict, repr=False)

    def knows(self, part: str) -> bool:
        return len(part) >= MIN_PART and (part in self.words or stem(part) in self.words)

    def split(self, token: str) -> list[str]:
        """The two known parts of a compound (with an optional linking s/e/en), or []."""
        if token not in self._splits:
            if len(self._splits) > 500_000:  # queries add words too: keep the memo bounded
                self._splits.clear()
            self._splits[token] = self._split(token)
        return self._splits[token]

    def _split(self, token: str) -> list[str]:
        if len(token) < 2 * MIN_PART + 1:
            return []
        for cut in range(len(token) - MIN_PART, MIN_PART - 1, -1):
            head, tail = token[:cut], token[cut:]
            if not self.knows(tail):
                continue
            for linker in LINKERS:
                if linker and not head.endswith(linker):
                    continue
                base = head[: len(head) - len(linker)] if linker else head
                if self.knows(base):
                    return [base, tail]
        return []


def build_lexicon(texts, thesaurus: ThesaurusFile) -> Lexicon:
    words: set[str] = set()
    for text in texts:
        words.update(tokens(text))
    for group in thesaurus.groups:
        for term in group.terms:
            words.update(tokens(term))
    for part in thesaurus.parts:
        words.update(tokens(part))
    return Lexicon(words | {stem(w) for w in words})


def analyze(text: str, lexicon: Lexicon) -> Counter:
    """Stems of a text with weights: whole words 1, parts of compounds less."""
    bag: Counter = Counter()
    for token in tokens(text):
        bag[stem(token)] += 1.0
        for part in lexicon.split(token):
            bag[stem(part)] += COMPOUND_PART_WEIGHT
    return bag


class Expander:
    """Adds the thesaurus neighbours of the query's terms."""

    def __init__(self, thesaurus: ThesaurusFile, lexicon: Lexicon):
        self.groups: list[tuple[list[frozenset], set[str]]] = []
        for group in thesaurus.groups:
            phrases = [frozenset(analyze(t, lexicon)) for t in [*group.terms, *group.fr, *group.en]]
            phrases = [p for p in phrases if p]
            # Whole words only: the parts of a neighbour ('taal' of 'taalgebruik') would drag in
            # every line that shares a part with it.
            expansion = {stem(token) for t in group.terms for token in tokens(t)}
            self.groups.append((phrases, expansion))

    def expand(self, query: Counter) -> Counter:
        present = set(query)
        extra: Counter = Counter()
        for phrases, expansion in self.groups:
            if any(phrase <= present for phrase in phrases):
                for s in expansion - present:
                    extra[s] = max(extra[s], THESAURUS_WEIGHT)
        return query + extra


class TextIndex:
    """An inverted index over documents made of weighted fields.

    While building, each term's postings go into its own compact arrays (8 bytes an entry):
    documents are added in order, so every term's list is already sorted and `freeze` only
    copies them, term by term, into one pair of numpy arrays (no sort, no global temporary
    copies: the peak stays near the postings' own size). Terms found in a quarter of the
    documents or more become dense columns: adding a whole column is cheaper than scattering
    into it.
    """

    DENSE_SHARE = 0.25

    def __init__(self, lexicon: Lexicon, full_words: float | None = None):
        self.lexicon = lexicon
        # With full_words (the funding lines: written pages beside the feeds' one-line offers), a short
        # text's silence about a word says little about how rare it is: for the idf a document counts
        # (its words / full_words)², up to 1. Without it, every document counts 1 (partners, services:
        # all written alike). See docs/matching.md, idf_full_words.
        self.full_words = full_words
        self._doc_weights = array("f")
        self.mass = 0.0  # the documents as counted for the idf
        self.term_ids: dict[str, int] = {}
        self._postings: list[tuple[array, array] | None] = []  # per term id: (documents, values)
        self.sparse: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.dense: dict[str, np.ndarray] = {}
        self.df: dict[str, float] = {}
        self.size = 0

    def add(self, doc: int, fields: dict[str, str], weights: dict[str, float]) -> None:
        evidence: Counter = Counter()
        words = 0.0
        for name, text in fields.items():
            for s, tf in analyze(text, self.lexicon).items():
                evidence[s] += weights[name] * tf * (SATURATION + 1) / (tf + SATURATION)
                words += tf
        weight = 1.0 if self.full_words is None else min(1.0, words / self.full_words) ** 2
        self._doc_weights.append(weight)
        self.mass += weight
        for s, value in evidence.items():
            term = self.term_ids.setdefault(s, len(self.term_ids))
            if term == len(self._postings):
                self._postings.append((array("I"), array("f")))
            docs, values = self._postings[term]
            docs.append(doc)
            values.append(value)
        self.size += 1

    def freeze(self) -> TextIndex:
        dense_from = self.DENSE_SHARE * self.size
        sparse_total = sum(len(docs) for docs, _ in self._postings if len(docs) < dense_from)
        # Sparse postings are views into these two arrays: no array object per term.
        self._sorted_docs = np.empty(sparse_total, dtype=np.uint32)
        self._sorted_values = np.empty(sparse_total, dtype=np.float32)
        at = 0
        doc_weights = np.frombuffer(self._doc_weights, dtype=np.float32)
        for s, term in self.term_ids.items():
            docs, values = (np.frombuffer(x, dtype=t) for x, t in zip(self._postings[term], (np.uint32, np.float32)))
            self.df[s] = float(doc_weights[docs].sum())  # weighted: see __init__
            if len(docs) >= dense_from:
                column = np.zeros(self.size, dtype=np.float32)
                column[docs] = values
                self.dense[s] = column
            else:
                end = at + len(docs)
                self._sorted_docs[at:end] = docs
                self._sorted_values[at:end] = values
                self.sparse[s] = (self._sorted_docs[at:end], self._sorted_values[at:end])
                at = end
            del docs, values
            self._postings[term] = None  # freed as we go: the peak is the postings once, not twice
        self._postings = []
        self._doc_weights = array("f")
        return self

    @property
    def nbytes(self) -> int:
        return self._sorted_docs.nbytes + self._sorted_values.nbytes + sum(c.nbytes for c in self.dense.values())

    def idf(self, s: str) -> float:
        df = self.df.get(s, 0)
        return math.log(1 + (self.mass - df + 0.5) / (df + 0.5))

    def score_array(self, query: Counter) -> np.ndarray:
        """Per document: evidence for the query's terms, normalised by the weight of the words typed.

        Thesaurus neighbours add evidence but not weight: a word with many neighbours must not
        dilute the score of a text that uses it (unless the text has nothing but neighbours).
        """
        totals = np.zeros(self.size, dtype=np.float32)
        mass = typed = 0.0
        for s, weight in query.items():
            factor = min(weight, 1.0) * self.idf(s)
            mass += factor
            typed += factor if weight > THESAURUS_WEIGHT else 0.0
            if s in self.dense:
                totals += np.float32(factor) * self.dense[s]
            elif s in self.sparse:
                docs, values = self.sparse[s]
                totals[docs] += np.float32(factor) * values
        mass = typed or mass
        return totals / mass if mass else totals

    def term_counts(self, query: Counter, docs: np.ndarray) -> np.ndarray:
        """For the given documents: how many different terms of the query each contains."""
        counts = np.zeros(len(docs), dtype=np.int16)
        for s in query:
            if s in self.dense:
                counts += self.dense[s][docs] > 0
            elif s in self.sparse:
                postings = self.sparse[s][0]  # sorted document numbers
                at = np.minimum(np.searchsorted(postings, docs), len(postings) - 1)
                counts += postings[at] == docs
        return counts

    def scores(self, query: Counter) -> dict[int, float]:
        totals = self.score_array(query)
        return {int(doc): float(totals[doc]) for doc in np.flatnonzero(totals)}
