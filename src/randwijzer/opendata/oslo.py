"""Funding lines as OSLO Besluit Subsidies offers (`subsidie:SubsidiemaatregelAanbod`), the model
Subsidiepunt uses, with lblod's series (`SubsidiemaatregelAanbodReeks`) for call rounds.

Field by field in docs/open-data.md. What the catalogue does not know (the regulation, the
decision a criterion applies to, an amount for lines without share or maximum) is left out; the
shapes then report a missing value, listed per line in docs/open-data.md.
"""
from __future__ import annotations

import datetime as dt

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, XSD

from randwijzer.catalogue.models import FundingLine
from randwijzer.text.dutch import format_date_nl, format_month_day

from . import identifiers, records
from .common_rdf import add_concept, add_identifier, add_organisation, add_period, add_territory, add_theme, nl
from .vocab import CPSV, LBLOD_SUBSIDIE, M8G, MOBILITEIT, SCHEMA, SUBSIDIE, new_graph


def graph(reference: dt.date, line_id: str | None = None) -> Graph:
    found = new_graph()
    upcoming = records.upcoming_dates(reference)
    for line in records.funding_lines(line_id):
        add_offer(found, line, upcoming.get(line.pk, []))
    return found


def add_offer(graph: Graph, line: FundingLine, upcoming: list) -> URIRef:
    iri = identifiers.line_iri(line.pk)
    offer = URIRef(iri)
    graph.add((offer, RDF.type, SUBSIDIE.SubsidiemaatregelAanbod))
    graph.add((offer, DCTERMS.identifier, Literal(line.pk)))
    graph.add((offer, DCTERMS.title, nl(line.title)))
    graph.add((offer, DCTERMS.description, nl(line.description.strip() or line.summary)))
    graph.add((offer, DCTERMS.modified, Literal(line.updated_at.isoformat(), datatype=XSD.dateTime)))
    if not line.administrator.is_placeholder:  # a stand-in is no organisation to publish
        graph.add((offer, M8G.hasCompetentAuthority, add_organisation(graph, line.administrator)))
    page = identifiers.web_page(line.contact_url)
    if page:
        graph.add((offer, FOAF.page, URIRef(page)))
    for theme in line.themes.all():
        graph.add((offer, SUBSIDIE.trefwoord, add_theme(graph, theme)))
    for condition in line.conditions.all():
        if condition.kind == "purpose":
            graph.add((offer, SUBSIDIE.doelstelling, Literal(condition.text)))
    add_steps(graph, offer, line, upcoming)
    add_criteria(graph, offer, line)
    add_amount(graph, offer, line)
    return offer


def submission_text(line: FundingLine) -> str:
    parts = [f"Aanvragen: {line.get_submission_mode_display()}."]
    days = [format_month_day(item.month, item.day) for item in line.yearlydeadlines.all()]
    if days:
        parts.append("Uiterste indiendata: " + ", ".join(days) + ".")
    if line.lead_time_months:
        parts.append(f"Minstens {line.lead_time_months} maanden voor {line.get_lead_time_reference_display()}.")
    return " ".join(parts)


def add_steps(graph: Graph, offer: URIRef, line: FundingLine, upcoming: list) -> None:
    """One application step for the line; one series with its own step per call round and per
    coming yearly round (a yearly round's opening is not known: its step has no period)."""
    step = URIRef(identifiers.part_iri(str(offer), "procedurestap"))
    graph.add((step, RDF.type, SUBSIDIE.Subsidieprocedurestap))
    graph.add((step, DCTERMS.description, Literal(submission_text(line))))
    graph.add((offer, CPSV.follows, step))
    for key, call in identifiers.call_keys(line.callrounds.all()):
        series = add_series(graph, offer, key, call.label)
        text = f"Aanvraag binnen {call.label}: uiterlijk {format_date_nl(call.closes_on)}."
        period = (identifiers.part_iri(str(offer), "periode", key), call.opens_on, call.closes_on)
        add_series_step(graph, offer, series, key, text, period if call.opens_on else None)
    calls = {call.closes_on for call in line.callrounds.all()}
    for item in upcoming:
        if item.kind != "deadline" or item.start in calls:
            continue
        key = f"ronde-{item.start.isoformat()}"
        series = add_series(graph, offer, key, f"Ronde met uiterste indiendatum {format_date_nl(item.start)}")
        add_series_step(graph, offer, series, key, f"{item.label}: {format_date_nl(item.start)}.", None)


def add_series(graph: Graph, offer: URIRef, key: str, title: str) -> URIRef:
    series = URIRef(identifiers.part_iri(str(offer), "reeks", key))
    graph.add((series, RDF.type, LBLOD_SUBSIDIE.SubsidiemaatregelAanbodReeks))
    graph.add((series, DCTERMS.title, nl(title)))
    graph.add((offer, LBLOD_SUBSIDIE.heeftReeks, series))
    return series


def add_series_step(graph: Graph, offer: URIRef, series: URIRef, key: str, text: str, period) -> None:
    step = URIRef(identifiers.part_iri(str(offer), "procedurestap", key))
    graph.add((step, RDF.type, SUBSIDIE.Subsidieprocedurestap))
    graph.add((step, DCTERMS.description, Literal(text)))
    graph.add((series, LBLOD_SUBSIDIE.heeftSubsidieprocedurestap, step))
    graph.add((offer, CPSV.follows, step))
    if period is not None:
        node = add_period(graph, *period)
        graph.add((step, MOBILITEIT.periode, node))
        graph.add((series, MOBILITEIT.periode, node))


def add_criteria(graph: Graph, offer: URIRef, line: FundingLine) -> None:
    applicants = list(line.applicant_types.all())
    if applicants:
        requirements = [(f"De aanvrager is een {kind.label.lower()}.",
                         add_concept(graph, identifiers.absolute(f"/id/aanvrager/{kind.pk}"), kind.label))
                        for kind in applicants]
        add_criterion(graph, offer, "aanvragers", "Wie mag aanvragen", "De aanvrager is een van deze types.", requirements)
    territory = line.territory
    text = f"{line.get_territory_basis_display().capitalize()} ligt {territory.phrase}."
    group = add_criterion(graph, offer, "werkingsgebied", "Werkingsgebied", text, [(text, None)])
    graph.add((group, DCTERMS.spatial, add_territory(graph, territory)))
    checks = [condition.text for condition in line.conditions.all() if condition.kind == "check"]
    if checks:
        add_criterion(graph, offer, "voorwaarden", "Na te gaan door de aanvrager",
                      "De aanvrager voldoet aan elk van deze voorwaarden.", [(text, None) for text in checks])


def add_criterion(graph: Graph, offer: URIRef, key: str, title: str, summary: str, requirements) -> URIRef:
    """Criterion → requirement group → one requirement per item (CCCEV, as Subsidiepunt links them)."""
    base = identifiers.part_iri(str(offer), "criterium", key)
    criterion, group = URIRef(base), URIRef(f"{base}/vereistengroep")
    graph.add((criterion, RDF.type, M8G.Criterion))
    graph.add((criterion, DCTERMS.title, Literal(title)))
    add_identifier(graph, criterion, base, f"{offer.split('/')[-1]}/{key}")
    graph.add((criterion, M8G.fulfilledByRequirementGroup, group))
    graph.add((group, RDF.type, M8G.RequirementGroup))
    graph.add((group, DCTERMS.description, Literal(summary)))
    for number, (text, concept) in enumerate(requirements, start=1):
        requirement = URIRef(f"{base}/vereiste/{number}")
        graph.add((requirement, RDF.type, M8G.CriterionRequirement))
        graph.add((requirement, DCTERMS.description, Literal(text)))
        if concept is not None:
            graph.add((requirement, LBLOD_SUBSIDIE.isSatisfiableBy, concept))
        graph.add((group, M8G.hasCriterionRequirement, requirement))
    graph.add((offer, M8G.hasCriterion, criterion))
    return group


def add_amount(graph: Graph, offer: URIRef, line: FundingLine) -> None:
    """The share and the maximum per project, when the catalogue knows them."""
    if line.cost_share_pct is None and line.max_amount is None:
        return
    amount = URIRef(identifiers.part_iri(str(offer), "bedrag"))
    graph.add((amount, RDF.type, SUBSIDIE.Subsidiebedrag))
    graph.add((amount, SCHEMA.name, Literal("Subsidiebedrag per project")))
    if line.cost_share_pct is not None:
        graph.add((amount, SUBSIDIE.bedragString,
                   Literal(f"{line.cost_share_pct}% van {line.get_share_base_display()}")))
    if line.max_amount is not None:
        graph.add((amount, SUBSIDIE.maximumbedrag, Literal(float(line.max_amount), datatype=XSD.double)))
        graph.add((amount, SUBSIDIE.maximumbedragString, Literal(f"€ {line.max_amount:,}".replace(",", "."))))
    graph.add((offer, SUBSIDIE.biedtAan, amount))
