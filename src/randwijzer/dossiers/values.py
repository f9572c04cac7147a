"""The fields of a dossier a member fills in: checked here, for pages, API and CLI alike.

Input is plain: a funding line by id, a call round by its label, the responsible member by
e-mail address, amounts as numbers or "1234.50", dates as dates or "YYYY-MM-DD". `validate`
answers the values to store, or raises DossierInvalid with a Dutch reason per field.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django.contrib.auth import get_user_model

from randwijzer.catalogue import limits
from randwijzer.catalogue.models import CallRound, FundingLine
from randwijzer.text.dutch import format_date_nl, format_number

# Field -> Dutch label, in the order pages, CSV and conflict tables show them.
FIELDS: dict[str, str] = {
    "title": "Titel",
    "funding_line": "Steunmaatregel",
    "call_round": "Oproep",
    "round_label": "Ronde",
    "amount_requested": "Gevraagd bedrag",
    "amount_granted": "Toegekend bedrag",
    "planned_submission_on": "Geplande indiening",
    "submitted_on": "Ingediend op",
    "decision_on": "Beslissing op",
    "reporting_due_on": "Verantwoording uiterlijk",
    "responsible": "Verantwoordelijke",
    "notes": "Notities",
}
MAX_LENGTH = {"title": 200, "round_label": 100, "notes": 10_000, "funding_line": 80, "call_round": 200, "responsible": 254}
# Text may hold line breaks and tabs (notes), never NUL or other control characters (PostgreSQL refuses NUL).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class DossierInvalid(Exception):
    """Bad input: a Dutch reason per field."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def _text(raw: dict, field: str, errors: dict, multiline: bool = False) -> str:
    value = raw.get(field)
    if value is None:
        return ""
    if not isinstance(value, str):
        errors[field] = f"{FIELDS[field]} moet tekst zijn."
        return ""
    value = value.strip()
    if CONTROL.search(value) or limits.has_lone_surrogate(value) or (not multiline and ("\n" in value or "\r" in value)):
        errors[field] = f"{FIELDS[field]} bevat ongeldige tekens."
    elif len(value) > MAX_LENGTH[field]:
        errors[field] = f"{FIELDS[field]} is te lang (hoogstens {MAX_LENGTH[field]} tekens)."
    return value


def parse_amount(value, label: str) -> Decimal | None:
    """An amount in euros (limits.parse_euros); raises ValueError with a Dutch reason that starts with `label`."""
    if value is None or value == "":
        return None
    try:
        return limits.parse_euros(value)
    except ValueError as exc:
        raise ValueError(f"{label} {exc}.") from None


def _amount(raw: dict, field: str, errors: dict) -> Decimal | None:
    try:
        return parse_amount(raw.get(field), FIELDS[field])
    except ValueError as exc:
        errors[field] = str(exc)
        return None


def _date(raw: dict, field: str, errors: dict) -> dt.date | None:
    value = raw.get(field)
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    try:
        return limits.parse_day(value)
    except ValueError as exc:
        errors[field] = f"{FIELDS[field]} {exc}."
        return None


def members(organisation):
    """The active members of an organisation: who may be responsible for its dossiers."""
    return get_user_model().objects.filter(memberships__organisation=organisation, is_active=True).order_by("email")


def validate(organisation, raw: dict) -> dict:
    """Check every field of `raw` (all of FIELDS) against the rules; answer the values to store."""
    errors: dict[str, str] = {}
    values = {
        "title": _text(raw, "title", errors),
        "round_label": _text(raw, "round_label", errors),
        "notes": _text(raw, "notes", errors, multiline=True),
        "amount_requested": _amount(raw, "amount_requested", errors),
        "amount_granted": _amount(raw, "amount_granted", errors),
    }
    for field in ("planned_submission_on", "submitted_on", "decision_on", "reporting_due_on"):
        values[field] = _date(raw, field, errors)
    if not values["title"] and "title" not in errors:
        errors["title"] = "Geef het dossier een titel."

    line_id = _text(raw, "funding_line", errors)
    line = FundingLine.objects.filter(id=line_id).first() if line_id and "funding_line" not in errors else None
    if line is None and "funding_line" not in errors:
        errors["funding_line"] = "Kies een steunmaatregel uit de catalogus."
    values["funding_line"] = line

    round_name = _text(raw, "call_round", errors)
    values["call_round"] = None
    if round_name and line is not None and "call_round" not in errors:
        values["call_round"] = CallRound.objects.filter(funding_line=line, label=round_name).first()
        if values["call_round"] is None:
            errors["call_round"] = f"De oproep ‘{round_name[:60]}’ hoort niet bij {line.title}."

    email = _text(raw, "responsible", errors).lower()
    values["responsible"] = None
    if email and "responsible" not in errors:
        values["responsible"] = members(organisation).filter(email__iexact=email).first()
        if values["responsible"] is None:
            errors["responsible"] = f"De verantwoordelijke moet lid zijn van {organisation.name}."
    if errors:
        raise DossierInvalid(errors)
    return values


def plain_values(dossier) -> dict:
    """A stored dossier in the input form `validate` takes (for partial updates and comparisons)."""
    return {
        "title": dossier.title,
        "funding_line": dossier.funding_line_id,
        "call_round": dossier.call_round.label if dossier.call_round_id else "",
        "round_label": dossier.round_label,
        "amount_requested": dossier.amount_requested,
        "amount_granted": dossier.amount_granted,
        "planned_submission_on": dossier.planned_submission_on,
        "submitted_on": dossier.submitted_on,
        "decision_on": dossier.decision_on,
        "reporting_due_on": dossier.reporting_due_on,
        "responsible": dossier.responsible.email if dossier.responsible_id else "",
        "notes": dossier.notes,
    }


def format_amount(amount: Decimal | None) -> str:
    """'€ 1.500,50' (Dutch separators)."""
    if amount is None:
        return ""
    whole, cents = f"{amount:.2f}".split(".")
    return f"€ {format_number(int(whole))},{cents}"


def decimal_comma(amount: Decimal | None) -> str:
    """'1500,50': what the edit form shows and Flemish Excel reads (no thousands separator)."""
    return "" if amount is None else f"{amount:.2f}".replace(".", ",")


def display(field: str, value) -> str:
    """A stored value as a person reads it, for timelines and conflict tables."""
    if value is None or value == "":
        return "(leeg)"
    if field in ("amount_requested", "amount_granted"):
        return format_amount(value)
    if isinstance(value, dt.date):
        return format_date_nl(value)
    if field == "funding_line":
        return getattr(value, "title", str(value))
    if field == "call_round":
        return getattr(value, "label", str(value))
    if field == "responsible":
        return getattr(value, "email", str(value))
    return str(value)
