"""CSV export of dossiers for Flemish Excel: UTF-8 with BOM, ';' between cells, Dutch headers.

A cell that starts with = + - @ (or a tab or carriage return) gets a leading apostrophe, so a
spreadsheet shows it as text instead of running it as a formula (CSV injection).
"""
from __future__ import annotations

import csv
import io

from django.utils.timezone import localdate

from .models import Dossier
from .values import FIELDS, decimal_comma

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HEADERS = ["Nummer", "Organisatie", "Status", *FIELDS.values(), "Reden van afwijzing", "Aangemaakt op", "Bijgewerkt op"]


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _date(value) -> str:
    return "" if value is None else value.isoformat()


def row(dossier: Dossier) -> list[str]:
    return [
        str(dossier.pk), dossier.organisation.name, dossier.status_label, dossier.title, dossier.funding_line.title,
        dossier.call_round.label if dossier.call_round_id else "", dossier.round_label,
        decimal_comma(dossier.amount_requested), decimal_comma(dossier.amount_granted),
        _date(dossier.planned_submission_on), _date(dossier.submitted_on), _date(dossier.decision_on),
        _date(dossier.reporting_due_on), dossier.responsible.email if dossier.responsible_id else "", dossier.notes,
        dossier.rejection_reason, _date(localdate(dossier.created_at)), _date(localdate(dossier.updated_at)),
    ]


def to_csv(dossiers) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for dossier in dossiers.select_related("organisation", "funding_line", "call_round", "responsible"):
        writer.writerow([safe_cell(cell) for cell in row(dossier)])
    return BOM + buffer.getvalue()
