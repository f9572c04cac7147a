"""The matching service: from a project idea to ranked funding lines and partners.

Plain Python, callable from the web page, the API, the CLI and the evaluation alike.
"""
from __future__ import annotations

import datetime as dt
import difflib
import gc
import threading
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Count, Max

from randwijzer.catalogue import limits
from randwijzer.catalogue import models as m
from randwijzer.catalogue.places import find_municipality, suggest_municipalities
from randwijzer.catalogue.search import funding_fields, partner_fields
from randwijzer.text.normalize import fold

from .facts import LineFacts, line_facts, municipality_facts, territory_members
from .relevance import THESAURUS_WEIGHT, Expander, TextIndex, analyze, build_lexicon, load_thesaurus
from .rules import MatchRequest, RuleResult, evaluate, next_deadline, verdict

MAX_TEXT = 5_000  # characters of project text that are read; the rest adds little but time
RELEVANT = 0.6  # score from which a line counts as fitting the project (tuned with make eval)
# A word in the title says more than one in an example (weights tuned with make eval).
FUNDING_WEIGHTS = {"title": 3.0, "summary": 2.0, "themes": 1.5, "description": 1.0, "examples": 1.0}
PARTNER_WEIGHTS = {"name": 3.0, "summary": 2.0, "themes": 2.0, "services": 1.5, "description": 1.0}
ORDER = {"eligible": 0, "uncertain": 1, "ineligible": 2}
# With a limit, the rules are run on this many of the most relevant fitting lines per result asked.
CANDIDATES_PER_RESULT = 5


class MatchInputError(ValueError):
    def __init__(self, field: str, message: str, suggestions: list[str] | None = None):
        self.field, self.message, self.suggestions = field, message, suggestions or []
        super().__init__(message)


@dataclass
class FundingMatch:
    id: str
    title: str
    score: float
    eligibility: str
    reasons: list[RuleResult]
    next_deadline: dt.date | None
    estimated_amount: int | None


@dataclass
class PartnerMatch:
    id: str
    name: str
    score: float
    why: str


@dataclass
class MatchResult:
    request: MatchRequest
    funding: list[FundingMatch]
    partners: list[PartnerMatch]
    notes: list[str] = field(default_factory=list)


@dataclass
class PartnerDoc:
    id: str
    name: str
    territory_members: frozenset
    audiences: frozenset
    lines: frozenset
    administered: frozenset
    services: list[tuple[str, set]]


class Matcher:
    """The catalogue in the shape matching needs; built once per catalogue version."""

    def __init__(self, lines: list[LineFacts], line_texts: list[dict], partners: list[PartnerDoc], partner_texts: list[dict]):
        thesaurus = load_thesaurus()
        self.lexicon = build_lexicon((t for d in [*line_texts, *partner_texts] for t in d.values()), thesaurus)
        self.expander = Expander(thesaurus, self.lexicon)
        self.lines = lines
        self.partners = partners
        self.line_index = TextIndex(self.lexicon)
        for i, texts in enumerate(line_texts):
            self.line_index.add(i, texts, FUNDING_WEIGHTS)
        self.line_index.freeze()
        self.partner_index = TextIndex(self.lexicon)
        for i, texts in enumerate(partner_texts):
            self.partner_index.add(i, texts, PARTNER_WEIGHTS)
        self.partner_index.freeze()
        # Structural look-ups for large catalogues: each line's territory as a number, and per
        # applicant type which lines it may (or may perhaps) use.
        self.territories: list[frozenset] = []
        territory_number: dict[frozenset, int] = {}
        self.territory_of = np.empty(len(lines), dtype=np.int32)
        self.for_applicant: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(len(lines), dtype=bool))
        for i, line in enumerate(lines):
            members = line.territory_members
            if members not in territory_number:
                territory_number[members] = len(self.territories)
                self.territories.append(members)
            self.territory_of[i] = territory_number[members]
            for kind in line.applicant_types | line.applicant_types_to_verify:
                self.for_applicant[kind][i] = True

    def query(self, text: str):
        return self.expander.expand(analyze(text[:MAX_TEXT], self.lexicon))

    def line_relevance(self, text: str) -> dict[str, float]:
        return {self.lines[i].id: s for i, s in self.line_index.scores(self.query(text)).items()}

    def partner_relevance(self, text: str) -> dict[str, float]:
        return {self.partners[i].id: s for i, s in self.partner_index.scores(self.query(text)).items()}

    def match(self, req: MatchRequest, limit: int | None = None) -> MatchResult:
        query = self.query(req.text)
        scores = self.line_index.score_array(query)
        candidates = range(len(self.lines))
        if limit is not None:
            # Large catalogues: judge only the most relevant lines that fit the place and applicant.
            candidates = self._best_candidates(req, scores, limit * CANDIDATES_PER_RESULT)
        funding = [self._judge(self.lines[i], float(scores[i]), req) for i in candidates]
        funding.sort(key=lambda f: (_tier(f), -f.score, f.title))
        if limit is not None:
            funding = funding[:limit]
        partners = self._rank_partners(query, req, funding)
        return MatchResult(req, funding, partners)

    def _best_candidates(self, req: MatchRequest, scores: np.ndarray, count: int) -> list[int]:
        mask = np.ones(len(self.lines), dtype=bool)
        if req.municipality is not None:
            serving = [n for n, members in enumerate(self.territories) if req.municipality.nis_code in members]
            mask &= np.isin(self.territory_of, serving)
        if req.applicant_type:
            mask &= self.for_applicant[req.applicant_type]
        ranked = np.where(mask, scores, -1.0)
        count = min(count, int(mask.sum()))
        if count == 0:
            return []
        return [int(i) for i in np.argpartition(-ranked, count - 1)[:count]]

    def _judge(self, line: LineFacts, score: float, req: MatchRequest) -> FundingMatch:
        reasons = evaluate(line, req, score)
        eligibility = verdict(reasons)
        amount = None
        if req.cost is not None and line.cost_share_pct and eligibility != "ineligible":
            amount = req.cost * line.cost_share_pct // 100
            if line.max_amount is not None:
                amount = min(amount, line.max_amount)
        return FundingMatch(line.id, line.title, round(score, 3), eligibility, reasons, next_deadline(line, req), amount)

    def _rank_partners(self, query, req: MatchRequest, funding: list[FundingMatch]) -> list[PartnerMatch]:
        scores = self.partner_index.score_array(query)
        fitting = {f.id: f.title for f in funding if f.eligibility != "ineligible" and f.score >= RELEVANT}
        ranked = []
        for i, partner in enumerate(self.partners):
            score = float(scores[i])
            reasons = []
            services = _matching_services(partner, query, self.partner_index.idf)
            if services:
                reasons.append("biedt " + "; ".join(services))
            administers = [fitting[line] for line in partner.administered if line in fitting]
            helps = [fitting[line] for line in partner.lines if line in fitting and line not in partner.administered]
            if administers:
                score += 0.5
                reasons.append("beheert " + ", ".join(sorted(administers)))
            if helps:
                score += 0.25
                reasons.append("helpt bij " + ", ".join(sorted(helps)))
            if req.applicant_type and req.applicant_type in partner.audiences:
                score *= 1.2
            if req.municipality:
                if req.municipality.nis_code in partner.territory_members:
                    reasons.append(f"actief in {req.municipality.name}")
                elif not administers:
                    # A partner outside the place helps little, unless it runs a line that applies there.
                    score *= 0.3
                    reasons.append(f"niet actief in {req.municipality.name}")
            why = _sentence(", ".join(reasons) or "weinig raakvlak met het project")
            ranked.append(PartnerMatch(partner.id, partner.name, round(score, 3), why))
        ranked.sort(key=lambda p: (-p.score, p.name))
        return ranked


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _matching_services(partner: PartnerDoc, query, idf) -> list[str]:
    """Titles of the partner's services that share real (not only thesaurus) words with the query."""
    overlaps = []
    for title, stems in partner.services:
        overlap = sum(weight * idf(s) for s, weight in query.items() if s in stems and weight > THESAURUS_WEIGHT)
        if overlap < 1.0:  # one common word ('lokaal') is no reason to name a service
            continue
        if overlap:
            overlaps.append((-overlap, title))
    return [title for _, title in sorted(overlaps)[:3]]


def _tier(f: FundingMatch) -> tuple:
    """Fitting lines first (eligible, then uncertain), then the rest; ineligible always last."""
    if f.eligibility == "ineligible":
        return (4,)
    relevant = f.score >= RELEVANT
    return (ORDER[f.eligibility] + (0 if relevant else 2),)


# ---------------------------------------------------------------- building and caching

_cache: dict = {}
_lock = threading.Lock()


def catalogue_version() -> tuple:
    lines = m.FundingLine.objects.aggregate(n=Count("id"), t=Max("updated_at"))
    partners = m.Partner.objects.aggregate(n=Count("id"), t=Max("updated_at"))
    return (lines["n"], lines["t"], partners["n"], partners["t"])


def build_matcher() -> Matcher:
    # Building creates many small objects that live as long as the matcher: pausing the
    # cyclic collector avoids rescanning them again and again.
    gc.disable()
    try:
        return _build_matcher()
    finally:
        gc.enable()


def _build_matcher() -> Matcher:
    members = territory_members()
    line_qs = m.FundingLine.objects.with_details().order_by("id")
    lines = line_facts(line_qs, members)
    line_texts = [funding_fields(line) for line in line_qs]
    partner_qs = m.Partner.objects.prefetch_related("themes", "services__themes", "services__audiences", "administered_lines", "related_lines").order_by("id")
    partners, partner_texts = [], []
    for p in partner_qs:
        partner_texts.append(partner_fields(p))
        partners.append(PartnerDoc(
            id=p.id, name=p.name, territory_members=members.get(p.territory_id, frozenset()),
            audiences=frozenset(a.id for s in p.services.all() for a in s.audiences.all()),
            lines=frozenset([*(x.id for x in p.administered_lines.all()), *(x.id for x in p.related_lines.all())]),
            administered=frozenset(x.id for x in p.administered_lines.all()),
            services=[],
        ))
    matcher = Matcher(lines, line_texts, partners, partner_texts)
    for doc, p in zip(partners, partner_qs):
        doc.services = [(s.title, set(analyze(f"{s.title} {s.description}", matcher.lexicon))) for s in p.services.all()]
    return matcher


def get_matcher() -> Matcher:
    version = catalogue_version()
    with _lock:
        if _cache.get("version") != version:
            _cache["matcher"] = build_matcher()
            _cache["version"] = version
        return _cache["matcher"]


# ---------------------------------------------------------------- the service


def applicant_labels() -> dict[str, str]:
    return dict(m.ApplicantType.objects.values_list("id", "label"))


def resolve_applicant_type(value: str | None, known: dict[str, str] | None = None) -> str | None:
    value = _clean(value)[:200]
    if not value:
        return None
    known = known if known is not None else applicant_labels()
    names = {fold(id_): id_ for id_ in known} | {fold(label): id_ for id_, label in known.items()}
    key = fold(value)
    if key in names:
        return names[key]
    suggestions = sorted({names[c] for c in difflib.get_close_matches(key, list(names), n=3, cutoff=0.5)})
    hint = f" Bedoelde u: {', '.join(suggestions)}?" if suggestions else ""
    raise MatchInputError("applicant_type", f"Onbekend type aanvrager '{value[:80]}'.{hint} Kies uit: {', '.join(known)}.", suggestions)


def resolve_municipality(value: str | None):
    value = _clean(value)[:200]
    if not value:
        return None
    found = find_municipality(value)
    if found is None:
        suggestions = suggest_municipalities(value)
        hint = f" Bedoelde u: {', '.join(suggestions)}?" if suggestions else ""
        raise MatchInputError("municipality", f"Onbekende gemeente '{value[:80]}'.{hint}", suggestions)
    return found


def _check_dates(**dates: dt.date | None) -> None:
    for name, value in dates.items():
        if value is None:
            continue
        try:
            limits.check_day(value)
        except ValueError as exc:
            raise MatchInputError(name, f"De datum {value.isoformat()} {exc}.") from None


def match_project(text: str, municipality: str | None, applicant_type: str | None, reference: dt.date | None = None,
                  start: dt.date | None = None, end: dt.date | None = None, cost: int | None = None,
                  limit: int | None = None) -> MatchResult:
    """Match a project idea; raises MatchInputError for an unknown municipality or applicant type."""
    _check_dates(date=reference, start=start, end=end)
    place = resolve_municipality(municipality)
    labels = applicant_labels()
    kind = resolve_applicant_type(applicant_type, labels)
    if cost is not None and cost < 0:
        raise MatchInputError("cost", "De kostprijs kan niet negatief zijn.")
    notes = []
    if start and end and end < start:
        notes.append("De einddatum ligt voor de startdatum; alleen de startdatum is gebruikt.")
        end = None
    text = _clean(text)
    if not text:
        notes.append("Er is geen projectomschrijving: de volgorde steunt alleen op de regels.")
    elif len(text) > MAX_TEXT:
        notes.append(f"De omschrijving is lang; de eerste {MAX_TEXT} tekens zijn gebruikt.")
    request = MatchRequest(
        text=text, municipality=municipality_facts(place) if place else None, applicant_type=kind,
        reference=reference or dt.date.today(), start=start, end=end, cost=cost,
        applicant_labels=labels,
    )
    if place and place.merged_into_id:
        notes.append(f"{place.name_nl} is sinds {place.merged_on:%d-%m-%Y} deel van {place.merged_into.name_nl}.")
    result = get_matcher().match(request, limit=limit)
    result.notes = notes
    return result


def _clean(text: str | None) -> str:
    # Control characters and lone surrogates from odd input are dropped, not an error.
    text = (text or "").encode("utf-8", "ignore").decode("utf-8")
    return "".join(c for c in text if c.isprintable() or c in "\n\t").strip()
