"""Funding lines as CommonGrants opportunities (OpportunityBase, protocol of HHS Simpler Grants).

Field by field in docs/open-data.md. A value the catalogue does not have is left out, never
guessed; money is a decimal string in euros.
"""
from __future__ import annotations

import datetime as dt

from randwijzer.catalogue.models import FundingLine, ShareBase, Status
from randwijzer.catalogue.presenters import submission_in_dutch
from randwijzer.text.dutch import format_month_day, join_nl

from . import identifiers, records

CURRENCY = "EUR"

# Catalogue applicant type → CommonGrants value; types without a fitting value become `custom`.
APPLICANT_TYPES = {
    "lokaal-bestuur": "government_municipal",
    "vzw": "nonprofit_without_501c3",  # a Belgian non-profit: no US tax status
    "andere-organisatie": "organization",
}

# The status word only; when and how one applies is the catalogue's own sentence (submission_in_dutch),
# so "doorlopend" never claims one can apply all year for a line whose submission moment is unknown.
STATUS_DESCRIPTIONS = {
    Status.ONZEKER: "Onzeker: het is niet zeker dat deze steunmaatregel nog loopt.",
    Status.DOORLOPEND: "Doorlopend: de steunmaatregel loopt door.",
}
UNKNOWN_MOMENT = "onbekend"


def money(amount: int) -> dict:
    return {"amount": str(amount), "currency": CURRENCY}


def _sentences(*parts: str) -> str:
    return " ".join(dict.fromkeys(part for part in parts if part))


def status(line: FundingLine, open_ids: set[str], reference: dt.date) -> dict:
    """`open` only when the dates or the submission mode say one can apply on `reference`."""
    if line.status == Status.AFGESLOTEN:
        return {"value": "closed"}
    if line.status in STATUS_DESCRIPTIONS:
        text = _sentences(STATUS_DESCRIPTIONS[line.status], submission_in_dutch(line), line.status_reason)
        return {"value": "custom", "customValue": line.status, "description": text}
    if line.pk in open_ids:
        return {"value": "open"}
    calls = list(line.callrounds.all())
    if any(call.opens_on and call.opens_on > reference for call in calls):
        return {"value": "forecasted"}
    if calls:  # none running, none announced: every call is over
        return {"value": "closed", "description": _sentences("Alle oproepen zijn afgelopen.", line.status_reason)}
    return {"value": "custom", "customValue": UNKNOWN_MOMENT,
            "description": _sentences("Niet bekend wanneer u kunt aanvragen.", submission_in_dutch(line), line.status_reason)}


def funding(line: FundingLine) -> dict | None:
    found = {}
    if line.max_amount is not None:
        found["maxAwardAmount"] = money(line.max_amount)
    if line.total_budget is not None:
        found["totalAmountAvailable"] = money(line.total_budget)
    details = []
    if line.cost_share_pct is not None:
        details.append(f"De steun dekt {line.cost_share_pct}% van {line.get_share_base_display()}.")
    if line.max_amount is not None:
        details.append(f"Hoogstens € {line.max_amount:,} per project.".replace(",", "."))
    if line.total_budget is not None and line.budget_period:
        details.append(f"Totaal budget voor {line.budget_period}.")
    if details:
        found["details"] = " ".join(details)
    return found or None


def _single(name: str, date: dt.date, description: str = "") -> dict:
    event = {"name": name, "eventType": "singleDate", "date": date.isoformat()}
    return event | ({"description": description} if description else {})


def _range(name: str, start: dt.date, end: dt.date) -> dict:
    return {"name": name, "eventType": "dateRange", "startDate": start.isoformat(), "endDate": end.isoformat()}


def key_dates(line: FundingLine, upcoming: list) -> dict | None:
    """Call rounds as stated, yearly rounds as a recurring event, and the coming year's deadlines
    and windows as the deadline service computes them (one date engine)."""
    other = {}
    for number, call in enumerate(line.callrounds.all(), start=1):
        other[f"callRound{number}"] = (_range(call.label, call.opens_on, call.closes_on) if call.opens_on
                                       else _single(call.label, call.closes_on, "uiterste indiendatum"))
    days = [format_month_day(item.month, item.day) for item in line.yearlydeadlines.all()]
    if days:
        other["yearlyRounds"] = {"name": "Jaarlijkse indiendata", "eventType": "other",
                                 "details": "Elk jaar uiterlijk op " + ", ".join(days) + "."}
    # A call round gives a deadline (its closing day) and, with an opening day, a window: listed above.
    calls = {(call.closes_on, call.closes_on) for call in line.callrounds.all()}
    calls |= {(call.opens_on, call.closes_on) for call in line.callrounds.all() if call.opens_on}
    next_deadline = next((item for item in upcoming if item.kind == "deadline"), None)
    for item in upcoming:
        if (item.start, item.end) in calls:
            continue
        key = f"{item.kind}-{item.start.isoformat()}"
        other[key] = (_single(item.label, item.start) if item.kind == "deadline"
                      else _range(item.label, item.start, item.end))
    dates = {}
    if next_deadline is not None:
        dates["closeDate"] = _single("Eerstvolgende uiterste indiendatum", next_deadline.start, next_deadline.label)
    if other:
        dates["otherDates"] = other
    return dates or None


def applicant_types(line: FundingLine) -> list[dict]:
    found = []
    for kind in line.applicant_types.all():
        value = APPLICANT_TYPES.get(kind.pk, "custom")
        entry = {"value": value, "description": kind.label}
        if value == "custom":
            entry["customValue"] = kind.pk
        found.append(entry)
    return found


def custom_fields(line: FundingLine) -> dict:
    territory = line.territory
    fields = {
        "territory": {
            "name": "territory", "fieldType": "object",
            "value": {"id": territory.pk, "name": territory.name, "appliesTo": line.territory_basis,
                      "municipalities": [{"nisCode": m.nis_code, "name": m.name_nl}
                                         for m in territory.municipalities.all()]},
            "description": f"Werkingsgebied: {territory.name} ({line.get_territory_basis_display()}).",
        },
        "themes": {
            "name": "themes", "fieldType": "array",
            "value": [{"id": theme.pk, "label": theme.label} for theme in line.themes.all()],
            "description": "Thema's van de steunmaatregel.",
        },
        "conditions": {
            "name": "conditions", "fieldType": "array",
            "value": [{"text": c.text, "kind": c.kind} for c in line.conditions.all()],
            "description": "Voorwaarden, zoals de bronnen ze stellen.",
        },
    }
    checks = [c.text for c in line.conditions.all() if c.kind == "check"]
    unsure = [kind.label.lower() for kind in line.applicant_types_to_verify.all()]  # mid-sentence: no capitals
    details = checks + ([f"Te verifiëren of ook deze aanvragers in aanmerking komen: {join_nl(unsure)}."] if unsure else [])
    if details:
        fields["eligibilityCriteria"] = {
            "name": "eligibilityCriteria", "fieldType": "object", "value": {"details": " ".join(details)},
            "description": "Voorwaarden die de aanvrager zelf moet nagaan.",
        }
    sharing = cost_sharing(line)
    if sharing:
        fields["costSharing"] = {"name": "costSharing", "fieldType": "object", "value": sharing,
                                 "description": "Cofinanciering: het deel dat de aanvrager of een andere financier betaalt."}
    return fields


def cost_sharing(line: FundingLine) -> dict | None:
    if line.cost_share_pct is None and not line.co_financing:
        return None
    value: dict = {}
    if line.co_financing or (line.cost_share_pct is not None and line.cost_share_pct < 100):
        value["isRequired"] = True
    if line.cost_share_pct is not None:
        if line.share_base == ShareBase.PROJECT_COST:
            value["percentage"] = 100 - line.cost_share_pct  # the applicant's part of the cost
        value["details"] = f"De steun dekt {line.cost_share_pct}% van {line.get_share_base_display()}."
    return value or None


def source(line: FundingLine) -> str | None:
    return identifiers.web_page(line.contact_url) or identifiers.web_page(line.administrator.website)


def opportunity(line: FundingLine, context: "Context") -> dict:
    stamps = context.stamps[line.pk]
    found = {
        "id": str(identifiers.opportunity_id(line.pk)),
        "title": line.title,
        "status": status(line, context.open_ids, context.reference),
        "description": line.description.strip() or line.summary,
        "funding": funding(line),
        "keyDates": key_dates(line, context.upcoming.get(line.pk, [])),
        "acceptedApplicantTypes": applicant_types(line),
        "source": source(line),
        "customFields": custom_fields(line),
        "createdAt": stamps.created.isoformat(),
        "lastModifiedAt": stamps.modified.isoformat(),
    }
    return {key: value for key, value in found.items() if value not in (None, [], {})}


class Context:
    """Everything the mapping reads beside the line itself, fetched once per answer."""

    def __init__(self, lines: list[FundingLine], reference: dt.date):
        self.reference = reference
        self.open_ids = records.open_line_ids(reference)
        self.upcoming = records.upcoming_dates(reference)
        self.stamps = records.line_stamps(lines)


def opportunities(reference: dt.date) -> list[dict]:
    lines = records.funding_lines()
    context = Context(lines, reference)
    return [opportunity(line, context) for line in lines]


def find(opportunity_id: str, reference: dt.date) -> dict | None:
    for line in records.funding_lines():
        if str(identifiers.opportunity_id(line.pk)) == opportunity_id:
            return opportunity(line, Context([line], reference))
    return None
