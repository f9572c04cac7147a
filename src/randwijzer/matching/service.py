"""The matching service: from a project idea to ranked funding lines and partners.

Plain Python, callable from the web page, the API, the CLI and the evaluation alike.
"""
from __future__ import annotations

import datetime as dt
import gc
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain

import numpy as np
from django.db.models import Count, Max
from django.utils import timezone

from randwijzer.catalogue import limits
from randwijzer.catalogue import models as m
from randwijzer.catalogue.inputs import InputError, applicant_labels, resolve_applicant_type, resolve_municipality
from randwijzer.catalogue.places import mentioned_in
from randwijzer.catalogue.search import funding_fields, partner_fields, service_fields
from randwijzer.text.analysis import STOP_WORDS, stem, tokens
from randwijzer.text.dutch import format_date_nl, format_euro, format_number, join_nl
from randwijzer.text.normalize import fold

from .facts import LineFacts, MunicipalityFacts, line_facts, municipality_facts, territory_members
from .reading import read_project_text
from .relevance import Expander, TextIndex, analyze, build_lexicon, load_thesaurus
from .rules import FAIL, MatchRequest, RuleResult, evaluate, next_deadline, schedule, verdict
from .weights import (
    CANDIDATES_PER_RESULT, FUNDING_WEIGHTS, IDF_FULL_WORDS, PARTNER_ADMINISTERS_BONUS, PARTNER_AUDIENCE_FACTOR, PARTNER_HELPS_BONUS,
    PARTNER_OTHER_AUDIENCE_FACTOR, PARTNER_PAGE_SHARE, PARTNER_WEIGHTS, SERVICE_FIT, SERVICE_WEIGHTS, TOPIC_FITS, TOPIC_PARTLY,
    TOPIC_PARTLY_TERMS, TOPIC_RELATIVE,
)

MAX_TEXT = 5_000  # characters of project text that are read; the rest adds little but time
# The groups of the answer, in the order the page shows them.
GROUPS = ("fits", "check", "later", "not_eligible", "off_topic")
SHOWN = ("fits", "check", "later")  # groups a user can act on
# Words about money and time say nothing about a project's topic (the dates and amounts are read apart).
NOT_TOPIC = frozenset("""euro eur ongeveer circa zowat jaar jaren maand maanden week weken dag dagen datum
    januari februari maart april mei juni juli augustus september oktober november december
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag""".split())
# Words about asking for money, not about what the project does: every line shares them, so they
# must not make a line look on topic ("subsidie voor een tandartsstoel", "budget voor servers").
FUNDING_WORDS = frozenset(stem(w) for w in """subsidie subsidies steun financiering aanvraag aanvragen aanvrager
    gemeente gemeenten gemeentelijk gemeentelijke gemeentehuis gemeentebestuur budget kost kosten
    kostprijs prijs bedrag vzw vereniging organisatie faciliteitengemeente faciliteitengemeenten
    zoeken zoek vragen vraag helpen help hulp mogelijkheden mogelijk""".split())
# Words every project description has: no line and no partner service is about them.
GENERIC_WORDS = frozenset(stem(w) for w in "project projecten nieuw nieuwe willen organiseren".split())


MatchInputError = InputError  # one error for bad input everywhere (catalogue.inputs)


@dataclass
class FundingMatch:
    id: str
    title: str
    score: float
    eligibility: str
    reasons: list[RuleResult]
    next_deadline: dt.date | None
    estimated_amount: int | None
    topic: str = "partly"  # fits, partly, off_topic: the project's topic against the line's
    group: str = "check"  # fits, check, later, not_eligible, off_topic
    max_amount: int | None = None
    share_pct: int | None = None
    apply_by: dt.date | None = None
    days_left: int | None = None
    earliest_start: dt.date | None = None
    share_base: str = "project_cost"  # what share_pct is a share of (worded on the page)


@dataclass
class PartnerMatch:
    id: str
    name: str
    score: float
    why: str
    service: str | None = None  # the title of the partner's service that fits the project
    lines: tuple[str, ...] = ()  # fitting lines it administers or helps with

    @property
    def has_reason(self) -> bool:
        return bool(self.service or self.lines)


@dataclass
class Understood:
    """The input the answer rests on: the fields, and what was read from the text where they were empty."""

    municipality: MunicipalityFacts | None
    applicant_type: str | None
    start: dt.date | None
    end: dt.date | None
    cost: int | None
    from_text: list[str] = field(default_factory=list)


@dataclass
class MatchResult:
    request: MatchRequest
    funding: list[FundingMatch]
    partners: list[PartnerMatch]
    notes: list[str] = field(default_factory=list)
    understood: Understood | None = None
    text_recognised: bool = True
    described: bool = True  # the text says what the project is about (not only "subsidie voor onze vzw")
    hint: str = ""  # "describe" or "unrecognised": the answer asks for a better description
    hint_note: str = ""  # the note that asks it (the page shows it as its own box)

    def in_group(self, group: str) -> list[FundingMatch]:
        return [f for f in self.funding if f.group == group]


@dataclass
class PartnerDoc:
    id: str
    name: str
    territory_members: frozenset
    audiences: frozenset
    lines: frozenset
    administered: frozenset
    services: list[ServiceDoc]


@dataclass
class ServiceDoc:
    title: str
    description: str
    audiences: frozenset
    texts: dict  # the fields the service index reads


class Matcher:
    """The catalogue in the shape matching needs; built once per catalogue version."""

    def __init__(self, lines: list[LineFacts], line_texts: Iterable[dict], partners: list[PartnerDoc], partner_texts: Iterable[dict],
                 place_words: frozenset = frozenset()):
        # The texts are read twice, one document at a time (lexicon, then index), and not kept:
        # line_texts may be any re-iterable (a list, or rows streamed from storage).
        thesaurus = load_thesaurus()
        self.lexicon = build_lexicon((t for d in chain(line_texts, partner_texts) for t in d.values()), thesaurus)
        self.expander = Expander(thesaurus, self.lexicon)
        self.lines = lines
        self.partners = partners
        self.place_words = place_words
        self.line_index = TextIndex(self.lexicon, full_words=IDF_FULL_WORDS)  # feeds add one-line lines
        for i, texts in enumerate(line_texts):
            self.line_index.add(i, texts, FUNDING_WEIGHTS)
        self.line_index.freeze()
        self.partner_index = TextIndex(self.lexicon)
        for i, texts in enumerate(partner_texts):
            self.partner_index.add(i, texts, PARTNER_WEIGHTS)
        self.partner_index.freeze()
        # One document per partner service: a partner ranks on the service that fits.
        self.service_index = TextIndex(self.lexicon)
        self.service_slots: list[list[tuple[int, ServiceDoc]]] = []
        for partner in partners:
            slots = []
            for service in partner.services:
                slots.append((self.service_index.size, service))
                self.service_index.add(self.service_index.size, service.texts, SERVICE_WEIGHTS)
            self.service_slots.append(slots)
        self.service_index.freeze()
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
        """The search terms of a text, as typed (catalogue search)."""
        return self.expander.expand(analyze(text[:MAX_TEXT], self.lexicon))

    def project_query(self, text: str):
        """The terms of a project description without numbers, dates, money words or Rand places."""
        words = " ".join(t for t in tokens(text[:MAX_TEXT]) if t not in NOT_TOPIC and t not in self.place_words and not t.isdigit())
        query = self.expander.expand(analyze(words, self.lexicon))
        return Counter({s: w for s, w in query.items() if s not in GENERIC_WORDS})

    def topic_query(self, text: str, project_query: Counter | None = None):
        """What the project is about: the project's terms without the words of asking for money."""
        query = self.project_query(text) if project_query is None else project_query
        return Counter({s: w for s, w in query.items() if s not in FUNDING_WORDS})

    def recognises(self, query) -> bool:
        """Does the catalogue know any word of the text, itself or through the thesaurus (French, English)?"""
        return any(s in self.line_index.df or s in self.partner_index.df for s in query)

    def line_relevance(self, text: str) -> dict[str, float]:
        return {self.lines[i].id: s for i, s in self.line_index.scores(self.query(text)).items()}

    def partner_relevance(self, text: str) -> dict[str, float]:
        return {self.partners[i].id: s for i, s in self.partner_index.scores(self.query(text)).items()}

    def match(self, req: MatchRequest, limit: int | None = None) -> MatchResult:
        query = self.project_query(req.text)
        recognised = bool(req.text.strip()) and (self.recognises(query) or reads_as_dutch(req.text))
        topic = self.topic_query(req.text, query)
        scores = self.line_index.score_array(topic)
        candidates = list(range(len(self.lines)))
        if limit is not None:
            # Large catalogues: judge only the most relevant lines that fit the place and applicant.
            candidates = self._best_candidates(req, scores, limit * CANDIDATES_PER_RESULT)
        best = float(scores.max()) if len(scores) else 0.0
        terms = self.line_index.term_counts(topic, np.array(candidates, dtype=np.int64))
        judge_topic = bool(topic)  # "subsidie voor onze vzw" says nothing about the topic: not judged
        funding = [self._judge(self.lines[i], float(scores[i]), req,
                               topic_of(float(scores[i]), best, int(n), recognised, judge_topic))
                   for i, n in zip(candidates, terms)]
        funding.sort(key=lambda f: (GROUPS.index(f.group), -f.score, f.title))
        if limit is not None:
            funding = funding[:limit]
        partners = self._rank_partners(query, req, funding)
        return MatchResult(req, funding, partners, text_recognised=recognised, described=judge_topic)

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

    def _judge(self, line: LineFacts, score: float, req: MatchRequest, topic: str) -> FundingMatch:
        reasons = evaluate(line, req, score)
        eligibility = verdict(reasons)
        if eligibility == "eligible" and topic != "fits":
            eligibility = "uncertain"  # every rule passes, but the project is not clearly what the line is for
        group = group_of(topic, reasons, eligibility)
        plan = schedule(line, req)
        amount = None
        if req.cost and line.cost_share_pct and line.share_base == "project_cost" and group in SHOWN:
            amount = req.cost * line.cost_share_pct // 100
            if line.max_amount is not None:
                amount = min(amount, line.max_amount)
        days_left = (plan.apply_by - req.reference).days if plan.apply_by else None
        return FundingMatch(
            line.id, line.title, round(score, 3), eligibility, reasons, next_deadline(line, req), amount,
            topic=topic, group=group, max_amount=line.max_amount, share_pct=line.cost_share_pct,
            apply_by=plan.apply_by, days_left=days_left, earliest_start=plan.earliest_start if group == "later" else None,
            share_base=line.share_base,
        )

    def _rank_partners(self, query, req: MatchRequest, funding: list[FundingMatch]) -> list[PartnerMatch]:
        page_scores = self.partner_index.score_array(query)
        service_scores = self.service_index.score_array(query)
        fitting = {f.id: f.title for f in funding if f.group in SHOWN and f.topic == "fits"}
        ranked = []
        for i, partner in enumerate(self.partners):
            service, service_score = self._best_service(i, service_scores, req)
            score = service_score + PARTNER_PAGE_SHARE * float(page_scores[i])
            reasons = []
            if service is not None:
                reasons.append(f"{service.title}: {service.description[:1].lower()}{service.description[1:]}"
                               if service.description[1:2].islower() else service.title)
            administered = sorted(line for line in partner.administered if line in fitting)
            helped = sorted(line for line in partner.lines if line in fitting and line not in partner.administered)
            administers, helps = sorted(fitting[x] for x in administered), sorted(fitting[x] for x in helped)
            if administers:
                score += PARTNER_ADMINISTERS_BONUS
                reasons.append(f"beheert {join_titles(administers)}")
            if helps:
                score += PARTNER_HELPS_BONUS
                reasons.append(f"helpt bij {join_titles(helps)}")
            if req.applicant_type and req.applicant_type in partner.audiences:
                score *= PARTNER_AUDIENCE_FACTOR
            away = bool(req.municipality) and req.municipality.nis_code not in partner.territory_members and not administers
            if away:
                # A partner that does not work where the project is never leads.
                reasons.append(f"werkt niet in {req.municipality.name}")
            why = " ".join(_sentence(r) for r in reasons if r) if reasons else "Weinig raakvlak met het project."
            ranked.append((away, PartnerMatch(partner.id, partner.name, round(score, 3), why, service.title if service else None,
                                               tuple(administered + helped))))
        ranked.sort(key=lambda pair: (pair[0], -pair[1].score, pair[1].name))
        return [p for _, p in ranked]

    def _best_service(self, i: int, service_scores: np.ndarray, req: MatchRequest) -> tuple[ServiceDoc | None, float]:
        """The partner's best-fitting service and its score; no service when none fits well enough."""
        best, best_score = None, 0.0
        for slot, service in self.service_slots[i]:
            score = float(service_scores[slot])
            if req.applicant_type and service.audiences and req.applicant_type not in service.audiences:
                score *= PARTNER_OTHER_AUDIENCE_FACTOR  # a service for other kinds of applicant helps less
            if score > best_score:
                best, best_score = service, score
        return (best, best_score) if best_score >= SERVICE_FIT else (None, best_score)


def reads_as_dutch(text: str) -> bool:
    """A sentence in Dutch about something the catalogue does not know ('een parking met laadpalen')
    is recognised: it gets 'past niet', not the hint for text nobody can read."""
    words = re.findall(r"[a-z]+", fold(text[:MAX_TEXT]))
    return sum(w in STOP_WORDS for w in words) >= 2


def topic_of(score: float, best: float, terms: int, recognised: bool, judge: bool = True) -> str:
    """How well the project's topic fits a line: from its relevance, absolute and beside the best line."""
    if not judge:
        return "partly"  # no description: the topic cannot be judged either way
    if not recognised:
        return "off_topic"
    if score >= TOPIC_FITS and score >= TOPIC_RELATIVE * best:
        return "fits"
    if score >= TOPIC_PARTLY and terms >= TOPIC_PARTLY_TERMS:
        return "partly"  # one shared word ('grond' in 'ondergrondse parking') is chance, not a topic
    return "off_topic"


def group_of(topic: str, reasons: list[RuleResult], eligibility: str) -> str:
    if topic == "off_topic":
        return "off_topic"
    failed = {r.rule for r in reasons if r.outcome == FAIL}
    if failed and failed <= {"timing"}:
        return "later"  # only the timing fails: a later start works
    if failed:
        return "not_eligible"
    return "fits" if eligibility == "eligible" else "check"


def join_titles(titles: list[str]) -> str:
    """Line titles are names: quoted, so a capital inside a sentence reads as one."""
    return join_nl(f"‘{title}’" for title in titles)


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "."


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
    partner_qs = m.Partner.objects.exclude(pk__in=m.PLACEHOLDER_PARTNERS).prefetch_related("themes", "services__themes", "services__audiences", "administered_lines", "related_lines").order_by("id")
    partners, partner_texts = [], []
    for p in partner_qs:
        partner_texts.append(partner_fields(p))
        partners.append(PartnerDoc(
            id=p.id, name=p.name, territory_members=members.get(p.territory_id, frozenset()),
            audiences=frozenset(a.id for s in p.services.all() for a in s.audiences.all()),
            lines=frozenset([*(x.id for x in p.administered_lines.all()), *(x.id for x in p.related_lines.all())]),
            administered=frozenset(x.id for x in p.administered_lines.all()),
            services=[ServiceDoc(s.title, s.description, frozenset(a.id for a in s.audiences.all()), service_fields(s))
                      for s in p.services.all()],
        ))
    return Matcher(lines, line_texts, partners, partner_texts, place_words=rand_place_words())


def rand_place_words() -> frozenset:
    """Words of the names of the Rand's municipalities: a place in the text is read by the rules, not
    the topic (a line that names Wemmel in its conditions is no better a fit for every project there)."""
    names = m.Municipality.objects.filter(in_vlaamse_rand=True).values_list("name_nl", "name_fr")
    return frozenset(t for pair in names for name in pair for t in tokens(name or ""))


def get_matcher() -> Matcher:
    version = catalogue_version()
    with _lock:
        if _cache.get("version") != version:
            _cache["matcher"] = build_matcher()
            _cache["version"] = version
        return _cache["matcher"]


# ---------------------------------------------------------------- the service




def _check_dates(**dates: dt.date | None) -> None:
    for name, value in dates.items():
        if value is None:
            continue
        try:
            limits.check_day(value)
        except ValueError as exc:
            raise MatchInputError(name, f"De datum {value.isoformat()} {exc}.") from None


# Shown when nothing in the description is recognised: two descriptions that get a good answer.
EXAMPLE_DESCRIPTIONS = (
    "Onze vzw wil een wekelijkse taaltafel starten waar anderstalige ouders Nederlands oefenen.",
    "Het gemeentebestuur organiseert op 11 juli een feest van de Vlaamse Gemeenschap met muziek voor alle inwoners.",
)


def match_project(text: str, municipality: str | None, applicant_type: str | None, reference: dt.date | None = None,
                  start: dt.date | None = None, end: dt.date | None = None, cost: int | None = None,
                  limit: int | None = None) -> MatchResult:
    """Match a project idea; raises MatchInputError for an unknown municipality or applicant type.

    Fields the user filled in win; where they are empty, the date, cost, municipality and
    applicant type are read from the description when it says them clearly.
    """
    _check_dates(date=reference, start=start, end=end)
    place = resolve_municipality(municipality)
    labels = applicant_labels()
    kind = resolve_applicant_type(applicant_type, labels)
    if cost is not None and cost < 0:
        raise MatchInputError("cost", "De kostprijs kan niet negatief zijn.")
    reference = reference or timezone.localdate()
    notes: list[str] = []
    text = _clean(text)
    if len(text) > MAX_TEXT:
        notes.append(f"De omschrijving is lang; we lazen de eerste {format_number(MAX_TEXT)} tekens.")
    understood = understand(text, reference, labels, notes, place=place, applicant_type=kind, start=start, end=end, cost=cost)
    if understood.start and understood.end and understood.end < understood.start:
        notes.append("De einddatum ligt voor de startdatum; alleen de startdatum is gebruikt.")
        understood.end = None
    request = MatchRequest(
        text=text, municipality=understood.municipality, applicant_type=understood.applicant_type,
        reference=reference, start=understood.start, end=understood.end, cost=understood.cost,
        applicant_labels=labels,
    )
    result = get_matcher().match(request, limit=limit)
    result.understood = understood
    examples = " of ".join(f"'{example}'" for example in EXAMPLE_DESCRIPTIONS)
    if not result.described:
        result.hint = "describe"
        notes.append("Beschrijf uw project in een paar zinnen: zonder te weten wat u wilt doen, kunnen we niet zeggen "
                     f"welke steun bij het onderwerp past. Bijvoorbeeld: {examples}")
    elif not result.text_recognised:
        result.hint = "unrecognised"
        notes.append(f"We herkenden niets in uw omschrijving. Beschrijf wat u wilt doen en voor wie, bijvoorbeeld: {examples}")
    result.hint_note = notes[-1] if result.hint else ""
    notes += money_notes(result)
    result.notes = notes
    return result


def understand(text: str, reference: dt.date, labels: dict[str, str], notes: list[str], *, place, applicant_type,
               start, end, cost) -> Understood:
    """The fields as filled in, completed from the text where they are empty."""
    read = read_from_text(text, reference, labels, notes)
    from_text = []
    if place is None and read.get("municipality") is not None:
        place = read["municipality"]
        from_text.append("municipality")
    if applicant_type is None and read.get("applicant_type"):
        applicant_type = read["applicant_type"]
        from_text.append("applicant_type")
    if start is None and end is None and read.get("start"):
        start, end = read["start"], read.get("end")
        from_text += ["start"] + (["end"] if end else [])
    if cost is None and read.get("cost") is not None:
        cost = read["cost"]
        from_text.append("cost")
    facts = municipality_facts(place) if place else None
    if place and place.merged_into_id:
        notes.append(f"{place.name_nl} is sinds {format_date_nl(place.merged_on)} deel van {place.merged_into.name_nl}.")
    return Understood(facts, applicant_type, start, end, cost, from_text)


def read_from_text(text: str, reference: dt.date, labels: dict[str, str], notes: list[str]) -> dict:
    """What the description itself says: date, cost, applicant type (notes for what it could not use)."""
    if not text:
        return {}
    reading = read_project_text(text[:MAX_TEXT], reference, labels)
    notes += reading.notes
    return {"start": reading.start, "end": reading.end, "cost": reading.cost, "applicant_type": reading.applicant_type,
            "municipality": mentioned_in(text[:MAX_TEXT])}


def money_notes(result: MatchResult) -> list[str]:
    cost = result.request.cost
    estimates = [f.estimated_amount for f in result.funding if f.group in ("fits", "check") and f.estimated_amount]
    if cost and len(estimates) > 1 and sum(estimates) > cost:
        return [f"Samen ramen deze steunmaatregelen {format_euro(sum(estimates))}, meer dan de kostprijs van "
                f"{format_euro(cost)}: vraag na of u ze mag combineren."]
    return []


def _clean(text: str | None) -> str:
    # Control characters and lone surrogates from odd input are dropped, not an error.
    text = (text or "").encode("utf-8", "ignore").decode("utf-8")
    return "".join(c for c in text if c.isprintable() or c in "\n\t").strip()
