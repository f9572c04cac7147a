"""Measure the matcher on written cases, beside a plain BM25 keyword baseline.

`make eval` prints the table; tests/matching/test_evaluation.py holds the targets.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict
from rank_bm25 import BM25Okapi

from randwijzer.catalogue import models as m
from randwijzer.catalogue.search import funding_fields, partner_fields
from randwijzer.text.analysis import tokens

from .service import match_project

REFERENCE = dt.date(2026, 11, 26)


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    text: str
    municipality: str
    applicant_type: str
    date: dt.date = REFERENCE
    start: dt.date | None = None
    end: dt.date | None = None
    cost: int | None = None
    funding: list[str] = []
    eligible: list[str] = []
    partners: list[str] = []


class CasesFile(BaseModel):
    cases: list[Case]


@dataclass
class Score:
    recall_hits: int = 0
    recall_total: int = 0
    false_eligible: list[str] = field(default_factory=list)
    missed_eligible: list[str] = field(default_factory=list)
    partner_hits: int = 0
    partner_total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.recall_hits / self.recall_total if self.recall_total else 1.0

    @property
    def partner_hit_rate(self) -> float:
        return self.partner_hits / self.partner_total if self.partner_total else 1.0

    def add(self, case: Case, funding_top: list[str], partner_top: list[str]) -> None:
        found = [f for f in case.funding if f in funding_top[:3]]
        self.recall_hits += len(found)
        self.recall_total += len(case.funding)
        self.misses += [f"{case.id}: {f} niet in top 3 ({', '.join(funding_top[:3])})" for f in case.funding if f not in found]
        if case.partners:
            self.partner_total += 1
            if set(case.partners) & set(partner_top[:3]):
                self.partner_hits += 1
            else:
                self.misses.append(f"{case.id}: geen verwachte partner in top 3 ({', '.join(partner_top[:3])})")


def load_cases(path: Path) -> list[Case]:
    return CasesFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))).cases


def evaluate_matcher(cases: list[Case]) -> Score:
    score = Score()
    for case in cases:
        result = match_project(case.text, case.municipality, case.applicant_type, reference=case.date,
                               start=case.start, end=case.end, cost=case.cost)
        score.add(case, [f.id for f in result.funding], [p.id for p in result.partners])
        for f in result.funding:
            if f.eligibility == "eligible" and f.id not in case.eligible:
                score.false_eligible.append(f"{case.id}: {f.id}")
        judged = {f.id: f.eligibility for f in result.funding}
        score.missed_eligible += [f"{case.id}: {i} ({judged.get(i)})" for i in case.eligible if judged.get(i) != "eligible"]
    return score


class Baseline:
    """BM25 over the same catalogue texts: plain words, no stemming, no rules."""

    def __init__(self):
        lines = list(m.FundingLine.objects.with_details().order_by("id"))
        partners = list(m.Partner.objects.prefetch_related("themes", "services").order_by("id"))
        self.line_ids = [line.id for line in lines]
        self.partner_ids = [p.id for p in partners]
        self.lines = BM25Okapi([tokens(" ".join(funding_fields(line).values())) or ["-"] for line in lines])
        self.partners = BM25Okapi([tokens(" ".join(partner_fields(p).values())) or ["-"] for p in partners])

    @staticmethod
    def _rank(model: BM25Okapi, ids: list[str], query: list[str]) -> list[str]:
        scores = model.get_scores(query) if query else [0.0] * len(ids)
        return [i for _, i in sorted(zip(scores, ids), key=lambda p: (-p[0], p[1]))]

    def evaluate(self, cases: list[Case]) -> Score:
        score = Score()
        for case in cases:
            query = tokens(case.text)
            score.add(case, self._rank(self.lines, self.line_ids, query), self._rank(self.partners, self.partner_ids, query))
        return score


def report(path: Path) -> tuple[str, Score, Score]:
    cases = load_cases(path)
    ours, base = evaluate_matcher(cases), Baseline().evaluate(cases)
    rows = [
        ("", "Randwijzer", "BM25-basislijn"),
        ("gevallen", str(len(cases)), str(len(cases))),
        ("steun: recall in top 3", f"{ours.recall:.1%}", f"{base.recall:.1%}"),
        ("onterecht 'eligible'", str(len(ours.false_eligible)), "n.v.t. (geen regels)"),
        ("terecht 'eligible' gemist", str(len(ours.missed_eligible)), "n.v.t."),
        ("partners: hit@3", f"{ours.partner_hit_rate:.1%}", f"{base.partner_hit_rate:.1%}"),
    ]
    width = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = ["| " + " | ".join(c.ljust(width[i]) for i, c in enumerate(r)) + " |" for r in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in width) + "|")
    details = [*(f"onterecht eligible: {x}" for x in ours.false_eligible), *(f"gemist: {x}" for x in ours.misses),
               *(f"eligible gemist: {x}" for x in ours.missed_eligible)]
    return "\n".join(lines + ([""] + details if details else [])), ours, base
