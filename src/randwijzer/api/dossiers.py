"""Routes for an organisation's dossiers, with a personal API token (Authorization: Bearer ...).

A token acts as its user: only the dossiers of that user's organisations exist for it (404
otherwise). Writes go through randwijzer.dossiers.services; a PATCH carries the `version` it
read, and a stale version answers 409 with the stored record and the differences.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from pydantic import BeforeValidator

from randwijzer.accounts.api_auth import TokenAuth
from randwijzer.dossiers import pipeline, services
from randwijzer.dossiers.access import DossierNotFound, find_dossier, find_organisation, visible_dossiers
from randwijzer.dossiers.reminders import deadline_for
from randwijzer.dossiers.values import FIELDS, DossierInvalid

from .fields import STRICT_BODY, DayText, Euros, only
from .schemas import ErrorOut

router = Router(tags=["dossiers"], auth=TokenAuth())

STATUSES = ", ".join(pipeline.Status.values)
AMOUNT_HELP = "In euro, 0 tot 1.000.000.000, hoogstens 2 cijfers na de komma: een getal of tekst als \"1500.50\"; null maakt het leeg"


# ---------------------------------------------------------------- shapes


class DossierFields(Schema):
    model_config = STRICT_BODY

    title: str | None = Field(None, description="Titel van het dossier")
    funding_line: str | None = Field(None, description="Id van de steunmaatregel (zie /api/v1/funding)")
    call_round: str | None = Field(None, description="Naam van een oproep van die steunmaatregel (timing.call_rounds[].label)")
    round_label: str | None = Field(None, description="Vrije naam van de ronde")
    amount_requested: Euros = Field(None, description=AMOUNT_HELP)
    amount_granted: Euros = Field(None, description=AMOUNT_HELP)
    planned_submission_on: DayText = Field(None, description="Geplande indiening, JJJJ-MM-DD")
    submitted_on: DayText = Field(None, description="Ingediend op, JJJJ-MM-DD")
    decision_on: DayText = Field(None, description="Beslissing op, JJJJ-MM-DD")
    reporting_due_on: DayText = Field(None, description="Verantwoording uiterlijk, JJJJ-MM-DD")
    responsible: str | None = Field(None, description="E-mailadres van een lid van de organisatie")
    notes: str | None = Field(None, description="Notities")


class DossierCreateIn(DossierFields):
    organisation: str = Field(description="Korte naam (slug) van een organisatie waarvan u lid bent")


class DossierPatchIn(DossierFields):
    version: Annotated[int, BeforeValidator(only((int,), "moet een geheel getal zijn"))] = Field(
        description="De versie die u las; een oudere versie geeft 409", ge=1, le=2**31 - 1)
    status: str | None = Field(None, description=f"Nieuwe status, één stap verder: {STATUSES}")
    reason: str | None = Field(None, description="Reden van de statuswijziging; verplicht bij afgewezen")


class EventOut(Schema):
    kind: str = Field(description="created, edited, status of reminder")
    at: dt.datetime
    by: str | None = Field(description="E-mailadres van wie het deed")
    from_status: str
    to_status: str
    reason: str
    summary: str


class DossierOut(Schema):
    id: int
    organisation: str = Field(description="Korte naam (slug)")
    organisation_name: str
    title: str
    funding_line: str
    funding_line_title: str
    call_round: str | None
    round_label: str
    status: str = Field(description=STATUSES)
    status_label: str
    amount_requested: str | None = Field(description="Euro, met 2 decimalen, als tekst")
    amount_granted: str | None = Field(description="Euro, met 2 decimalen, als tekst")
    planned_submission_on: dt.date | None
    submitted_on: dt.date | None
    decision_on: dt.date | None
    reporting_due_on: dt.date | None
    next_deadline: dt.date | None = Field(description="Uiterste indiendatum voor een dossier in idee of in voorbereiding; "
                                                      "null als de catalogus geen vaste datum kent")
    responsible: str | None = Field(description="E-mailadres")
    rejection_reason: str
    notes: str
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
    url: str = Field(description="Pagina van het dossier op de site")


class DossierDetailOut(DossierOut):
    events: list[EventOut] = Field(description="De tijdlijn, oudste eerst")


class DifferenceOut(Schema):
    field: str
    label: str
    yours: str = Field(description="Wat u stuurde, in woorden")
    stored: str = Field(description="Wat nu bewaard is, in woorden")


class ConflictOut(Schema):
    detail: str
    current: DossierDetailOut
    differences: list[DifferenceOut]


class DossierInvalidOut(Schema):
    detail: str = Field(description="Uitleg in het Nederlands")
    parameter: str | None = Field(None, description="Het eerste veld met een ongeldige waarde")
    suggestions: list[str] = []
    errors: dict[str, str] = Field({}, description="Per veld de reden")


class DossierFilters(Schema):
    organisation: str | None = Field(None, description="Korte naam (slug) van een van uw organisaties", max_length=80)
    status: str | None = Field(None, description=STATUSES, max_length=30)


NOT_FOUND = {"detail": "Niet gevonden."}
WRITE_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: DossierInvalidOut}


# ---------------------------------------------------------------- answers


def _amount(value) -> str | None:
    return None if value is None else f"{value:.2f}"


def _out(dossier, today: dt.date, events: bool = False) -> dict:
    out = {
        "id": dossier.pk, "organisation": dossier.organisation.slug, "organisation_name": dossier.organisation.name,
        "title": dossier.title, "funding_line": dossier.funding_line_id, "funding_line_title": dossier.funding_line.title,
        "call_round": dossier.call_round.label if dossier.call_round_id else None, "round_label": dossier.round_label,
        "status": dossier.status, "status_label": dossier.status_label,
        "amount_requested": _amount(dossier.amount_requested), "amount_granted": _amount(dossier.amount_granted),
        "planned_submission_on": dossier.planned_submission_on, "submitted_on": dossier.submitted_on,
        "decision_on": dossier.decision_on, "reporting_due_on": dossier.reporting_due_on,
        "next_deadline": deadline_for(dossier, today) if dossier.status in pipeline.BEFORE_SUBMISSION else None,
        "responsible": dossier.responsible.email if dossier.responsible_id else None,
        "rejection_reason": dossier.rejection_reason, "notes": dossier.notes,
        "created_at": dossier.created_at, "updated_at": dossier.updated_at, "version": dossier.version,
        "url": reverse("dossiers:detail", args=[dossier.pk]),
    }
    if events:
        out["events"] = [{"kind": e.kind, "at": e.at, "by": e.by.email if e.by_id else None, "from_status": e.from_status,
                          "to_status": e.to_status, "reason": e.reason, "summary": e.summary}
                         for e in dossier.events.select_related("by")]
    return out


def _invalid(exc: DossierInvalid) -> Status:
    labels = {**FIELDS, "status": "Status", "reason": "Reden", "organisation": "Organisatie"}
    detail = "Ongeldige invoer: " + " ".join(f"{labels.get(k, k)}: {v}" for k, v in exc.errors.items())
    return Status(422, {"detail": detail, "parameter": next(iter(exc.errors), None), "suggestions": [], "errors": exc.errors})


def _fresh(user, pk):
    return find_dossier(user, pk)


# ---------------------------------------------------------------- routes


@router.get("", response={200: list[DossierOut], 401: ErrorOut, 404: ErrorOut, 422: DossierInvalidOut},
            summary="Dossiers van uw organisaties")
def list_dossiers(request, filters: Query[DossierFilters]):
    """De dossiers van de organisaties waarvan u lid bent, eventueel van één organisatie of met één status."""
    dossiers = visible_dossiers(request.auth).select_related("organisation", "funding_line", "call_round", "responsible")
    if filters.organisation:
        try:
            dossiers = dossiers.filter(organisation=find_organisation(request.auth, filters.organisation))
        except DossierNotFound:
            return Status(404, NOT_FOUND)
    if filters.status:
        if filters.status not in pipeline.Status.values:
            return _invalid(DossierInvalid({"status": f"Kies een status uit: {STATUSES}."}))
        dossiers = dossiers.filter(status=filters.status)
    today = timezone.localdate()
    dossiers = dossiers.prefetch_related("funding_line__yearlydeadlines", "funding_line__callrounds")
    return Status(200, [_out(d, today) for d in dossiers])


@router.post("", response={201: DossierDetailOut, **WRITE_ERRORS}, summary="Een dossier aanmaken")
def create_dossier(request, payload: DossierCreateIn):
    """Een nieuw dossier met status idee, voor een organisatie waarvan u lid bent."""
    try:
        organisation = find_organisation(request.auth, payload.organisation)
        dossier = services.create_dossier(request.auth, organisation, payload.dict(exclude={"organisation"}))
    except DossierNotFound:
        return Status(404, NOT_FOUND)
    except DossierInvalid as exc:
        return _invalid(exc)
    return Status(201, _out(_fresh(request.auth, dossier.pk), timezone.localdate(), events=True))


@router.get("/{dossier_id}", response={200: DossierDetailOut, 401: ErrorOut, 404: ErrorOut, 422: DossierInvalidOut},
            summary="Eén dossier, met zijn tijdlijn")
def get_dossier(request, dossier_id: int):
    try:
        dossier = find_dossier(request.auth, dossier_id)
    except DossierNotFound:
        return Status(404, NOT_FOUND)
    return Status(200, _out(dossier, timezone.localdate(), events=True))


@router.patch("/{dossier_id}", response={200: DossierDetailOut, 409: ConflictOut, **WRITE_ERRORS},
              summary="Een dossier wijzigen (met de versie die u las)")
def patch_dossier(request, dossier_id: int, payload: DossierPatchIn):
    """Alleen de velden die u meestuurt, wijzigen (null maakt een veld leeg). Met `status` zet u een stap in de
    pijplijn; bij `afgewezen` is `reason` verplicht. Is het dossier intussen gewijzigd (andere `version`), dan
    wijzigt er niets en antwoordt de API 409 met het bewaarde dossier en de verschillen."""
    changes = payload.dict(exclude_unset=True, exclude={"version", "status", "reason"})
    try:
        dossier = services.update_dossier(request.auth, dossier_id, changes, payload.version,
                                          status=payload.status, reason=payload.reason)
    except DossierNotFound:
        return Status(404, NOT_FOUND)
    except DossierInvalid as exc:
        return _invalid(exc)
    except services.VersionConflict as exc:
        today = timezone.localdate()
        return Status(409, {"detail": f"Het dossier is intussen gewijzigd (nu versie {exc.current.version}); er is niets bewaard.",
                            "current": _out(_fresh(request.auth, exc.current.pk), today, events=True),
                            "differences": [vars(d) for d in exc.differences]})
    return Status(200, _out(_fresh(request.auth, dossier.pk), timezone.localdate(), events=True))
