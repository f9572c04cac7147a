"""Measure the matcher on written cases, beside a plain BM25 keyword baseline.

Three sets (docs/matching.md, "Evaluation sets"):
- regression: eval/cases.yaml, written by the team that wrote the rules;
- tune and heldout: eval/cases-users.yaml, written apart from the matcher's code; held-out cases
  are never used for tuning and are reported on their own.

`make eval` (`randwijzer evaluate`) prints one table per set and the misses.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator
from rank_bm25 import BM25Okapi

from randwijzer.catalogue import models as m
from randwijzer.catalogue.search import funding_fields, partner_fields
from randwijzer.text.analysis import tokens

from .service import MatchInputError, match_project

REFERENCE = dt.date(2026, 11, 26)  # the regression cases' reference date; a file may set its own
SETS = ("regression", "tune", "heldout", "feeds")
# "feeds": cases for the lines the open-data feeds bring in (randwijzer.feeds), written like the regression set.
SET_FILES = {"regression": "cases.yaml", "tune": "cases-users.yaml", "heldout": "cases-users.yaml", "feeds": "cases-feeds.yaml"}
WHOLE_FILE_SETS = ("regression", "feeds")
SHOWN_GROUPS = ("fits", "check", "later")
UNDERSTOOD_FIELDS = ("municipality", "applicant_type", "start", "end", "cost")
FIELD_LABELS = {"municipality": "gemeente", "applicant_type": "type aanvrager", "start": "start",
                "end": "einde", "cost": "kostprijs"}


class CaseFileError(ValueError):
    """A case file that cannot be read; the message is Dutch and names the file."""


class Understood(BaseModel):
    """What the matcher must read from the fields or the text; only the keys a case is sure of."""

    model_config = ConfigDict(extra="forbid")
    municipality: str | None = None  # NIS code
    applicant_type: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    cost: int | None = None

    def expected(self) -> dict[str, object]:
        return {name: value for name in UNDERSTOOD_FIELDS if (value := getattr(self, name)) is not None}


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    split: Literal["tune", "heldout"] | None = None
    text: str
    municipality: str = ""
    applicant_type: str = ""
    date: dt.date | None = None  # filled from the file's reference date when left out
    start: dt.date | None = None
    end: dt.date | None = None
    cost: int | None = None
    funding: list[str] = []
    eligible: list[str] = []
    off_topic: list[str] = []
    partners: list[str] = []
    understood: Understood = Understood()
    recognised: bool = True

    @model_validator(mode="after")
    def _consistent(self):
        # A line cannot be both expected and off-topic: that would be a labelling slip.
        clash = set(self.off_topic) & (set(self.funding) | set(self.eligible))
        if clash:
            raise ValueError(f"{self.id}: {', '.join(sorted(clash))} staat zowel bij off_topic als bij funding/eligible")
        return self


class CasesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reference: dt.date = REFERENCE
    cases: list[Case]


def load_cases(path: Path) -> list[Case]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        parsed = CasesFile.model_validate(raw)
    except OSError as error:
        raise CaseFileError(f"{path}: kan het bestand niet lezen ({error.strerror}).") from error
    except yaml.YAMLError as error:
        raise CaseFileError(f"{path}: geen geldige YAML ({error}).") from error
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise CaseFileError(f"{path}: veld '{where}': {first['msg']}.") from error
    ids = [case.id for case in parsed.cases]
    if duplicates := sorted({i for i in ids if ids.count(i) > 1}):
        raise CaseFileError(f"{path}: dubbele id's: {', '.join(duplicates)}.")
    return [case if case.date else case.model_copy(update={"date": parsed.reference}) for case in parsed.cases]


def load_sets(directory: Path, names: tuple[str, ...] = SETS) -> dict[str, list[Case]]:
    """The named sets: regression is the whole of cases.yaml, tune and heldout split cases-users.yaml."""
    loaded: dict[str, list[Case]] = {}
    sets: dict[str, list[Case]] = {}
    for name in names:
        file = SET_FILES[name]
        if name == "feeds" and not (directory / file).exists():
            continue  # an evaluation folder without feed cases (the feeds set is optional)
        if file not in loaded:
            loaded[file] = load_cases(directory / file)
            if name not in WHOLE_FILE_SETS:
                if missing := [case.id for case in loaded[file] if case.split is None]:
                    raise CaseFileError(f"{directory / file}: veld 'split' ontbreekt bij {', '.join(missing)}.")
        sets[name] = loaded[file] if name in WHOLE_FILE_SETS else [c for c in loaded[file] if c.split == name]
    return sets


@dataclass
class Score:
    cases: int = 0
    recall_hits: int = 0
    recall_total: int = 0
    false_eligible: list[str] = field(default_factory=list)
    missed_eligible: list[str] = field(default_factory=list)
    partner_hits: int = 0
    partner_total: int = 0
    shown_total: int = 0
    shown_off_topic: list[str] = field(default_factory=list)
    cases_with_off_topic: int = 0
    off_topic_labelled: bool = False  # whether any case of the set lists off-topic lines
    understood: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in UNDERSTOOD_FIELDS})
    recognised_correct: int = 0
    recognised_total: int = 0
    refused: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.recall_hits / self.recall_total if self.recall_total else 1.0

    @property
    def partner_hit_rate(self) -> float:
        return self.partner_hits / self.partner_total if self.partner_total else 1.0

    @property
    def off_topic_precision(self) -> float:
        """Of the lines shown in fits/check/later, the share the case does not call off-topic."""
        return 1 - len(self.shown_off_topic) / self.shown_total if self.shown_total else 1.0

    def as_dict(self) -> dict:
        return {
            "cases": self.cases,
            "recall_top3": self.recall, "recall_hits": self.recall_hits, "recall_total": self.recall_total,
            "false_eligible": self.false_eligible, "missed_eligible": self.missed_eligible,
            "partner_hit_at_3": self.partner_hit_rate, "partner_hits": self.partner_hits,
            "partner_total": self.partner_total,
            "off_topic_precision": self.off_topic_precision if self.off_topic_labelled else None,
            "shown_total": self.shown_total, "shown_off_topic": self.shown_off_topic,
            "cases_with_off_topic_shown": self.cases_with_off_topic,
            "understood": {name: {"correct": c, "expected": e} for name, (c, e) in self.understood.items()},
            "text_recognised": {"correct": self.recognised_correct, "total": self.recognised_total},
            "refused": self.refused, "misses": self.misses,
        }


def group_of(item) -> str:
    # Results from before the grouped interface carry no group: they showed every line, in order.
    return getattr(item, "group", None) or "fits"


def shown_lines(funding) -> list:
    return [item for item in funding if group_of(item) in SHOWN_GROUPS]


def read_value(understood, name: str):
    """One understood field as the case labels it: the municipality by its NIS code."""
    value = getattr(understood, name, None) if understood is not None else None
    if name == "municipality" and value is not None:
        return getattr(value, "nis_code", None)
    return value


def score_case(score: Score, case: Case, result, *, with_rules: bool = True) -> None:
    """Add one case's result to the score. Without rules (the baseline) only ranking is judged."""
    score.cases += 1
    shown = shown_lines(result.funding)
    top = [item.id for item in shown[:3]]
    found = [f for f in case.funding if f in top]
    score.recall_hits += len(found)
    score.recall_total += len(case.funding)
    score.misses += [f"{case.id}: {f} niet in top 3 ({', '.join(top) or 'niets getoond'})"
                     for f in case.funding if f not in found]

    if case.off_topic:
        score.off_topic_labelled = True
    score.shown_total += len(shown)
    wrong = [f"{case.id}: {item.id} ({group_of(item)})" for item in shown if item.id in case.off_topic]
    score.shown_off_topic += wrong
    if wrong:
        score.cases_with_off_topic += 1
        score.misses += [f"off-topic getoond: {w}" for w in wrong]

    partner_top = [p.id for p in result.partners[:3]]
    if case.partners:
        score.partner_total += 1
        if set(case.partners) & set(partner_top):
            score.partner_hits += 1
        else:
            score.misses.append(f"{case.id}: geen verwachte partner in top 3 ({', '.join(partner_top) or 'geen'})")

    if not with_rules:
        return
    for item in result.funding:
        if item.eligibility == "eligible" and item.id not in case.eligible:
            score.false_eligible.append(f"{case.id}: {item.id}")
    judged = {item.id: item.eligibility for item in result.funding}
    score.missed_eligible += [f"{case.id}: {i} ({judged.get(i) or 'niet beoordeeld'})"
                              for i in case.eligible if judged.get(i) != "eligible"]

    understood = getattr(result, "understood", None)
    for name, expected in case.understood.expected().items():
        actual = read_value(understood, name)
        score.understood[name][1] += 1
        if actual == expected:
            score.understood[name][0] += 1
        else:
            score.misses.append(f"{case.id}: {FIELD_LABELS[name]} gelezen als {_show(actual)}, verwacht {_show(expected)}")

    recognised = getattr(result, "text_recognised", None)
    score.recognised_total += 1
    if recognised == case.recognised:
        score.recognised_correct += 1
    else:
        score.misses.append(f"{case.id}: tekst herkend = {_show(recognised)}, verwacht {case.recognised}")


def _show(value) -> str:
    return "niets" if value is None else str(value)


EMPTY_RESULT = SimpleNamespace(funding=[], partners=[], understood=None, text_recognised=None)


def evaluate_matcher(cases: list[Case]) -> Score:
    score = Score()
    for case in cases:
        try:
            result = match_project(case.text, case.municipality or None, case.applicant_type or None,
                                   reference=case.date, start=case.start, end=case.end, cost=case.cost)
        except MatchInputError as error:
            # A refusal is a result too: the user sees a message instead of lines; every expectation misses.
            score.refused.append(f"{case.id}: {error}")
            result = EMPTY_RESULT
        score_case(score, case, result)
    return score


class Baseline:
    """BM25 over the same catalogue texts: plain words, no stemming, no rules.

    It 'shows' every line and partner with a positive score, best first.
    """

    def __init__(self):
        lines = list(m.FundingLine.objects.with_details().order_by("id"))
        partners = list(m.Partner.objects.prefetch_related("themes", "services").order_by("id"))
        if not lines or not partners:
            raise CaseFileError("De catalogus is leeg: laad hem eerst met `randwijzer load`.")
        self.line_ids = [line.id for line in lines]
        self.partner_ids = [p.id for p in partners]
        self.lines = BM25Okapi([tokens(" ".join(funding_fields(line).values())) or ["-"] for line in lines])
        self.partners = BM25Okapi([tokens(" ".join(partner_fields(p).values())) or ["-"] for p in partners])

    @staticmethod
    def _ranked(model: BM25Okapi, ids: list[str], query: list[str]) -> list[SimpleNamespace]:
        scores = model.get_scores(query) if query else [0.0] * len(ids)
        ranked = sorted(zip(scores, ids), key=lambda p: (-p[0], p[1]))
        return [SimpleNamespace(id=i, eligibility=None, group="fits" if s > 0 else "off_topic") for s, i in ranked]

    def result(self, case: Case) -> SimpleNamespace:
        query = tokens(case.text)
        partners = [p for p in self._ranked(self.partners, self.partner_ids, query) if p.group == "fits"]
        return SimpleNamespace(funding=self._ranked(self.lines, self.line_ids, query), partners=partners)

    def evaluate(self, cases: list[Case]) -> Score:
        score = Score()
        for case in cases:
            score_case(score, case, self.result(case), with_rules=False)
        return score


SET_TITLES = {
    "regression": "Regressie (eval/cases.yaml, geschreven door het team van de regels)",
    "tune": "Afstemmen (eval/cases-users.yaml, split: tune)",
    "heldout": "Held-out (eval/cases-users.yaml, split: heldout; nooit gebruikt om af te stemmen)",
    "feeds": "Ingelezen steunmaatregelen (eval/cases-feeds.yaml, geschreven door het team van de feeds)",
}


def _pct(value: float) -> str:
    return f"{value:.1%}"


def _fraction(correct: int, total: int) -> str:
    return f"{correct}/{total}" if total else "n.v.t."


def table(ours: Score, base: Score) -> str:
    labelled = ours.off_topic_labelled
    rows = [
        ("", "Randwijzer", "BM25-basislijn"),
        ("gevallen", str(ours.cases), str(base.cases)),
        ("steun: recall in top 3", _pct(ours.recall), _pct(base.recall)),
        ("onterecht 'eligible'", str(len(ours.false_eligible)), "n.v.t. (geen regels)"),
        ("terecht 'eligible' gemist", str(len(ours.missed_eligible)), "n.v.t."),
        ("partners: hit@3", _pct(ours.partner_hit_rate), _pct(base.partner_hit_rate)),
        ("getoond en niet off-topic",
         f"{_pct(ours.off_topic_precision)} ({ours.shown_total - len(ours.shown_off_topic)}/{ours.shown_total})"
         if labelled else "n.v.t. (geen off_topic)",
         f"{_pct(base.off_topic_precision)} ({base.shown_total - len(base.shown_off_topic)}/{base.shown_total})"
         if labelled else "n.v.t."),
        ("gevallen met off-topic getoond", str(ours.cases_with_off_topic) if labelled else "n.v.t.",
         str(base.cases_with_off_topic) if labelled else "n.v.t."),
        *((f"gelezen: {FIELD_LABELS[name]}", _fraction(*ours.understood[name]), "n.v.t.") for name in UNDERSTOOD_FIELDS),
        ("tekst herkend: juist", _fraction(ours.recognised_correct, ours.recognised_total), "n.v.t."),
        ("invoer geweigerd", str(len(ours.refused)), "n.v.t."),
    ]
    width = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = ["| " + " | ".join(c.ljust(width[i]) for i, c in enumerate(r)) + " |" for r in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in width) + "|")
    return "\n".join(lines)


def details(ours: Score) -> list[str]:
    return [*(f"- invoer geweigerd: {x}" for x in ours.refused),
            *(f"- onterecht eligible: {x}" for x in ours.false_eligible),
            *(f"- eligible gemist: {x}" for x in ours.missed_eligible),
            *(f"- {x}" for x in ours.misses)]


def run(directory: Path, names: tuple[str, ...] = SETS) -> dict[str, tuple[Score, Score]]:
    sets = load_sets(directory, names)
    baseline = Baseline()
    return {name: (evaluate_matcher(cases), baseline.evaluate(cases)) for name, cases in sets.items()}


def markdown(scores: dict[str, tuple[Score, Score]]) -> str:
    parts = []
    for name, (ours, base) in scores.items():
        parts += [f"## {SET_TITLES[name]}", "", table(ours, base), ""]
        if missed := details(ours):
            parts += ["Missers:", "", *missed, ""]
    return "\n".join(parts).rstrip() + "\n"


def as_json(scores: dict[str, tuple[Score, Score]]) -> dict:
    return {name: {"matcher": ours.as_dict(), "baseline": base.as_dict()} for name, (ours, base) in scores.items()}
