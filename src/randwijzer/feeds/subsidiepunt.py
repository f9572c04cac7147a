"""Subsidiepunt (OSLO Besluit Subsidies + lblod extensions): offers → funding lines.

An offer (`subsidie:SubsidiemaatregelAanbod`) gives the title, the info page (`skos:related`),
its series ("reeks", `lblodSubsidie:heeftReeks`) with their periods, and its criteria
(`m8g:hasCriterion`). The Agentschap Binnenlands Bestuur runs Subsidiepunt and is the administrator.
"""
from __future__ import annotations

import datetime as dt

from rdflib import RDF, Graph, Namespace
from rdflib.namespace import DCTERMS, SKOS

from randwijzer.text.dutch import format_date_nl

from .links import web_address
from .records import Administrator, Record, Round, Skip
from .timeutil import brussels_date, today

SUBSIDIE = Namespace("http://data.vlaanderen.be/ns/subsidie#")
LBLOD = Namespace("http://lblod.data.gift/vocabularies/subsidie/")
M8G = Namespace("http://data.europa.eu/m8g/")
MOBILITEIT = Namespace("https://data.vlaanderen.be/ns/mobiliteit#")

ABB = Administrator(
    iri="https://www.vlaanderen.be/agentschap-binnenlands-bestuur",
    name="Agentschap Binnenlands Bestuur",
    summary="Biedt de subsidies voor lokale besturen aan op Subsidiepunt.",
)

# Criteria that the feed links by IRI only. Their names are those in Subsidiepunt's own migration
# (pride-evenementen.sparql: "# Ocmw", "# Gemeente", "# Economische Actoren").
KNOWN_CRITERIA = {
    "http://data.lblod.info/id/criterions/8c32faa4-1167-4fee-932f-3d453e59b09a": "Ocmw",
    "http://data.lblod.info/id/criterions/f5ea0615-0b0a-47db-a38c-6097ff80815d": "Gemeente",
    "http://data.lblod.info/id/criterions/28fe1648-dd25-4772-b5e9-0eed4e8f4b90": "Economische actoren",
}
# Criterion names we can map with certainty; anything else stays "te verifiëren" with the feed's words.
# A province is no "lokaal bestuur" (the vocabulary: gemeente, OCMW or a partnership of municipalities).
APPLICANT_WORDS = {"gemeente": "lokaal-bestuur", "ocmw": "lokaal-bestuur", "lokaal bestuur": "lokaal-bestuur"}


def records(graph: Graph, on: dt.date | None = None) -> list[Record | Skip]:
    on = on or today()
    offers = sorted(set(graph.subjects(RDF.type, SUBSIDIE.SubsidiemaatregelAanbod)), key=str)
    return [offer_record(graph, offer, on) for offer in offers]


def _text(graph: Graph, subject, *predicates) -> str:
    for predicate in predicates:
        values = list(graph.objects(subject, predicate))
        dutch = [v for v in values if getattr(v, "language", None) in (None, "nl") or str(getattr(v, "language", "")).startswith("nl")]
        for value in dutch or values:
            if str(value).strip():
                return " ".join(str(value).split())
    return ""


def offer_record(graph: Graph, offer, on: dt.date) -> Record | Skip:
    title = _text(graph, offer, DCTERMS.title, SKOS.prefLabel)
    iri = str(offer)
    if not title:
        return Skip(iri, "", "het aanbod heeft geen titel (dct:title of skos:prefLabel)")
    rounds = []
    for series in sorted(graph.objects(offer, LBLOD.heeftReeks), key=str):
        found = _series_round(graph, series)
        if isinstance(found, str):
            return Skip(iri, title, found)
        if found:
            rounds.append(found)
    rounds.sort(key=lambda r: (r.closes_on, r.label))
    status, reason = status_from(rounds, on)
    applicants, to_verify, note = applicants_from(graph, offer)
    notes: list[str] = []
    url = web_address(_text(graph, offer, SKOS.related), notes)
    return Record(
        iri=iri, title=title, url=url, notes=notes,
        summary=f"{title}: aangeboden op Subsidiepunt.",  # ABB runs the platform, not every subsidy on it
        status=status, status_reason=reason, submission_mode="call" if rounds else "unknown",
        rounds=rounds, applicant_types=applicants, applicant_types_to_verify=to_verify, applicant_note=note,
        administrator=ABB,
    )


def _series_round(graph: Graph, series) -> Round | str | None:
    """The series as a call round; None without a period; a Dutch reason when its period is impossible.

    Which period: the series' own; else the application step's ("Aanvraag"); else any step's, the
    earliest start first (then the latest end) — never whichever the triples happen to list first."""
    label = _text(graph, series, DCTERMS.title) or "Oproep"
    steps = sorted(graph.objects(series, LBLOD.heeftSubsidieprocedurestap), key=str)
    applying = [s for s in steps if _is_application_step(graph, s)]
    for group in ([series], applying, steps):
        dated = []
        for holder in group:
            for period in graph.objects(holder, MOBILITEIT.periode):
                start = brussels_date(graph.value(period, M8G.startTime))
                end = brussels_date(graph.value(period, M8G.endTime))
                if end is not None:
                    dated.append((start or dt.date.min, -end.toordinal(), start, end))
        if not dated:
            continue
        _, _, start, end = min(dated)
        if start is not None and end < start:
            return f"de periode van '{label}' eindigt ({format_date_nl(end)}) vóór ze begint ({format_date_nl(start)})"
        return Round(label, start, end)
    return None


def _is_application_step(graph: Graph, step) -> bool:
    """The step in which one applies: described as "Aanvraag", or what an ApplicationStep refers to."""
    if _text(graph, step, DCTERMS.description).lower().startswith(("aanvraag", "indien")):
        return True
    return any((flow_step, RDF.type, LBLOD.ApplicationStep) in graph for flow_step in graph.subjects(DCTERMS.references, step))


def status_from(rounds: list[Round], on: dt.date) -> tuple[str, str]:
    """A period running: open; only announced ones: unsure (not open yet), with the date; past: closed; none: unknown."""
    if not rounds:
        return "onzeker", "Subsidiepunt geeft voor deze subsidie geen indienperiode."
    running = [r for r in rounds if (r.opens_on is None or r.opens_on <= on) and on <= r.closes_on]
    if running:
        return "open", f"Volgens Subsidiepunt loopt '{running[0].label}' tot {format_date_nl(running[0].closes_on)}."
    coming = sorted((r for r in rounds if r.opens_on and r.opens_on > on), key=lambda r: r.opens_on)
    if coming:
        return "onzeker", (f"Nog niet open: volgens Subsidiepunt opent '{coming[0].label}' op "
                           f"{format_date_nl(coming[0].opens_on)}.")
    last = rounds[-1]
    return "afgesloten", f"De laatste periode op Subsidiepunt ('{last.label}') sloot op {format_date_nl(last.closes_on)}."


def _criterion_name(graph: Graph, criterion) -> str:
    name = _text(graph, criterion, DCTERMS.title, SKOS.prefLabel, DCTERMS.description)
    for group in sorted(graph.objects(criterion, M8G.fulfils), key=str):
        if name:
            break
        name = _text(graph, group, DCTERMS.description)  # the first group that says something
    return name or KNOWN_CRITERIA.get(str(criterion), "")


def applicants_from(graph: Graph, offer) -> tuple[list[str], list[str], str]:
    """(applicant types, applicant types to verify, the feed's words for what could not be mapped)."""
    sure, unmapped = set(), []
    criteria = sorted(graph.objects(offer, M8G.hasCriterion), key=str)
    for criterion in criteria:
        name = _criterion_name(graph, criterion)
        applicant = APPLICANT_WORDS.get(name.lower().strip())
        if applicant:
            sure.add(applicant)
        else:
            unmapped.append(f"'{name}'" if name else f"een criterium zonder naam ({criterion})")
    if not criteria:
        return [], ["lokaal-bestuur"], "Subsidiepunt zegt niet wie mag aanvragen; het platform is er voor lokale besturen."
    if not unmapped:
        return sorted(sure), [], ""
    note = f"Subsidiepunt noemt als criterium {', '.join(unmapped)}; dat is hier niet aan een type aanvrager gekoppeld."
    return sorted(sure), [] if sure else ["lokaal-bestuur"], note
